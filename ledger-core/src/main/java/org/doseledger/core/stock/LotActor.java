package org.doseledger.core.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PracticeId;

/**
 * The person acting on a lot, checked in one place for every command: allowed by their roles, or credentialed
 * for the act on the day it occurred; the second person who witnessed or approved it; and whether the entry
 * is late. Each check runs when the part calls it, in the order it calls them, so the first problem found is
 * the one answered. A part of {@link StockLot}.
 */
final class LotActor {

    private final PracticeId practice;
    private final String actor;
    private final Instant at;
    private final Practitioners practitioners;
    private final Practices practices;
    private final Clock clock;

    LotActor(
            PracticeId practice,
            String actor,
            Instant at,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        this.practice = practice;
        this.actor = actor;
        this.at = at;
        this.practitioners = practitioners;
        this.practices = practices;
        this.clock = clock;
    }

    /** Their roles allow the act, and they were active when it occurred. */
    LotActor allowedTo(StockAction action) {
        PractitionerChecks.requireAllowed(practitioners, practice, actor, action, at);
        return this;
    }

    /** As {@link #allowedTo}, and their registration or licence allows the act on the day it occurred. */
    LotActor credentialedTo(StockAction action) {
        PractitionerChecks.requireCredentialed(practitioners, practice, actor, action, at, day());
        return this;
    }

    /** Someone else, allowed to witness, saw it. */
    LotActor witnessedBy(String witness) {
        PractitionerChecks.requireSecondPerson(practitioners, practice, actor, witness, StockAction.WITNESS, at);
        return this;
    }

    /**
     * Approving a correction or a discrepancy's resolution is the registrant's act: a second person who is a
     * prescriber with a DEA registration valid on that day, as for a dose override.
     */
    LotActor approvedBy(String approver) {
        PractitionerChecks.requireSecondPerson(practitioners, practice, actor, approver, StockAction.APPROVE, at);
        PractitionerChecks.requireCredentialed(practitioners, practice, approver, StockAction.APPROVE, at, day());
        return this;
    }

    /** The entry's lateness: recorded long after it occurred needs a reason, and a co-signer where the practice asks. */
    LateEntry late(LateEntry lateEntry) {
        return LateEntries.check(at, clock.instant(), lateEntry, practice, actor, practitioners, practices);
    }

    /** The calendar day it occurred, where the practice is. */
    LocalDate day() {
        return LocalDate.ofInstant(at, practices.timeZone(practice).orElse(ZoneOffset.UTC));
    }
}
