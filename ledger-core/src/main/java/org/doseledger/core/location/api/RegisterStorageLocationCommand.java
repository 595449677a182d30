package org.doseledger.core.location.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.DeaNumber;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;

/**
 * Register a locked safe or cabinet of a practice where stock is kept. {@code occurredAt} is when it came
 * into use (null: now); no stock can be at the location before then.
 */
public record RegisterStorageLocationCommand(
        PracticeId practiceId,
        String locationId,
        String name,
        LocationKind kind,
        boolean refrigerated,
        Instant occurredAt,
        PostalAddress address,
        DeaNumber deaNumber,
        String remsHealthcareSettingId) {

    /** A location at the practice's registered address, in use since {@code occurredAt}. */
    public RegisterStorageLocationCommand(
            PracticeId practiceId,
            String locationId,
            String name,
            LocationKind kind,
            boolean refrigerated,
            Instant occurredAt) {
        this(practiceId, locationId, name, kind, refrigerated, occurredAt, null, null, null);
    }

    /** A location in use from now on. */
    public RegisterStorageLocationCommand(
            PracticeId practiceId, String locationId, String name, LocationKind kind, boolean refrigerated) {
        this(practiceId, locationId, name, kind, refrigerated, null);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return LocationIds.aggregateId(practiceId, locationId);
    }
}
