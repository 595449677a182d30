package org.doseledger.projections.accountability;

import java.time.Instant;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Substance;

/**
 * The accountability of a practice's lots up to {@code asOf} (occurred time, inclusive) as the ledger
 * knew it at {@code knownAt} (recorded time, inclusive): "as we know it now" is {@code knownAt} = now,
 * "what the ledger showed at X" is {@code asOf} = {@code knownAt} = X. The period opens at the last
 * count at or before {@code from} (or at the lot's first entry without one). Location, NDC and
 * substance narrow the lots; {@code withMovements} lists each movement of the period.
 */
public record FindAccountabilityQuery(
        PracticeId practiceId,
        Instant asOf,
        Instant knownAt,
        Instant from,
        String locationId,
        String ndc,
        Substance substance,
        boolean withMovements) {}
