package org.doseledger.core.client;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.client.api.AmendTreatmentPlanCommand;
import org.doseledger.core.client.api.ApproveTreatmentPlanCommand;
import org.doseledger.core.client.api.ChangeClientAddressCommand;
import org.doseledger.core.client.api.ClearanceExpiryBeforeClearanceException;
import org.doseledger.core.client.api.ClearanceSource;
import org.doseledger.core.client.api.ClientAddressChangedEvent;
import org.doseledger.core.client.api.ClientContactUpdatedEvent;
import org.doseledger.core.client.api.ClientDataKeyShreddedEvent;
import org.doseledger.core.client.api.ClientDataShreddedException;
import org.doseledger.core.client.api.ClientEnrolledInRemsEvent;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.ConsentAlreadyRecordedException;
import org.doseledger.core.client.api.ConsentAlreadyRevokedException;
import org.doseledger.core.client.api.ConsentExpiryBeforeSigningException;
import org.doseledger.core.client.api.ConsentRevokedEvent;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.ConsentSupersededEvent;
import org.doseledger.core.client.api.ImplausibleWeightException;
import org.doseledger.core.client.api.MedicalClearanceRecordedEvent;
import org.doseledger.core.client.api.RecordClientWeightCommand;
import org.doseledger.core.client.api.RecordConsentCommand;
import org.doseledger.core.client.api.RecordMedicalClearanceCommand;
import org.doseledger.core.client.api.RecordRemsEnrolmentCommand;
import org.doseledger.core.client.api.RecordTherapySessionCommand;
import org.doseledger.core.client.api.RegisterClientCommand;
import org.doseledger.core.client.api.RevocationBeforeSigningException;
import org.doseledger.core.client.api.RevokeConsentCommand;
import org.doseledger.core.client.api.ShredClientDataKeyCommand;
import org.doseledger.core.client.api.TherapySessionRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanAmendedEvent;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanException;
import org.doseledger.core.client.api.UpdateClientContactCommand;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.PractitionerFacts;
import org.doseledger.core.practitioner.api.PractitionerNotAuthorizedException;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.UnknownRecordException;

/**
 * A client of a practice and the consents they signed. Consent lives in the client's stream so that
 * one aggregate owns every rule that needs both (a dose will need an active consent of its client).
 */
public class Client {

    private static final BigDecimal MIN_KG = BigDecimal.valueOf(20);
    private static final BigDecimal MAX_KG = BigDecimal.valueOf(400);

    @AggregateIdentifier
    private String id;

    private PracticeId practiceId;
    private String clientId;
    private final Map<String, ConsentState> consents = new HashMap<>();
    private String activePlanId;
    private boolean dataKeyShredded;

    protected Client() {}

    @CommandHandler
    public Client(RegisterClientCommand command) {
        apply(new ClientRegisteredEvent(
                command.client().practiceId(),
                command.client().clientId(),
                command.legalName(),
                command.dateOfBirth(),
                command.address(),
                command.occurredAt(),
                command.sex()));
    }

