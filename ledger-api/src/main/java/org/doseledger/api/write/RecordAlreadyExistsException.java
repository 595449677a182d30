package org.doseledger.api.write;

import java.util.Locale;
import org.doseledger.core.shared.LedgerRuleViolation;

/** A create command named an id that the ledger already holds. */
public class RecordAlreadyExistsException extends LedgerRuleViolation {

    private final String kind;

    public RecordAlreadyExistsException(String kind, String id) {
        super("A " + kind + " with id '" + id + "' already exists");
        this.kind = kind;
    }

    @Override
    public String code() {
        return kind.toUpperCase(Locale.ROOT).replace('-', '_') + "_ALREADY_EXISTS";
    }
}
