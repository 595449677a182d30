package org.doseledger.core.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.practice.api.CloseHistoryImportCommand;
import org.doseledger.core.practice.api.DeaNumberAlreadyRegisteredException;
import org.doseledger.core.practice.api.DeaRegistrationExpiredException;
import org.doseledger.core.practice.api.HistoryImportClosedEvent;
import org.doseledger.core.practice.api.HistoryImportException;
import org.doseledger.core.practice.api.HistoryImportOpenedEvent;
import org.doseledger.core.practice.api.InvalidPolicyException;
import org.doseledger.core.practice.api.InvalidPracticeContactException;
import org.doseledger.core.practice.api.OpenHistoryImportCommand;
import org.doseledger.core.practice.api.PracticeContactRecordedEvent;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practice.api.RecordPracticeContactCommand;
import org.doseledger.core.practice.api.RegisterPracticeCommand;
import org.doseledger.core.practice.api.ScheduleIiiNonNarcoticNotAuthorizedException;
import org.doseledger.core.practice.api.SetPracticePoliciesCommand;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.PracticeId;

/** A practice: the DEA registrant that owns stock, clients and credentials. */
public class Practice {

    @AggregateIdentifier
    private String id;

    private PracticeId practiceId;
    private ZoneId timeZone;
    private final Map<String, Boolean> historyImportsOpen = new HashMap<>();

    protected Practice() {}

    @CommandHandler
    public Practice(RegisterPracticeCommand command, Practices practices) {
        practices
                .holderOf(command.deaNumber().value())
                .filter(holder -> !holder.equals(command.practiceId()))
                .ifPresent(holder -> {
                    throw new DeaNumberAlreadyRegisteredException(
                            command.deaNumber().value(), holder);
                });
        LocalDate registeredOn = LocalDate.ofInstant(command.occurredAt(), command.timeZone());
        if (command.deaRegistrationExpiresOn().isBefore(registeredOn)) {
            throw new DeaRegistrationExpiredException(
                    command.deaNumber().value(), command.deaRegistrationExpiresOn(), registeredOn);
        }
        if (!command.authorizedSchedules().contains(ControlledSchedule.IIIN)) {
            throw new ScheduleIiiNonNarcoticNotAuthorizedException(
                    command.deaNumber().value(), command.authorizedSchedules());
        }
        apply(new PracticeRegisteredEvent(
                command.practiceId(),
                command.name(),
                command.address(),
                command.deaNumber().value(),
                command.deaRegistrationExpiresOn(),
                List.copyOf(new TreeSet<>(command.authorizedSchedules())),
                command.timeZone().getId(),
                command.occurredAt(),
                command.phone(),
                command.contactName()));
    }

    @CommandHandler
    void handle(RecordPracticeContactCommand command) {
        if (command.phone() == null || !command.phone().matches("[0-9]{10}")) {
            throw new InvalidPracticeContactException("the practice's phone is ten digits, not " + command.phone());
        }
        if (command.contactName() == null || command.contactName().isBlank()) {
            throw new InvalidPracticeContactException("the practice's contact person is named");
        }
        apply(new PracticeContactRecordedEvent(
                command.practiceId(), command.phone(), command.contactName().strip(), command.occurredAt()));
    }

    @CommandHandler
    void handle(SetPracticePoliciesCommand command) {
        if (command.policies().doseIncreaseLimitPercent() < 0) {
            throw new InvalidPolicyException("the dose increase limit cannot be negative");
        }
        if (command.policies().lateEntryWindowHours() < 1) {
            throw new InvalidPolicyException("the late-entry window must be at least one hour");
        }
        if (command.policies().lateEntryWindowHours() > PracticePolicies.MAX_LATE_ENTRY_WINDOW_HOURS) {
            throw new InvalidPolicyException("the late-entry window cannot exceed "
                    + PracticePolicies.MAX_LATE_ENTRY_WINDOW_HOURS
                    + " hours: an entry recorded later is a late entry with a reason and a co-signer whatever the"
                    + " policy; bring in paper history with an import");
        }
        if (command.policies().consentValidityDays() < 0) {
            throw new InvalidPolicyException("the consent validity cannot be negative");
        }
        if (command.policies().accessLogReviewDays() < 0) {
            throw new InvalidPolicyException("the access-log review interval cannot be negative");
        }
        apply(new PracticePoliciesSetEvent(command.practiceId(), command.policies(), command.occurredAt()));
    }

    /**
     * Paper history comes in through an import, never by widening the late-entry window: the import names
     * its source document and the period it covers, and a practitioner attests it.
     */
    @CommandHandler
    void handle(OpenHistoryImportCommand command, Practitioners practitioners) {
        if (historyImportsOpen.containsKey(command.importId())) {
            throw new HistoryImportException(
                    "HISTORY_IMPORT_ALREADY_OPENED", "History import " + command.importId() + " was already opened");
        }
        LocalDate openedOn = LocalDate.ofInstant(command.occurredAt(), timeZone);
        if (command.coversFrom().isAfter(command.coversTo())
                || command.coversTo().isAfter(openedOn)) {
            throw new HistoryImportException(
                    "HISTORY_IMPORT_PERIOD_INVALID",
                    "A history import covers a past period: " + command.coversFrom() + " to " + command.coversTo()
                            + " is not one as of " + openedOn);
        }
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.attestedBy(), StockAction.COSIGN, command.occurredAt());
        apply(new HistoryImportOpenedEvent(
                practiceId,
                command.importId(),
                command.sourceDocument(),
                command.sourceSha256(),
                command.coversFrom(),
                command.coversTo(),
                command.attestedBy(),
                command.occurredAt()));
    }

    @CommandHandler
    void handle(CloseHistoryImportCommand command, Practitioners practitioners) {
        if (!Boolean.TRUE.equals(historyImportsOpen.get(command.importId()))) {
            throw new HistoryImportException(
                    "HISTORY_IMPORT_NOT_OPEN", "History import " + command.importId() + " is not open");
        }
        PractitionerChecks.requireAllowed(
                practitioners, practiceId, command.closedBy(), StockAction.COSIGN, command.occurredAt());
        apply(new HistoryImportClosedEvent(practiceId, command.importId(), command.closedBy(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(PracticeRegisteredEvent event) {
        id = event.practiceId().aggregateId();
        practiceId = event.practiceId();
        timeZone = ZoneId.of(event.timeZone());
    }

    @EventSourcingHandler
    void on(HistoryImportOpenedEvent event) {
        historyImportsOpen.put(event.importId(), true);
    }

    @EventSourcingHandler
    void on(HistoryImportClosedEvent event) {
        historyImportsOpen.put(event.importId(), false);
    }
}
