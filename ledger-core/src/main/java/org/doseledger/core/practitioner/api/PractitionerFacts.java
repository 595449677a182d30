package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.util.Set;

/**
 * What the ledger knows of a practitioner when a command names them, and what that allows. Only
 * prescribers and nurses handle stock; therapists may not order or possess ketamine. Prescribing and
 * approving on the registrant's behalf need a prescriber with a DEA registration. Any active
 * practitioner may witness or co-sign, never their own act.
 */
public record PractitionerFacts(
        String practitionerId,
        boolean active,
        Set<PractitionerRole> roles,
        boolean holdsDea,
        Credentials credentials,
        Instant registeredAt,
        Instant deactivatedAt) {

    public PractitionerFacts {
        credentials = credentials == null ? Credentials.NONE : credentials;
    }

    /** Facts without the moments of registration and deactivation. */
    public PractitionerFacts(
            String practitionerId,
            boolean active,
            Set<PractitionerRole> roles,
            boolean holdsDea,
            Credentials credentials) {
        this(practitionerId, active, roles, holdsDea, credentials, null, null);
    }

    /** Facts with no credentials recorded. */
    public PractitionerFacts(String practitionerId, boolean active, Set<PractitionerRole> roles, boolean holdsDea) {
        this(practitionerId, active, roles, holdsDea, Credentials.NONE);
    }

    /**
     * Why the practitioner could not act at that moment (not yet registered, or deactivated by then), or
     * null when they could. An act is judged at the moment it occurred, not when it is recorded: an act
     * done the day before a deactivation and recorded after it stands; one done after it does not.
     */
    public String inactiveAt(Instant at) {
        if (registeredAt != null && at.isBefore(registeredAt)) {
            return "not registered until " + registeredAt + ", after the act at " + at;
        }
        if (deactivatedAt != null && !at.isBefore(deactivatedAt)) {
            return "inactive since " + deactivatedAt + ", before the act at " + at;
        }
        if (!active && deactivatedAt == null) {
            return "inactive";
        }
        return null;
    }

    /** Whether the practitioner's roles (and DEA registration) allow the act, whenever it occurred. */
    public boolean rolesAllow(StockAction action) {
        return switch (action) {
            case RECEIVE, DRAW, ADMINISTER, WASTE, DISPENSE, TRANSFER, RETURN, DESTROY, REPORT_LOSS, COUNT, CORRECT ->
                handlesStock();
            case PRESCRIBE, APPROVE -> roles.contains(PractitionerRole.PRESCRIBER) && holdsDea;
            case WITNESS, COSIGN -> true;
        };
    }

    private boolean handlesStock() {
        return roles.contains(PractitionerRole.PRESCRIBER) || roles.contains(PractitionerRole.NURSE);
    }

    public boolean mayPerform(StockAction action) {
        return active && rolesAllow(action);
    }
}
