package org.doseledger.api.integrity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(
        String signingKey,
        Path signingKeyFile,
        Path trustedKeysDir,
        @DefaultValue("true") boolean sealing,
        @DefaultValue("60s") Duration sealInterval,
        @DefaultValue("10s") Duration gapWindow) {}
