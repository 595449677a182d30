package org.doseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Every attack of {@link TreeTamperingIsDetectedTest} on an external PostgreSQL server (Debian's package, as CI installs it), set up as a
 * deployment sets it up: the service's components connect as {@code ledger_app}, which is not a superuser, and the
 * attacker is the server's superuser. Skipped where no server package is installed.
 */
class TreeTamperingIsDetectedOnExternalPostgresTest extends TreeTamperingIsDetectedTest {

    @Override
    AttackedDatabase newDatabase() {
        assumeTrue(
                AttackedDatabase.externalAvailable(), "no PostgreSQL server package is installed (Debian: postgresql)");
        return AttackedDatabase.external();
    }

    @Test
    void theServiceIsNotASuperuserAndTheAttackerIs() {
        String superuser = "select rolsuper from pg_roles where rolname = current_user";
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("ledger_app");
        assertThat(jdbc.queryForObject(superuser, Boolean.class)).isFalse();
        assertThat(attacker.queryForObject(superuser, Boolean.class)).isTrue();
        assertThat(attacker.queryForObject("select current_setting('data_directory')", String.class))
                .as("the server the test started from the operating system's packages, not the embedded one")
                .contains("ledger-pg-");
    }
}
