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
 * @param trustedKeysDir public keys (PEM, X.509, one {@code <keyId>.pub} per key) that verification
 *     trusts: the active key and every earlier one; default {@code <data-dir>/keys}
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
        @DefaultValue("15m") Duration maxUnsealedAge) {

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
