package org.doseledger.api.integrity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every case of {@link WitnessedSealingTest} on an external PostgreSQL server (Debian's package, as CI installs
 * it), set up as a deployment sets it up: the sealer connects as {@code ledger_app}, which is not a superuser, and
 * the attacker who truncates or rewrites the history is the server's superuser. Skipped where no server package is
 * installed.
 */
class WitnessedSealingOnExternalPostgresTest extends WitnessedSealingTest {

    @Override
    AttackedDatabase newDatabase() {
        assumeTrue(
                AttackedDatabase.externalAvailable(), "no PostgreSQL server package is installed (Debian: postgresql)");
        return AttackedDatabase.external();
    }
}
