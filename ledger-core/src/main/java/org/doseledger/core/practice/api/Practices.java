package org.doseledger.core.practice.api;

import java.time.ZoneId;
import java.util.Optional;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/** Looks up facts of a registered practice for rules of other aggregates (kept in the command's transaction). */
public interface Practices {

    /** The practice's time zone: calendar rules (expiry dates, deadlines) are judged in it. */
    Optional<ZoneId> timeZone(PracticeId practiceId);

    /** The practice's clinical policies; the defaults until its administrator sets them. */
    default PracticePolicies policies(PracticeId practiceId) {
        return PracticePolicies.DEFAULTS;
    }

    /** The practice's own DEA registration number; empty when it is not registered. */
    default Optional<String> deaNumber(PracticeId practiceId) {
        return Optional.empty();
    }

    /** The practice's registered address (its principal place of business); empty when it is not registered. */
    default Optional<PostalAddress> address(PracticeId practiceId) {
        return Optional.empty();
    }

    /** The practice registered with this DEA number, if any: a DEA registration belongs to one registrant. */
    default Optional<PracticeId> holderOf(String deaNumber) {
        return Optional.empty();
    }

    /** A history import of the practice, open or closed; empty when it was never opened. */
    default Optional<HistoryImport> historyImport(PracticeId practiceId, String importId) {
        return Optional.empty();
    }
}
