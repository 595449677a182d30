package org.doseledger.core.client.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.SealedPersonalData;

/**
 * Register a client of a practice, with the identity that dispensing records require, already sealed
 * with the client's data key.
 */
public record RegisterClientCommand(
        @TargetAggregateIdentifier ClientRef client,
        SealedPersonalData legalName,
        SealedPersonalData dateOfBirth,
        SealedPersonalData address,
        Instant occurredAt,
        SealedPersonalData sex) {

    /** A client registered without their sex on file. */
    public RegisterClientCommand(
            ClientRef client,
            SealedPersonalData legalName,
            SealedPersonalData dateOfBirth,
            SealedPersonalData address,
            Instant occurredAt) {
        this(client, legalName, dateOfBirth, address, occurredAt, null);
    }
}
