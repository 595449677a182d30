package org.doseledger.api.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.doseledger.core.integrity.Ed25519Keys;
import org.doseledger.core.integrity.bundle.OfflineBundleVerifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An export bundle checked by this service the way {@code verify-bundle} checks it offline, with the keys the
 * ledger trusts (the pinned key and the keys it endorsed), for a person who wants to see it verified; and the
 * public keys in PEM for whoever verifies it themselves.
 */
@Component
public class BundleChecks {

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;

    BundleChecks(JdbcTemplate jdbc, SigningKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public OfflineBundleVerifier.Result verify(InputStream bundle) {
        Path file = null;
        try {
            file = Files.createTempFile("bundle-check", ".zip");
            Files.copy(bundle, file, StandardCopyOption.REPLACE_EXISTING);
            List<PublicKey> trusted = List.copyOf(TrustedKeys.of(jdbc, keys).values());
            return OfflineBundleVerifier.verify(file, trusted);
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the bundle", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary copy left behind is removed with the temporary directory
                }
            }
        }
    }

    /** A trusted public key as {@code verify-bundle --public-key} reads it (PEM). */
    public Optional<String> publicKeyPem(String keyId) {
        return Optional.ofNullable(TrustedKeys.of(jdbc, keys).get(keyId))
                .map(key -> Ed25519Keys.pemOf("PUBLIC KEY", key.getEncoded()));
    }
}
