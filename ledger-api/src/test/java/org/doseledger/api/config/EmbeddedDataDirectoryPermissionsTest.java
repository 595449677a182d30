package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.FileModes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A first start on the embedded database creates its data directory owner-only, with everything in it: the lock,
 * the keys directory, the initial admin key. The master key is given in the configuration, as deploy/README.md
 * advises, so the service does not write one: the keys directory is then first needed by the checkpoint signing key.
 * PostgreSQL's own directory is PostgreSQL's to manage: initdb makes it 0700 and the server refuses to start on one
 * that group or others may write (or, unless the cluster allows group access, read).
 */
class EmbeddedDataDirectoryPermissionsTest {

    @TempDir
    Path parent;

    @Test
    void theFirstStartCreatesItsDataDirectoryForItsOwnerAlone() {
        Path dataDir = parent.resolve("data");

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(DoseLedgerApplication.class)
                .properties(
                        "ledger.data-dir=" + dataDir,
                        "server.port=0",
                        "spring.datasource.url=",
                        "ledger.privacy.master-key=" + Base64.getEncoder().encodeToString(new byte[32]))
                .run()) {
            assertThat(dataDir.resolve("initial-admin-key")).exists();
            assertThat(dataDir.resolve("postgres.lock")).exists();
            assertThat(dataDir.resolve("keys/signing-key.pem")).exists();
            assertThat(dataDir.resolve("keys/master.key")).doesNotExist();
            assertThat(FileModes.mode(dataDir.resolve("postgres")))
                    .as("PostgreSQL's data directory")
                    .isEqualTo("rwx------");
            assertThat(FileModes.openToOthers(dataDir, dataDir.resolve("postgres")::equals))
                    .isEmpty();
        }
    }
}
