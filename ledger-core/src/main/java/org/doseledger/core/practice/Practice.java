package org.doseledger.core.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.doseledger.core.practice.api.DeaNumberAlreadyRegisteredException;
import org.doseledger.core.practice.api.DeaRegistrationExpiredException;
import org.doseledger.core.practice.api.InvalidPolicyException;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practice.api.PracticePoliciesSetEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practice.api.RegisterPracticeCommand;
import org.doseledger.core.practice.api.ScheduleIiiNonNarcoticNotAuthorizedException;
import org.doseledger.core.practice.api.SetPracticePoliciesCommand;
import org.doseledger.core.shared.ControlledSchedule;

/** A practice: the DEA registrant that owns stock, clients and credentials. */
public class Practice {

    @AggregateIdentifier
    private String id;

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
                command.occurredAt()));
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

    @EventSourcingHandler
    void on(PracticeRegisteredEvent event) {
        id = event.practiceId().aggregateId();
    }
}
