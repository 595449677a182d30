package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.client.api.Consents;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.InvalidPrescriptionException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.Prescription;

/**
 * Take-home doses dispensed from the lot against a prescription (21 CFR 1306.22). A part of {@link StockLot}: it
 * decides, the lot keeps the state.
 */
final class LotDispensing {

    private final StockLot state;
    private final LotChecks checks;

    LotDispensing(StockLot state) {
        this.state = state;
        this.checks = new LotChecks(state);
    }

    void handle(
            DispenseDoseCommand command,
            Clients clients,
            Practitioners practitioners,
            Practices practices,
            Consents consents,
            DosingHistory history,
            Clock clock) {
        checks.requireValid(command.quantity());
        checks.requireNew("dispensation", command.dispensationId());
        if (command.daysSupply() < 1) {
            throw new InvalidQuantityException("days' supply must be at least 1, not " + command.daysSupply());
        }
        checks.requireClient(clients, command.clientId(), command.occurredAt());
        checks.requireConsent(consents, command.clientId(), command.route(), CareModel.DISPENSED, command.occurredAt());
        LocalDate on = checks.day(command.occurredAt(), practices);
        requireValidPrescription(command.prescription(), on);
        int fillNumber = requireFillable(command.prescription(), command.clientId(), history);
        LotActor prescribedBy = checks.actor(
                        command.prescribedBy(), command.occurredAt(), practitioners, practices, clock)
                .credentialedTo(StockAction.PRESCRIBE);
        LotActor dispensedBy = checks.actor(
                        command.dispensedBy(), command.occurredAt(), practitioners, practices, clock)
                .credentialedTo(StockAction.DISPENSE);
        RegistrantRules.requireMayDispenseTakeHome(
                practitioners, practices, state.lot.practiceId(), command.dispensedBy());
        checks.requireNotExpired(command.occurredAt(), practices);
        LateEntry late = dispensedBy.late(command.lateEntry());
        apply(new DoseDispensedEvent(
                state.lot,
                command.dispensationId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                command.route(),
                command.clientId(),
                command.prescribedBy(),
                command.dispensedBy(),
                command.daysSupply(),
                true,
                checks.balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late,
                command.prescription(),
                fillNumber));
    }

    /**
     * A prescription is filled for its one client, at most once plus the refills it authorizes (21 CFR
     * 1306.22(a)); answers which fill this one is (0 the first).
     */
    private int requireFillable(Prescription prescription, String clientId, DosingHistory history) {
        java.util.List<String> earlier = history.prescriptionFills(state.lot.practiceId(), prescription.number());
        if (earlier.stream().anyMatch(client -> !client.equals(clientId))) {
            throw new InvalidPrescriptionException("Prescription " + prescription.number()
                    + " was filled for another client: a prescription is for one client");
        }
        if (earlier.size() > prescription.refillsAuthorized()) {
            throw new InvalidPrescriptionException("Prescription " + prescription.number() + " authorizes "
                    + prescription.refillsAuthorized() + " refill(s) and was filled " + earlier.size()
                    + " time(s) already");
        }
        return earlier.size();
    }

    /** See {@link Prescription}: written by the day of dispensing, at most six months before, five refills. */
    private static void requireValidPrescription(Prescription prescription, LocalDate dispensedOn) {
        if (prescription == null
                || prescription.number() == null
                || prescription.number().isBlank()
                || prescription.writtenOn() == null
                || prescription.paymentType() == null) {
            throw new InvalidPrescriptionException(
                    "A take-home dose needs its prescription: number, day written and payment type");
        }
        if (prescription.number().length() > Prescription.MAX_NUMBER_LENGTH) {
            throw new InvalidPrescriptionException("Prescription number " + prescription.number() + " is longer than "
                    + Prescription.MAX_NUMBER_LENGTH + " characters");
        }
        if (prescription.writtenOn().isAfter(dispensedOn)) {
            throw new InvalidPrescriptionException("Prescription " + prescription.number() + " written on "
                    + prescription.writtenOn() + " cannot be dispensed on " + dispensedOn + ", before it was written");
        }
        if (prescription.writtenOn().plusMonths(Prescription.VALID_MONTHS).isBefore(dispensedOn)) {
            throw new InvalidPrescriptionException("Prescription " + prescription.number() + " written on "
                    + prescription.writtenOn() + " cannot be dispensed on " + dispensedOn
                    + ": a Schedule III prescription is filled within six months of being written");
        }
        if (prescription.refillsAuthorized() < 0 || prescription.refillsAuthorized() > Prescription.MAX_REFILLS) {
            throw new InvalidPrescriptionException("Prescription " + prescription.number() + " authorizes "
                    + prescription.refillsAuthorized() + " refills; a Schedule III prescription allows 0 to "
                    + Prescription.MAX_REFILLS);
        }
    }
}