    @CommandHandler
    void handle(RecordConsentCommand command, Practices practices) {
        if (consents.containsKey(command.consentId())) {
            throw new ConsentAlreadyRecordedException(clientId, command.consentId());
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.signedAt())) {
            throw new ConsentExpiryBeforeSigningException(command.consentId(), command.expiresAt(), command.signedAt());
        }
        // a consent without its own expiry expires after the practice's validity period, when it sets one
        int validityDays = practices.policies(practiceId).consentValidityDays();
        Instant expiresAt = command.expiresAt() == null && validityDays > 0
                ? command.signedAt().plus(Duration.ofDays(validityDays))
                : command.expiresAt();
        apply(new ConsentSignedEvent(
                practiceId,
                clientId,
                command.consentId(),
                command.document(),
                command.signedAt(),
                command.signedBy(),
                command.witnessedBy(),
                sortedDistinct(command.risksAcknowledged()),
                sortedDistinct(command.routes()),
                sortedDistinct(command.careModels()),
                expiresAt));
        consents.entrySet().stream()
                .filter(other ->
                        other.getValue().documentId().equals(command.document().documentId()))
                .filter(other ->
                        other.getValue().revokedAt() == null && other.getValue().supersededAt() == null)
                .filter(other -> !other.getKey().equals(command.consentId()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList()
                .forEach(older -> apply(new ConsentSupersededEvent(
                        practiceId, clientId, older, command.consentId(), command.signedAt())));
    }

    @CommandHandler
    void handle(RevokeConsentCommand command) {
        ConsentState consent = consents.get(command.consentId());
        if (consent == null) {
            throw new UnknownRecordException("consent", command.consentId());
        }
        if (consent.revokedAt() != null) {
            throw new ConsentAlreadyRevokedException(command.consentId(), consent.revokedAt());
        }
        if (command.effectiveAt().isBefore(consent.signedAt())) {
            throw new RevocationBeforeSigningException(command.consentId(), command.effectiveAt(), consent.signedAt());
        }
        apply(new ConsentRevokedEvent(
                practiceId, clientId, command.consentId(), command.effectiveAt(), command.reason()));
    }

    private static <T extends Comparable<T>> List<T> sortedDistinct(Collection<T> values) {
        return values == null ? List.of() : List.copyOf(new TreeSet<>(values));
    }

    @CommandHandler
    void handle(ChangeClientAddressCommand command) {
        requireDataKey();
        apply(new ClientAddressChangedEvent(practiceId, clientId, command.address(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordClientWeightCommand command) {
        if (command.kilograms().compareTo(MIN_KG) < 0 || command.kilograms().compareTo(MAX_KG) > 0) {
            throw new ImplausibleWeightException(command.kilograms());
        }
        apply(new ClientWeightRecordedEvent(
                practiceId, clientId, command.kilograms(), command.measuredBy(), command.occurredAt()));
    }

    @CommandHandler
    void handle(UpdateClientContactCommand command) {
        requireDataKey();
        apply(new ClientContactUpdatedEvent(practiceId, clientId, command.phone(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordRemsEnrolmentCommand command) {
        requireDataKey();
        apply(new ClientEnrolledInRemsEvent(practiceId, clientId, command.enrolmentId(), command.occurredAt()));
    }

    @CommandHandler
    void handle(ShredClientDataKeyCommand command) {
        requireDataKey();
        apply(new ClientDataKeyShreddedEvent(
                practiceId,
                clientId,
                command.keyId(),
                command.reason(),
                command.lastActivityAt(),
                command.occurredAt()));
    }

    private void requireDataKey() {
        if (dataKeyShredded) {
            throw new ClientDataShreddedException(clientId);
        }
    }

    @CommandHandler
    void handle(RecordMedicalClearanceCommand command, Practitioners practitioners) {
        if (command.expiresAt() != null && !command.expiresAt().isAfter(command.clearedAt())) {
            throw new ClearanceExpiryBeforeClearanceException(
                    command.clearanceId(), command.expiresAt(), command.clearedAt());
        }
        if (command.source() == ClearanceSource.IN_HOUSE_PRESCRIBER) {
            PractitionerChecks.requireAllowed(
                    practitioners, practiceId, command.practitionerId(), StockAction.PRESCRIBE, command.clearedAt());
        }
        apply(new MedicalClearanceRecordedEvent(
                practiceId,
                clientId,
                command.clearanceId(),
                command.source(),
                command.practitionerId(),
                command.clinician(),
                command.clearedAt(),
                command.maxSystolicMmHg(),
                command.maxDiastolicMmHg(),
                command.conditions(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(ApproveTreatmentPlanCommand command, Practitioners practitioners) {
        if (activePlanId != null) {
            throw new TreatmentPlanException(
                    "TREATMENT_PLAN_ALREADY_ACTIVE",
                    "Client " + clientId + " already has plan " + activePlanId + "; amend it instead");
        }
        TreatmentPlans.requireConsistent(command.terms());
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.approvedBy(), StockAction.PRESCRIBE, command.occurredAt());
        apply(new TreatmentPlanApprovedEvent(
                practiceId, clientId, command.planId(), command.terms(), command.approvedBy(), command.occurredAt()));
    }

    @CommandHandler
    void handle(AmendTreatmentPlanCommand command, Practitioners practitioners) {
        if (!command.planId().equals(activePlanId)) {
            throw new UnknownRecordException("treatment-plan", command.planId());
        }
        TreatmentPlans.requireConsistent(command.terms());
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.approvedBy(), StockAction.PRESCRIBE, command.occurredAt());
        apply(new TreatmentPlanAmendedEvent(
                practiceId,
                clientId,
                command.planId(),
                command.terms(),
                command.reason(),
                command.approvedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordTherapySessionCommand command, Practitioners practitioners) {
        PractitionerFacts therapist = practitioners
                .find(practiceId, command.therapistId())
                .filter(PractitionerFacts::active)
                .orElseThrow(() -> new PractitionerNotAuthorizedException(
                        command.therapistId(), StockAction.WITNESS, "not an active practitioner of the practice"));
        if (!therapist.roles().contains(PractitionerRole.THERAPIST)) {
            throw new PractitionerNotAuthorizedException(
                    command.therapistId(), StockAction.WITNESS, "a therapy session is led by a therapist");
        }
        apply(new TherapySessionRecordedEvent(
                practiceId,
                clientId,
                command.therapySessionId(),
                command.kind(),
                command.therapistId(),
                command.dosingSessionId(),
                command.durationMinutes(),
                command.occurredAt()));
    }

    @EventSourcingHandler
    void on(TreatmentPlanApprovedEvent event) {
        activePlanId = event.planId();
    }

    @EventSourcingHandler
    void on(ClientRegisteredEvent event) {
        practiceId = event.practiceId();
        clientId = event.clientId();
        id = new ClientRef(practiceId, clientId).toString();
    }

    @EventSourcingHandler
    void on(ClientDataKeyShreddedEvent event) {
        dataKeyShredded = true;
    }

    @EventSourcingHandler
    void on(ConsentSignedEvent event) {
        consents.put(event.consentId(), new ConsentState(event.document().documentId(), event.signedAt(), null, null));
    }

    @EventSourcingHandler
    void on(ConsentRevokedEvent event) {
        consents.computeIfPresent(event.consentId(), (id, state) -> state.revoked(event.effectiveAt()));
    }

    @EventSourcingHandler
    void on(ConsentSupersededEvent event) {
        consents.computeIfPresent(event.consentId(), (id, state) -> state.superseded(event.occurredAt()));
    }

    private record ConsentState(String documentId, Instant signedAt, Instant revokedAt, Instant supersededAt) {
        ConsentState revoked(Instant at) {
            return new ConsentState(documentId, signedAt, at, supersededAt);
        }

        ConsentState superseded(Instant at) {
            return new ConsentState(documentId, signedAt, revokedAt, at);
        }
    }
}
