package org.doseledger.api.generator;

/** The ledger refused a generated fact: the history and the ledger's rules disagree. */
public class GeneratorException extends RuntimeException {

    public GeneratorException(PracticeFact fact, String answer) {
        super("The ledger refused " + fact.kind() + " (POST " + fact.path() + ", occurred " + fact.occurredAt() + "): "
                + answer);
    }
}
