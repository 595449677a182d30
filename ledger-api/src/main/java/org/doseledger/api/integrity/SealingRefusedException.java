package org.doseledger.api.integrity;

/**
 * The sealer would not sign: the database's tree does not extend the last tree checkpoint it signed
 * (sealed events rewritten or removed, checkpoints deleted, its own record missing). Nothing was signed;
 * sealing stays halted, and says so, until the cause is repaired.
 */
public class SealingRefusedException extends IllegalStateException {

    private final String code;

    SealingRefusedException(String code, String reason) {
        super("Sealing refused (" + code + "): " + reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
