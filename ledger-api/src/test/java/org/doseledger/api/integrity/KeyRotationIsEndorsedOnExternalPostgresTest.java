package org.doseledger.api.integrity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every case of {@link KeyRotationIsEndorsedTest} on an external PostgreSQL server (Debian's package, as CI
 * installs it), with the service connected as the deployment's {@code ledger_app} role: a forged endorsement
 * that role can insert is still untrusted. Skipped where no server package is installed.
 */
class KeyRotationIsEndorsedOnExternalPostgresTest extends KeyRotationIsEndorsedTest {

    @Override
    AttackedDatabase newDatabase() {
        assumeTrue(
                AttackedDatabase.externalAvailable(), "no PostgreSQL server package is installed (Debian: postgresql)");
        return AttackedDatabase.external();
    }
}
