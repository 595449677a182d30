package org.doseledger.api.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import org.doseledger.api.config.LedgerProperties;
import org.doseledger.core.integrity.EventHashes;
import org.doseledger.core.shared.OwnerOnlyFiles;
import org.doseledger.projections.personaldata.PersonalDataCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The AES-256 key that wraps every client data key. It lives outside the database: from the
 * configuration (an environment variable fed by a secret store), else from a file, else it is generated
 * under the data directory (0600, in the 0700 keys directory) at first start. Whoever loses it loses every
 * client's personal data; whoever holds it and a copy of the database can read it (docs/personal-data.md).
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final SecretKey key;

    MasterKey(PrivacyProperties properties, LedgerProperties ledger) {
        Path file = properties.masterKeyFile() != null
                ? properties.masterKeyFile()
                : ledger.dataDir().resolve("keys").resolve("master.key");
        try {
            if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
                this.key = decode(properties.masterKey(), "ledger.privacy.master-key");
            } else if (Files.exists(file)) {
                this.key = decode(Files.readString(file), file.toString());
            } else {
                this.key = PersonalDataCrypto.newKey();
                OwnerOnlyFiles.writeAtomically(
                        file,
                        (Base64.getEncoder().encodeToString(key.getEncoded()) + "\n")
                                .getBytes(StandardCharsets.US_ASCII));
                log.info(
                        "Generated a master key for client personal data at {}; back it up apart from the database",
                        file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the personal-data master key " + file, e);
        }
        log.info("Client personal data keys are wrapped with master key {}", fingerprint());
    }

    SecretKey key() {
        return key;
    }

    /**
     * A 32-byte key for one purpose, derived from the master key (HMAC-SHA256 of the purpose's name): a
     * secret kept with the master key, and gone with it, without storing another key.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("dose-ledger/" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of the key: names it in logs without revealing it. */
    String fingerprint() {
        return HexFormat.of().formatHex(EventHashes.sha256(key.getEncoded())).substring(0, 16);
    }

    private static SecretKey decode(String base64, String source) {
        try {
            return PersonalDataCrypto.key(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the personal-data master key in " + source + " is not 32 bytes of Base64 (AES-256)", e);
        }
    }
}
