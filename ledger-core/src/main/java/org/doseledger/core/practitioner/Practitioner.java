package org.doseledger.core.practitioner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.practitioner.api.CredentialAlreadyExpiredException;
import org.doseledger.core.practitioner.api.DeactivatePractitionerCommand;
import org.doseledger.core.practitioner.api.InvalidPractitionerIdentityException;
import org.doseledger.core.practitioner.api.PractitionerAlreadyInactiveException;
import org.doseledger.core.practitioner.api.PractitionerCertificateRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerDeactivatedEvent;
import org.doseledger.core.practitioner.api.PractitionerIdentityRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerIds;
import org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.PrescriberNeedsDeaNumberException;
import org.doseledger.core.practitioner.api.RecordCertificateCommand;
import org.doseledger.core.practitioner.api.RecordDeaRegistrationCommand;
import org.doseledger.core.practitioner.api.RecordLicenceCommand;
import org.doseledger.core.practitioner.api.RecordPractitionerIdentityCommand;
import org.doseledger.core.practitioner.api.RegisterPractitionerCommand;
import org.doseledger.core.shared.Npi;
import org.doseledger.core.shared.PersonName;

/** A practitioner of a practice: who may act on stock, and in which roles. */
public class Practitioner {

    @AggregateIdentifier
    private String id;

    private String practitionerId;
    private boolean active;

    protected Practitioner() {}

    @CommandHandler
    public Practitioner(RegisterPractitionerCommand command) {
        if (command.roles().contains(PractitionerRole.PRESCRIBER) && command.deaNumber() == null) {
            throw new PrescriberNeedsDeaNumberException(command.practitionerId());
        }
        requireValidIdentity(command.practitionerId(), command.legalName(), command.npi());
        apply(new PractitionerRegisteredEvent(
                command.practiceId(),
                command.practitionerId(),
                command.name(),
                List.copyOf(new TreeSet<>(command.roles())),
                command.deaNumber() == null ? null : command.deaNumber().value(),
                command.occurredAt(),
                command.legalName(),
                command.npi()));
    }

    @CommandHandler
    void handle(RecordPractitionerIdentityCommand command) {
        if (command.legalName() == null) {
            throw new InvalidPractitionerIdentityException(
                    "The legal name of practitioner " + command.practitionerId() + " is required");
        }
        requireValidIdentity(command.practitionerId(), command.legalName(), command.npi());
        apply(new PractitionerIdentityRecordedEvent(
                command.practiceId(),
                command.practitionerId(),
                command.legalName(),
                command.npi(),
                command.occurredAt()));
    }

    /** A legal name has a given and a family name; an NPI passes its check digit. */
    private static void requireValidIdentity(String practitionerId, PersonName legalName, String npi) {
        if (legalName != null && (blank(legalName.given()) || blank(legalName.family()))) {
            throw new InvalidPractitionerIdentityException(
                    "The legal name of practitioner " + practitionerId + " needs a given and a family name");
        }
        if (npi != null && Npi.problemWith(npi) != null) {
            throw new InvalidPractitionerIdentityException(Npi.problemWith(npi));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @CommandHandler
    void handle(DeactivatePractitionerCommand command) {
        if (!active) {
            throw new PractitionerAlreadyInactiveException(practitionerId);
        }
        apply(new PractitionerDeactivatedEvent(
                command.practiceId(), command.practitionerId(), command.occurredAt(), command.reason()));
    }

    @CommandHandler
    void handle(RecordLicenceCommand command) {
        requireNotExpired("state licence", command.expiresOn(), command.occurredAt());
        apply(new PractitionerLicenceRecordedEvent(
                command.practiceId(),
                command.practitionerId(),
                command.licenceNumber(),
                command.state(),
                command.expiresOn(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordDeaRegistrationCommand command) {
        requireNotExpired("DEA registration", command.expiresOn(), command.occurredAt());
        apply(new PractitionerDeaRegistrationRecordedEvent(
                command.practiceId(),
                command.practitionerId(),
                command.deaNumber().value(),
                command.expiresOn(),
                List.copyOf(new TreeSet<>(command.schedules())),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordCertificateCommand command) {
        if (command.expiresOn() != null) {
            requireNotExpired(command.kind().name() + " certificate", command.expiresOn(), command.occurredAt());
        }
        apply(new PractitionerCertificateRecordedEvent(
                command.practiceId(),
                command.practitionerId(),
                command.kind(),
                command.issuer(),
                command.issuedOn(),
                command.expiresOn(),
                command.occurredAt()));
    }

    private void requireNotExpired(String credential, LocalDate expiresOn, Instant recordedAsOf) {
        if (expiresOn.isBefore(LocalDate.ofInstant(recordedAsOf, ZoneOffset.UTC))) {
            throw new CredentialAlreadyExpiredException(practitionerId, credential, expiresOn);
        }
    }

    @EventSourcingHandler
    void on(PractitionerRegisteredEvent event) {
        id = PractitionerIds.aggregateId(event.practiceId(), event.practitionerId());
        practitionerId = event.practitionerId();
        active = true;
    }

    @EventSourcingHandler
    void on(PractitionerDeactivatedEvent event) {
        active = false;
    }
}
