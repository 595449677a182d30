package org.doseledger.api.integrity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tamper-evidence settings ({@code ledger.integrity.*}).
 *
 * @param signingKey the Ed25519 private key that signs checkpoints, PKCS#8 in Base64 (for example from a
 *     secret store through {@code LEDGER_INTEGRITY_SIGNING_KEY}); takes precedence over the file
 * @param signingKeyFile the file holding that key (PEM, PKCS#8); default {@code <data-dir>/keys/signing-key.pem},
 *     generated with permissions 0600 at first start when no key is configured
 * @param trustedKeysDir where the public key of every key that signed is kept ({@code <keyId>.pub}, PEM, X.509), for
 *     reference and for bundles; default {@code <data-dir>/keys}. A key there is trusted only when it is pinned or
 *     endorsed (below)
 * @param sealing whether this node seals checkpoints (every node may; they take turns on a lock)
 * @param sealInterval how often checkpoints are sealed
 * @param gapWindow how old an event must be before it is sealed, on top of waiting for every older
 *     transaction to finish, so that no late-committing write can land behind a seal
 * @param origin the name of the ledger's transparency log, the first line of every tree checkpoint and
 *     the name of its signing key: unique per installation (for example the practice's domain and
 *     {@code /ledger})
 * @param sealerStateFile where the sealer keeps the last tree checkpoint it signed, outside the
 *     database; default {@code sealer-checkpoint} beside the signing key. It signs only a tree consistent
 *     with it
 * @param maxUnsealedAge how old the oldest event not yet sealed may grow before sealing counts as halted
 *     (health DOWN, metric, a compliance exception) and verification fails
 * @param previousSigningKey at a rotation, the key that signed until now (PKCS#8, Base64), so that it endorses the new
 *     one in the ledger; takes precedence over the file
 * @param previousSigningKeyFile the same as a file (PEM, PKCS#8)
 * @param pinnedKeysFile the public keys (PEM blocks) verification starts from; every other key must be endorsed by
 *     one of them through {@code SigningKeyEndorsed} events. Default {@code pinned-keys.pem} in the trusted-keys
 *     directory, written at the first start with the keys that directory holds then
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(
        String signingKey,
        Path signingKeyFile,
        Path trustedKeysDir,
        @DefaultValue("true") boolean sealing,
        @DefaultValue("60s") Duration sealInterval,
        @DefaultValue("10s") Duration gapWindow,
        @DefaultValue("dose-ledger") String origin,
        Path sealerStateFile,
        @DefaultValue("15m") Duration maxUnsealedAge,
        String previousSigningKey,
        Path previousSigningKeyFile,
        Path pinnedKeysFile) {

    @ConstructorBinding
    public IntegrityProperties {
        if (origin == null
                || origin.isBlank()
                || origin.contains("\n")
                || origin.contains("+")
                || origin.contains(" ")) {
            throw new IllegalArgumentException(
                    "ledger.integrity.origin must be one word without '+' or spaces, not '" + origin + "'");
        }
    }

    /** The settings of tests and tools that construct them by hand, with no rotation and the default pinned keys. */
    public IntegrityProperties(
            String signingKey,
            Path signingKeyFile,
            Path trustedKeysDir,
            boolean sealing,
            Duration sealInterval,
            Duration gapWindow,
            String origin,
            Path sealerStateFile,
            Duration maxUnsealedAge) {
        this(
                signingKey,
                signingKeyFile,
                trustedKeysDir,
                sealing,
                sealInterval,
                gapWindow,
                origin,
                sealerStateFile,
                maxUnsealedAge,
                null,
                null,
                null);
    }

    /** The settings of tests and tools that construct them by hand, with the defaults of the rest. */
    public IntegrityProperties(
            String signingKey,
            Path signingKeyFile,
            Path trustedKeysDir,
            boolean sealing,
            Duration sealInterval,
            Duration gapWindow) {
        this(
                signingKey,
                signingKeyFile,
                trustedKeysDir,
                sealing,
                sealInterval,
                gapWindow,
                "dose-ledger",
                null,
                Duration.ofMinutes(15));
    }
}
