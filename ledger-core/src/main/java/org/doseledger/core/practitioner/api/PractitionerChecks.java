package org.doseledger.core.practitioner.api;

import java.time.Instant;
import java.time.LocalDate;
import org.doseledger.core.shared.PracticeId;

/**
 * The checks every command makes of the people it names, judged at the moment the act occurred: who was
 * registered and not yet deactivated then, with credentials valid on that day.
 */
public final class PractitionerChecks {

    private PractitionerChecks() {}

    public static void requireAllowed(
            Practitioners practitioners, PracticeId practiceId, String practitionerId, StockAction action, Instant at) {
        PractitionerFacts facts = practitioners
                .find(practiceId, practitionerId)
                .orElseThrow(() -> new PractitionerNotAuthorizedException(
                        practitionerId, action, "not a practitioner of practice " + practiceId));
        String inactive = facts.inactiveAt(at);
        if (inactive != null) {
            throw new PractitionerNotAuthorizedException(practitionerId, action, inactive);
        }
        if (!facts.rolesAllow(action)) {
            throw new PractitionerNotAuthorizedException(
                    practitionerId, action, "roles " + facts.roles() + " do not allow it");
        }
    }

    /**
     * As {@link #requireAllowed}, and the practitioner's credentials must allow the act on the day it
     * occurred (in the practice's calendar): an expired licence cannot administer.
     */
    public static void requireCredentialed(
            Practitioners practitioners,
            PracticeId practiceId,
            String practitionerId,
            StockAction action,
            Instant at,
            LocalDate on) {
        requireAllowed(practitioners, practiceId, practitionerId, action, at);
        PractitionerFacts facts = practitioners.find(practiceId, practitionerId).orElseThrow();
        String problem = facts.credentials().problemWith(action, on);
        if (problem != null) {
            throw new PractitionerCredentialException(practitionerId, action, problem);
        }
    }

    /** A witness or co-signer must be allowed and must not be the person acting. */
    public static void requireSecondPerson(
            Practitioners practitioners,
            PracticeId practiceId,
            String actor,
            String secondPerson,
            StockAction action,
            Instant at) {
        if (secondPerson == null || secondPerson.equals(actor)) {
            throw new SecondPersonRequiredException(actor, action);
        }
        requireAllowed(practitioners, practiceId, secondPerson, action, at);
    }
}
