package org.doseledger.api.integrity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link SealingLockTest} on an external PostgreSQL server (Debian's package, as CI installs it): the sealer
 * connects as {@code ledger_app}, and the login holding its lock is the server's superuser. Skipped where no
 * server package is installed.
 */
class SealingLockOnExternalPostgresTest extends SealingLockTest {

    @Override
    AttackedDatabase newDatabase() {
        assumeTrue(
                AttackedDatabase.externalAvailable(), "no PostgreSQL server package is installed (Debian: postgresql)");
        return AttackedDatabase.external();
    }
}
