package org.doseledger.core.practitioner.api;

import java.util.Set;

/**
 * What the ledger knows of a practitioner when a command names them, and what that allows. Only
 * prescribers and nurses handle stock (receive, draw, administer, waste); therapists may not order or
 * possess ketamine. Any active practitioner may witness or co-sign, never their own act.
 */
public record PractitionerFacts(String practitionerId, boolean active, Set<PractitionerRole> roles, boolean holdsDea) {

    public boolean mayPerform(StockAction action) {
        if (!active) {
            return false;
        }
        return switch (action) {
            case RECEIVE, DRAW, ADMINISTER, WASTE ->
                roles.contains(PractitionerRole.PRESCRIBER) || roles.contains(PractitionerRole.NURSE);
            case WITNESS, COSIGN -> true;
        };
    }
}
