package org.doseledger.core.practitioner.api;

import java.util.Set;

/**
 * What the ledger knows of a practitioner when a command names them, and what that allows. Only
 * prescribers and nurses handle stock; therapists may not order or possess ketamine. Prescribing and
 * approving on the registrant's behalf need a prescriber with a DEA registration. Any active
 * practitioner may witness or co-sign, never their own act.
 */
public record PractitionerFacts(
        String practitionerId, boolean active, Set<PractitionerRole> roles, boolean holdsDea, Credentials credentials) {

    public PractitionerFacts {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    /** Facts with no credentials recorded. */
    public PractitionerFacts(String practitionerId, boolean active, Set<PractitionerRole> roles, boolean holdsDea) {
        this(practitionerId, active, roles, holdsDea, Credentials.NONE);
    }

    private boolean handlesStock() {
        return roles.contains(PractitionerRole.PRESCRIBER) || roles.contains(PractitionerRole.NURSE);
    }

    public boolean mayPerform(StockAction action) {
        if (!active) {
            return false;
        }
        return switch (action) {
            case RECEIVE, DRAW, ADMINISTER, WASTE, DISPENSE, TRANSFER, RETURN, DESTROY, REPORT_LOSS, COUNT, CORRECT ->
                handlesStock();
            case PRESCRIBE, APPROVE -> roles.contains(PractitionerRole.PRESCRIBER) && holdsDea;
            case WITNESS, COSIGN -> true;
        };
    }
}
