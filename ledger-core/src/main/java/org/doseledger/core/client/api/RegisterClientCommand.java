package org.doseledger.core.client.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;

/** Register a client of a practice, with the identity that dispensing records require. */
public record RegisterClientCommand(
        @TargetAggregateIdentifier ClientRef client,
        PersonName legalName,
        LocalDate dateOfBirth,
        PostalAddress address,
        Instant occurredAt) {}
