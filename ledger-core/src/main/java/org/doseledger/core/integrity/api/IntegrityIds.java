package org.doseledger.core.integrity.api;

/** The ledger's integrity facts (signing keys, verification results) live in one stream of their own. */
public final class IntegrityIds {

    public static final String AGGREGATE_ID = "ledger-integrity";

    private IntegrityIds() {}
}
