package org.doseledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.doseledger.api.DoseLedgerApplication;
import org.doseledger.api.support.FileModes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL lets nobody in without a password: not the superuser, not the service's role, whether
 * the data directory is new or was made by an earlier version that trusted every local connection. The passwords
 * are generated at the first start, kept owner-only beside the other keys, and used by the service across restarts.
 */
class EmbeddedPostgresPasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirectoryDemandsAPasswordOfEveryLoginAndTheServiceRestartsWithItsOwn() throws Exception {
        try (ConfigurableApplicationContext service = start()) {
            assertOnlyThePasswordsOnFileLogIn(service);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            assertOnlyThePasswordsOnFileLogIn(restarted);
            assertThat(restarted.getBean(JdbcTemplate.class).queryForObject("select current_user", String.class))
                    .isEqualTo("ledger_app");
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionThatTrustedLocalLoginsIsGivenPasswordsAtStart() throws Exception {
        // what earlier versions left: initdb's pg_hba.conf trusting every local connection, ledger_app without one
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .start();
                Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create role ledger_app login");
        }

        try (ConfigurableApplicationContext service = start()) {
            assertOnlyThePasswordsOnFileLogIn(service);
        }
        try (ConfigurableApplicationContext restarted = start()) {
            assertOnlyThePasswordsOnFileLogIn(restarted);
        }
    }

    private void assertOnlyThePasswordsOnFileLogIn(ConfigurableApplicationContext service) throws Exception {
        int port = service.getBean(EmbeddedPostgres.class).getPort();
        for (String role : new String[] {"postgres", "ledger_app"}) {
            assertThatThrownBy(() -> login(port, role, null))
                    .as(role + " without a password")
                    .isInstanceOf(SQLException.class);
        }
        Path superuserFile = dataDir.resolve("keys/postgres-superuser.password");
        Path applicationFile = dataDir.resolve("keys/postgres-ledger-app.password");
        assertThat(FileModes.mode(superuserFile)).isEqualTo("rw-------");
        assertThat(FileModes.mode(applicationFile)).isEqualTo("rw-------");
        String superuser = Files.readString(superuserFile).strip();
        String application = Files.readString(applicationFile).strip();
        assertThat(superuser).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(application);

        for (String role : new String[] {"postgres", "ledger_app"}) {
            assertThatThrownBy(() -> login(port, role, ""))
                    .as(role + " with an empty password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> login(port, role, "wrong-" + superuser))
                    .as(role + " with a wrong password")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThatThrownBy(() -> login(port, "ledger_app", superuser))
                .as("ledger_app with the superuser's password")
                .isInstanceOf(SQLException.class);
        try (Connection connection = login(port, "postgres", superuser)) {
            assertThat(connection.isValid(2)).isTrue();
        }
        try (Connection connection = login(port, "ledger_app", application)) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static Connection login(int port, String role, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DoseLedgerApplication.class)
                .properties("ledger.data-dir=" + dataDir, "server.port=0", "spring.datasource.url=")
                .run();
    }
}
