package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.client.api.Consents;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.client.api.NoActiveConsentException;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.session.api.DrawOutsideSessionException;
import org.doseledger.core.session.api.SessionFacts;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.shared.BusinessDays;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.NotYetRegisteredException;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.CorrectEntryCommand;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.DiscrepancyAlreadyResolvedException;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawAlreadyAccountedForException;
import org.doseledger.core.stock.api.DrawAlreadyRecordedException;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.DrawOverAccountedException;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.EntryAlreadyCorrectedException;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.EntryBeforeDrawException;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.EntryNotCorrectableException;
import org.doseledger.core.stock.api.FlagOverdueDrawCommand;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidLossReportException;
import org.doseledger.core.stock.api.InvalidPrescriptionException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LossDetails;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.LotDetailsMismatchException;
import org.doseledger.core.stock.api.LotExpiredException;
import org.doseledger.core.stock.api.LotExpiryMismatchException;
import org.doseledger.core.stock.api.LotNotYetArrivedException;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.core.stock.api.QuantityUnitMismatchException;
import org.doseledger.core.stock.api.ReceiptAlreadyRecordedException;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.ReceiveTransferCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.RecordCountCommand;
import org.doseledger.core.stock.api.ReportLossCommand;
import org.doseledger.core.stock.api.ResolveDiscrepancyCommand;
import org.doseledger.core.stock.api.ReturnStockCommand;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.StockReturnedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.core.stock.api.TransferBetweenRegistrantsException;
import org.doseledger.core.stock.api.TransferStockCommand;
import org.doseledger.core.stock.api.TransferToSameLocationException;
import org.doseledger.core.stock.api.TwoWitnessesRequiredException;
import org.doseledger.core.stock.api.WasteDoseCommand;
import org.doseledger.core.stock.api.WasteNotByDrawerException;

/**
 * One lot of one product at one location. Its balance is derived from its events only and never goes
 * below zero; every draw stays open until administered plus wasted equals drawn; a count never changes
 * the balance, a resolved discrepancy or a correction does, as events of their own. Its fields are
 * its snapshot: long-lived lots are loaded from the latest snapshot plus the events after it.
 *
 * <p>Every rule is judged at the moment the entry occurred, not when it is recorded: the balance may
 * not go below zero at that moment or any later one, nothing happens to the lot before it arrived at
 * its location or before the people, product and client it names were registered, and nobody acts
 * after their deactivation. The revision is that of the snapshot's form: snapshots of an older form are
 * ignored and the lot is rebuilt from its events.
 */
@Revision("2")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StockLot {

    @AggregateIdentifier
    private String id;

    private StockLotRef lot;
    private Substance substance;
    private Strength strength;
    private Quantity containerSize;
    private LocalDate expiresOn;
    private Quantity balance;
    private final BalanceHistory history = new BalanceHistory();
    private final Map<String, DrawState> draws = new HashMap<>();
    private final Set<String> recordedIds = new HashSet<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, String> corrections = new HashMap<>();
    private final Map<String, Quantity> openDiscrepancies = new HashMap<>();
    private final Set<String> resolvedDiscrepancies = new HashSet<>();

    protected StockLot() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(
            ReceiveStockCommand command,
            Catalogue catalogue,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        StockLotRef ref = command.lot();
        ProductFacts product = catalogue
                .find(ref.practiceId(), ref.ndc())
                .orElseThrow(() -> new UnknownRecordException("product", ref.ndc()));
        requireRegisteredBy("product", ref.ndc(), product.registeredAt(), command.occurredAt());
        requireLocation(locations, ref.practiceId(), ref.locationId(), command.occurredAt());
        if (command.containers() < 1) {
            throw new InvalidQuantityException("A receipt needs at least one container, not " + command.containers());
        }
        if (recordedIds.contains(command.receiptId())) {
            throw new ReceiptAlreadyRecordedException(ref, command.receiptId());
        }
        if (expiresOn != null && !expiresOn.equals(command.expiresOn())) {
            throw new LotExpiryMismatchException(ref, expiresOn, command.expiresOn());
        }
        PractitionerChecks.requireAllowed(
                practitioners, ref.practiceId(), command.receivedBy(), StockAction.RECEIVE, command.occurredAt());
        RegistrantRules.requireOtherRegistrant(
                command.supplier(), ref.practiceId(), ref.locationId(), practices, locations);
        LateEntry late = LateEntries.check(
                command.occurredAt(),
                clock.instant(),
                command.lateEntry(),
                ref.practiceId(),
                command.receivedBy(),
                practitioners,
                practices);
        Quantity received = product.containerSize().times(command.containers());
        ZoneId zone = practices.timeZone(ref.practiceId()).orElse(ZoneOffset.UTC);
        boolean expired = LocalDate.ofInstant(command.occurredAt(), zone).isAfter(command.expiresOn());
        apply(new StockReceivedEvent(
                ref,
                command.receiptId(),
                product.substance(),
                product.strength(),
                command.expiresOn(),
                command.containers(),
                product.containerSize(),
                received,
                product.strength().milligramsIn(received),
                command.supplier(),
                command.invoiceNumber(),
                command.receivedBy(),
                current(received).plus(received),
                command.occurredAt(),
                late,
                expired ? Boolean.TRUE : null));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(
            ReceiveTransferCommand command,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        StockLotRef ref = command.lot();
        requireLocation(locations, ref.practiceId(), ref.locationId(), command.occurredAt());
        if (recordedIds.contains(command.transferId())) {
            throw new EntryAlreadyRecordedException(ref, "transfer", command.transferId());
        }
        if (expiresOn != null && !expiresOn.equals(command.expiresOn())) {
            throw new LotExpiryMismatchException(ref, expiresOn, command.expiresOn());
        }
        if (strength != null && !strength.equals(command.strength())) {
            throw new LotDetailsMismatchException(
                    ref, "strength " + strength + " here, " + command.strength() + " sent");
        }
        if (containerSize != null && !containerSize.equals(command.containerSize())) {
            throw new LotDetailsMismatchException(
                    ref, "containers of " + containerSize + " here, " + command.containerSize() + " sent");
        }
        if (substance != null && substance != command.substance()) {
            throw new LotDetailsMismatchException(ref, substance + " here, " + command.substance() + " sent");
        }
        if (command.fromLocationId().equals(ref.locationId())) {
            throw new TransferToSameLocationException(ref);
        }
        if (command.quantity().unit() != command.strength().unit()) {
            throw new QuantityUnitMismatchException(
                    ref, command.strength().unit(), command.quantity().unit());
        }
        String problem = Quantity.problemWith(
                command.quantity().amount(), command.quantity().unit());
        if (problem != null) {
            throw new InvalidQuantityException(problem);
        }
        PractitionerChecks.requireAllowed(
                practitioners, ref.practiceId(), command.transferredBy(), StockAction.TRANSFER, command.occurredAt());
        PractitionerChecks.requireSecondPerson(
                practitioners,
                ref.practiceId(),
                command.transferredBy(),
                command.witnessedBy(),
                StockAction.WITNESS,
                command.occurredAt());
        LateEntry late = LateEntries.check(
                command.occurredAt(),
                clock.instant(),
                command.lateEntry(),
                ref.practiceId(),
                command.transferredBy(),
                practitioners,
                practices);
        apply(new StockTransferredInEvent(
                ref,
                command.transferId(),
                command.fromLocationId(),
                command.substance(),
                command.strength(),
                command.expiresOn(),
                command.containerSize(),
                command.quantity(),
                command.strength().milligramsIn(command.quantity()),
                command.transferredBy(),
                command.witnessedBy(),
                current(command.quantity()).plus(command.quantity()),
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(
            DrawDoseCommand command,
            Clients clients,
            Sessions sessions,
            Consents consents,
            DosingHistory history,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        requireValid(command.quantity());
        if (draws.containsKey(command.drawId())) {
            throw new DrawAlreadyRecordedException(lot, command.drawId());
        }
        requireClient(clients, command.clientId(), command.occurredAt());
        requireSession(sessions, command.clientId(), command.sessionId(), command.occurredAt());
        // stock leaves the safe only for a client who may be dosed: consent, clearance and plan as for the dose
        requireConsent(consents, command.clientId(), null, CareModel.ADMINISTERED, command.occurredAt());
        PlanRules.requireDosable(
                history,
                new ClientRef(lot.practiceId(), command.clientId()),
                command.occurredAt(),
                practices.policies(lot.practiceId()));
        PractitionerChecks.requireCredentialed(
                practitioners,
                lot.practiceId(),
                command.drawnBy(),
                StockAction.DRAW,
                command.occurredAt(),
                day(command.occurredAt(), practices));
        requireNotExpired(command.occurredAt(), practices);
        if (command.witnessedBy() != null
                || practices.policies(lot.practiceId()).requireWitnessedDraws()) {
            PractitionerChecks.requireSecondPerson(
                    practitioners,
                    lot.practiceId(),
                    command.drawnBy(),
                    command.witnessedBy(),
                    StockAction.WITNESS,
                    command.occurredAt());
        }
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.drawnBy(), practitioners, practices, clock);
        apply(new DoseDrawnEvent(
                lot,
                command.drawId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.clientId(),
                command.sessionId(),
                command.drawnBy(),
                balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late,
                command.witnessedBy()));
    }

    @CommandHandler
    void handle(
            RecordAdministrationCommand command,
            Practitioners practitioners,
            Practices practices,
            Consents consents,
            DosingHistory history,
            Clock clock) {
        requireValid(command.quantity());
        DrawState draw = openDraw(command.drawId(), command.quantity());
        requireAfterDraw(command.drawId(), draw, command.occurredAt());
        requireConsent(consents, draw.clientId(), command.route(), CareModel.ADMINISTERED, command.occurredAt());
        LocalDate on = day(command.occurredAt(), practices);
        PractitionerChecks.requireCredentialed(
                practitioners,
                lot.practiceId(),
                command.administeredBy(),
                StockAction.ADMINISTER,
                command.occurredAt(),
                on);
        BigDecimal milligrams = strength.milligramsIn(command.quantity());
        List<String> planFlags = PlanRules.check(
                history,
                practitioners,
                new ClientRef(lot.practiceId(), draw.clientId()),
                draw.sessionId() != null ? draw.sessionId() : command.drawId(),
                milligrams,
                command.route(),
                command.occurredAt(),
                on,
                command.administeredBy(),
                command.override(),
                practices.policies(lot.practiceId()));
        LateEntry late = late(
                command.occurredAt(), command.lateEntry(), command.administeredBy(), practitioners, practices, clock);
        DrawState after = draw.administer(command.quantity());
        apply(new DoseAdministeredEvent(
                lot,
                command.drawId(),
                command.quantity(),
                milligrams,
                command.route(),
                draw.clientId(),
                draw.sessionId(),
                command.administeredBy(),
                after.unaccounted(),
                command.occurredAt(),
                late,
                planFlags,
                planFlags.isEmpty() ? null : command.override()));
        closeIfAccountedFor(command.drawId(), after, command.occurredAt());
    }

    @CommandHandler
    void handle(WasteDoseCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        requireValid(command.quantity());
        DrawState draw = openDraw(command.drawId(), command.quantity());
        requireAfterDraw(command.drawId(), draw, command.occurredAt());
        if (!draw.drawnBy().equals(command.wastedBy())) {
            throw new WasteNotByDrawerException(command.drawId(), draw.drawnBy(), command.wastedBy());
        }
        PractitionerChecks.requireCredentialed(
                practitioners,
                lot.practiceId(),
                command.wastedBy(),
                StockAction.WASTE,
                command.occurredAt(),
                day(command.occurredAt(), practices));
        PractitionerChecks.requireSecondPerson(
                practitioners,
                lot.practiceId(),
                command.wastedBy(),
                command.witnessedBy(),
                StockAction.WITNESS,
                command.occurredAt());
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.wastedBy(), practitioners, practices, clock);
        DrawState after = draw.waste(command.quantity());
        apply(new DoseWastedEvent(
                lot,
                command.drawId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.method(),
                draw.clientId(),
                command.wastedBy(),
                command.witnessedBy(),
                after.unaccounted(),
                command.occurredAt(),
                late));
        closeIfAccountedFor(command.drawId(), after, command.occurredAt());
    }

    @CommandHandler
    void handle(
            DispenseDoseCommand command,
            Clients clients,
            Practitioners practitioners,
            Practices practices,
            Consents consents,
            DosingHistory history,
            Clock clock) {
        requireValid(command.quantity());
        requireNew("dispensation", command.dispensationId());
        if (command.daysSupply() < 1) {
            throw new InvalidQuantityException("days' supply must be at least 1, not " + command.daysSupply());
        }
        requireClient(clients, command.clientId(), command.occurredAt());
        requireConsent(consents, command.clientId(), command.route(), CareModel.DISPENSED, command.occurredAt());
        LocalDate on = day(command.occurredAt(), practices);
        requireValid(command.prescription(), on);
        int fillNumber = requireFillable(command.prescription(), command.clientId(), history);
        PractitionerChecks.requireCredentialed(
                practitioners,
                lot.practiceId(),
                command.prescribedBy(),
                StockAction.PRESCRIBE,
                command.occurredAt(),
                on);
        PractitionerChecks.requireCredentialed(
                practitioners, lot.practiceId(), command.dispensedBy(), StockAction.DISPENSE, command.occurredAt(), on);
        RegistrantRules.requireMayDispenseTakeHome(practitioners, practices, lot.practiceId(), command.dispensedBy());
        requireNotExpired(command.occurredAt(), practices);
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.dispensedBy(), practitioners, practices, clock);
        apply(new DoseDispensedEvent(
                lot,
                command.dispensationId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.route(),
                command.clientId(),
                command.prescribedBy(),
                command.dispensedBy(),
                command.daysSupply(),
                true,
                balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late,
                command.prescription(),
                fillNumber));
    }

    @CommandHandler
    void handle(
            TransferStockCommand command,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        requireValid(command.quantity());
        requireNew("transfer", command.transferId());
        if (command.toLocationId().equals(lot.locationId())) {
            throw new TransferToSameLocationException(lot);
        }
        requireLocation(locations, lot.practiceId(), command.toLocationId(), command.occurredAt());
        String here = locations.registration(lot.practiceId(), lot.locationId()).orElse(null);
        String there =
                locations.registration(lot.practiceId(), command.toLocationId()).orElse(null);
        if (!java.util.Objects.equals(here, there)) {
            throw new TransferBetweenRegistrantsException(lot, command.toLocationId(), here, there);
        }
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.transferredBy(), StockAction.TRANSFER, command.occurredAt());
        PractitionerChecks.requireSecondPerson(
                practitioners,
                lot.practiceId(),
                command.transferredBy(),
                command.witnessedBy(),
                StockAction.WITNESS,
                command.occurredAt());
        LateEntry late = late(
                command.occurredAt(), command.lateEntry(), command.transferredBy(), practitioners, practices, clock);
        apply(new StockTransferredOutEvent(
                lot,
                command.transferId(),
                command.toLocationId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                expiresOn,
                command.transferredBy(),
                command.witnessedBy(),
                balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(ReturnStockCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        requireValid(command.quantity());
        requireNew("return", command.returnId());
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.returnedBy(), StockAction.RETURN, command.occurredAt());
        PractitionerChecks.requireSecondPerson(
                practitioners,
                lot.practiceId(),
                command.returnedBy(),
                command.witnessedBy(),
                StockAction.WITNESS,
                command.occurredAt());
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.returnedBy(), practitioners, practices, clock);
        apply(new StockReturnedEvent(
                lot,
                command.returnId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.returnedTo(),
                command.reason(),
                command.returnedBy(),
                command.witnessedBy(),
                balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(DestroyStockCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        requireValid(command.quantity());
        requireNew("destruction", command.destructionId());
        List<String> witnesses = command.witnessedBy() == null ? List.of() : command.witnessedBy();
        if (witnesses.size() != 2
                || witnesses.stream().anyMatch(Objects::isNull)
                || witnesses.get(0).equals(witnesses.get(1))
                || witnesses.contains(command.destroyedBy())) {
            throw new TwoWitnessesRequiredException(command.destroyedBy(), witnesses);
        }
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.destroyedBy(), StockAction.DESTROY, command.occurredAt());
        for (String witness : witnesses) {
            PractitionerChecks.requireSecondPerson(
                    practitioners,
                    lot.practiceId(),
                    command.destroyedBy(),
                    witness,
                    StockAction.WITNESS,
                    command.occurredAt());
        }
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.destroyedBy(), practitioners, practices, clock);
        Containers split = Containers.split(command.quantity(), containerSize);
        apply(new StockDestroyedEvent(
                lot,
                command.destructionId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                containerSize,
                split.full(),
                split.partial(),
                command.method(),
                command.place(),
                command.destroyedBy(),
                List.copyOf(witnesses),
                balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(ReportLossCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        requireValid(command.quantity());
        requireNew("loss", command.lossId());
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.reportedBy(), StockAction.REPORT_LOSS, command.occurredAt());
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.reportedBy(), practitioners, practices, clock);
        LocalDate discoveredOn = LocalDate.ofInstant(command.occurredAt(), zone(practices));
        requireValid(command.details(), command.lossType(), discoveredOn);
        apply(new StockLossReportedEvent(
                lot,
                command.lossId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.lossType(),
                command.policeReport(),
                command.description(),
                command.reportedBy(),
                BusinessDays.nextAfter(discoveredOn),
                discoveredOn.plusDays(45),
                balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late,
                command.details()));
    }

    @CommandHandler
    void handle(RecordCountCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        requireUnit(command.counted());
        if (command.counted().isNegative()) {
            throw new InvalidQuantityException("a count cannot be negative: " + command.counted());
        }
        if (!command.counted().isZero()) {
            requireValid(command.counted());
        }
        requireNew("count", command.countId());
        requireArrived(command.occurredAt());
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.countedBy(), StockAction.COUNT, command.occurredAt());
        PractitionerChecks.requireSecondPerson(
                practitioners,
                lot.practiceId(),
                command.countedBy(),
                command.witnessedBy(),
                StockAction.WITNESS,
                command.occurredAt());
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.countedBy(), practitioners, practices, clock);
        // a count is compared with what the lot held when it was counted, not with today's balance
        Quantity expected = history.at(command.occurredAt(), balance.unit());
        Quantity difference = command.counted().minus(expected);
        apply(new StockCountedEvent(
                lot,
                command.countId(),
                command.kind(),
                command.timing(),
                command.counted(),
                expected,
                difference,
                command.exact(),
                command.countedBy(),
                command.witnessedBy(),
                command.occurredAt(),
                late));
        if (!difference.isZero()) {
            apply(new DiscrepancyRecordedEvent(
                    lot, command.countId(), expected, command.counted(), difference, command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(ResolveDiscrepancyCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        Quantity difference = openDiscrepancies.get(command.discrepancyId());
        if (difference == null) {
            if (resolvedDiscrepancies.contains(command.discrepancyId())) {
                throw new DiscrepancyAlreadyResolvedException(command.discrepancyId());
            }
            throw new UnknownRecordException("discrepancy", command.discrepancyId());
        }
        requireArrived(command.occurredAt());
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.resolvedBy(), StockAction.COUNT, command.occurredAt());
        requireApprover(command.resolvedBy(), command.approvedBy(), command.occurredAt(), practitioners, practices);
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.resolvedBy(), practitioners, practices, clock);
        Quantity adjustment = command.adjustToCount() ? difference : Quantity.zero(difference.unit());
        Quantity after = balance.plus(adjustment);
        requireStaysAtOrAboveZero(adjustment, command.occurredAt());
        apply(new DiscrepancyResolvedEvent(
                lot,
                command.discrepancyId(),
                command.explanation(),
                adjustment,
                strength.milligramsIn(adjustment),
                command.resolvedBy(),
                command.approvedBy(),
                after,
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(CorrectEntryCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        requireNew("correction", command.correctionId());
        Entry entry = entries.get(command.correctedEventId());
        if (entry == null) {
            throw new EntryNotCorrectableException(
                    command.correctedEventId(), "it is not a quantity entry of the " + lot);
        }
        if (corrections.containsKey(command.correctedEventId())) {
            throw new EntryAlreadyCorrectedException(
                    command.correctedEventId(), corrections.get(command.correctedEventId()));
        }
        if (entry.movement() == Movement.TRANSFERRED_IN || entry.movement() == Movement.TRANSFERRED_OUT) {
            throw new EntryNotCorrectableException(
                    command.correctedEventId(), "a transfer is undone by a transfer back, which both locations see");
        }
        Quantity corrected = command.correctedQuantity();
        if (corrected != null) {
            requireValid(corrected);
        }
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.correctedBy(), StockAction.CORRECT, command.occurredAt());
        requireApprover(command.correctedBy(), command.approvedBy(), command.occurredAt(), practitioners, practices);
        LateEntry late =
                late(command.occurredAt(), command.lateEntry(), command.correctedBy(), practitioners, practices, clock);
        Corrections.Outcome outcome = Corrections.apply(entry, corrected, draws, command.correctedEventId());
        Quantity after = balance.plus(outcome.balanceChange());
        // a correction takes effect when the corrected entry occurred
        requireStaysAtOrAboveZero(outcome.balanceChange(), entry.occurredAt());
        apply(new EntryCorrectedEvent(
                lot,
                command.correctionId(),
                command.correctedEventId(),
                entry.movement(),
                entry.drawId(),
                entry.quantity(),
                corrected,
                outcome.balanceChange(),
                after,
                command.reason(),
                command.correctedBy(),
                command.approvedBy(),
                command.occurredAt(),
                late,
                command.sealedReason()));
        if (outcome.draw() != null
                && !outcome.draw().closed()
                && outcome.draw().unaccounted().isZero()
                && !outcome.draw().accounted().isZero()) {
            DrawState draw = outcome.draw();
            apply(new DrawAccountedForEvent(
                    lot,
                    entry.drawId(),
                    draw.clientId(),
                    draw.drawn(),
                    draw.administered(),
                    draw.wasted(),
                    command.occurredAt()));
        }
    }

    @CommandHandler
    void handle(FlagOverdueDrawCommand command) {
        DrawState draw = draws.get(command.drawId());
        if (draw == null || draw.closed() || draw.flaggedOverdue()) {
            return;
        }
        Instant due = draw.drawnAt().plus(command.openDrawLimit());
        if (command.checkedAt().isBefore(due)) {
            return;
        }
        apply(new DrawOverdueEvent(
                lot,
                command.drawId(),
                draw.clientId(),
                draw.drawnBy(),
                draw.drawnAt(),
                draw.unaccounted(),
                command.openDrawLimit(),
                due));
    }

    private void closeIfAccountedFor(String drawId, DrawState after, Instant at) {
        if (after.unaccounted().isZero()) {
            apply(new DrawAccountedForEvent(
                    lot, drawId, after.clientId(), after.drawn(), after.administered(), after.wasted(), at));
        }
    }

    private DrawState openDraw(String drawId, Quantity quantity) {
        DrawState draw = draws.get(drawId);
        if (draw == null) {
            throw new UnknownRecordException("draw", drawId);
        }
        if (draw.closed()) {
            throw new DrawAlreadyAccountedForException(drawId);
        }
        if (quantity.isGreaterThan(draw.unaccounted())) {
            throw new DrawOverAccountedException(drawId, quantity, draw.unaccounted());
        }
        return draw;
    }

    /** The balance after a removal dated {@code at}, which must leave the lot at or above zero from then on. */
    private Quantity balanceAfterTaking(Quantity quantity, Instant at) {
        requireArrived(at);
        if (quantity.isGreaterThan(balance)) {
            throw new InsufficientStockException(lot, quantity, balance);
        }
        requireStaysAtOrAboveZero(quantity.negate(), at);
        return balance.minus(quantity);
    }

    /** A change dated {@code at} may not take the lot below zero at that moment or any later one. */
    private void requireStaysAtOrAboveZero(Quantity change, Instant at) {
        if (!change.isNegative()) {
            return;
        }
        Quantity lowest = history.lowestFrom(at, balance.unit());
        Quantity taken = change.negate();
        if (taken.isGreaterThan(lowest)) {
            if (lowest.equals(balance)) {
                throw new InsufficientStockException(lot, taken, balance);
            }
            throw new InsufficientStockException(lot, taken, lowest, at);
        }
    }

    private void requireArrived(Instant at) {
        Instant arrivedAt = history.arrivedAt();
        if (arrivedAt != null && at.isBefore(arrivedAt)) {
            throw new LotNotYetArrivedException(lot, arrivedAt, at);
        }
    }

    private static void requireAfterDraw(String drawId, DrawState draw, Instant at) {
        if (at.isBefore(draw.drawnAt())) {
            throw new EntryBeforeDrawException(drawId, draw.drawnAt(), at);
        }
    }

    private static void requireRegisteredBy(String kind, String id, Instant registeredAt, Instant at) {
        if (registeredAt != null && at.isBefore(registeredAt)) {
            throw new NotYetRegisteredException(kind, id, registeredAt, at);
        }
    }

    private static void requireLocation(Locations locations, PracticeId practiceId, String locationId, Instant at) {
        Instant registeredAt = locations
                .registeredAt(practiceId, locationId)
                .orElseThrow(() -> new UnknownRecordException("location", locationId));
        requireRegisteredBy("location", locationId, registeredAt, at);
    }

    /**
     * Approving a correction or a discrepancy's resolution is the registrant's act: a second person who is
     * a prescriber with a DEA registration valid on that day, as for a dose override.
     */
    private void requireApprover(
            String actor, String approver, Instant at, Practitioners practitioners, Practices practices) {
        PractitionerChecks.requireSecondPerson(
                practitioners, lot.practiceId(), actor, approver, StockAction.APPROVE, at);
        PractitionerChecks.requireCredentialed(
                practitioners, lot.practiceId(), approver, StockAction.APPROVE, at, day(at, practices));
    }

    private Quantity current(Quantity incoming) {
        if (balance == null) {
            return Quantity.zero(incoming.unit());
        }
        if (incoming.unit() != balance.unit()) {
            throw new QuantityUnitMismatchException(lot, balance.unit(), incoming.unit());
        }
        return balance;
    }

    private void requireNew(String kind, String entryId) {
        if (recordedIds.contains(entryId)) {
            throw new EntryAlreadyRecordedException(lot, kind, entryId);
        }
    }

    private void requireClient(Clients clients, String clientId, Instant at) {
        if (!ClientRef.isValidClientId(clientId)) {
            throw new UnknownRecordException("client", clientId);
        }
        Instant registeredAt = clients.registeredAt(new ClientRef(lot.practiceId(), clientId))
                .orElseThrow(() -> new UnknownRecordException("client", clientId));
        requireRegisteredBy("client", clientId, registeredAt, at);
    }

    /** A draw names a session of the same client, for the lot's substance, in progress when it is drawn. */
    private void requireSession(Sessions sessions, String clientId, String sessionId, Instant at) {
        if (sessionId == null) {
            throw new DrawOutsideSessionException(
                    "SESSION_REQUIRED", "A dose is drawn for a dosing session: name the session it is for");
        }
        SessionFacts session = sessions.find(lot.practiceId(), sessionId)
                .orElseThrow(() -> new UnknownRecordException("session", sessionId));
        DrawOutsideSessionException problem = session.problemWithDraw(clientId, substance, at);
        if (problem != null) {
            throw problem;
        }
    }

    private void requireConsent(Consents consents, String clientId, Route route, CareModel model, Instant at) {
        String problem = consents.problemWith(new ClientRef(lot.practiceId(), clientId), route, model, at);
        if (problem != null) {
            throw new NoActiveConsentException(clientId, route, model, at, problem);
        }
    }

    private void requireNotExpired(Instant occurredAt, Practices practices) {
        // "expires on" a date means usable through the end of that day where the practice is
        LocalDate on = LocalDate.ofInstant(occurredAt, zone(practices));
        if (on.isAfter(expiresOn)) {
            throw new LotExpiredException(lot, expiresOn, on);
        }
    }

    /** See {@link LossDetails}: lost by the day discovered, a value not negative, a carrier for a loss in transit. */
    private static void requireValid(LossDetails details, LossType type, LocalDate discoveredOn) {
        if (type == LossType.LOST_IN_TRANSIT && (details == null || details.carrier() == null)) {
            throw new InvalidLossReportException(
                    "A loss in transit names the carrier that held the shipment (DEA Form 106)");
        }
        if (details == null) {
            return;
        }
        if (details.lostOn() != null && details.lostOn().isAfter(discoveredOn)) {
            throw new InvalidLossReportException("A loss on " + details.lostOn()
                    + " cannot have been discovered before it happened, on " + discoveredOn);
        }
        if (details.estimatedValueUsd() != null && details.estimatedValueUsd().signum() < 0) {
            throw new InvalidLossReportException("The value of a loss cannot be negative: "
                    + details.estimatedValueUsd().toPlainString());
        }
        if (details.carrier() != null && type != LossType.LOST_IN_TRANSIT) {
            throw new InvalidLossReportException("Only a loss in transit names a carrier, not a " + type + " loss");
        }
    }

    /**
     * A prescription is filled for its one client, at most once plus the refills it authorizes (21 CFR
     * 1306.22(a)); answers which fill this one is (0 the first).
     */
    private int requireFillable(Prescription prescription, String clientId, DosingHistory history) {
        java.util.List<String> earlier = history.prescriptionFills(lot.practiceId(), prescription.number());
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
    private static void requireValid(Prescription prescription, LocalDate dispensedOn) {
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

    /** The calendar day of an instant where the practice is. */
    private LocalDate day(Instant at, Practices practices) {
        return LocalDate.ofInstant(at, zone(practices));
    }

    private ZoneId zone(Practices practices) {
        return practices.timeZone(lot.practiceId()).orElse(ZoneOffset.UTC);
    }

    private LateEntry late(
            Instant occurredAt,
            LateEntry lateEntry,
            String actor,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        return LateEntries.check(
                occurredAt, clock.instant(), lateEntry, lot.practiceId(), actor, practitioners, practices);
    }

    private void requireUnit(Quantity quantity) {
        if (quantity.unit() != strength.unit()) {
            throw new QuantityUnitMismatchException(lot, strength.unit(), quantity.unit());
        }
    }

    private void requireValid(Quantity quantity) {
        requireUnit(quantity);
        String problem = Quantity.problemWith(quantity.amount(), quantity.unit());
        if (problem != null) {
            throw new InvalidQuantityException(problem);
        }
    }

    @EventSourcingHandler
    void on(StockReceivedEvent event, @MessageIdentifier String eventId) {
        describe(event.lot(), event.substance(), event.strength(), event.containerSize(), event.expiresOn());
        balance = event.balanceAfter();
        history.arrived(event.occurredAt(), event.quantity());
        recordedIds.add(event.receiptId());
        entries.put(eventId, new Entry(Movement.RECEIVED, event.quantity(), null, event.occurredAt()));
    }

    @EventSourcingHandler
    void on(StockTransferredInEvent event, @MessageIdentifier String eventId) {
        describe(event.lot(), event.substance(), event.strength(), event.containerSize(), event.expiresOn());
        balance = event.balanceAfter();
        history.arrived(event.occurredAt(), event.quantity());
        recordedIds.add(event.transferId());
        entries.put(eventId, new Entry(Movement.TRANSFERRED_IN, event.quantity(), null, event.occurredAt()));
    }

    private void describe(
            StockLotRef ref, Substance substance, Strength strength, Quantity containerSize, LocalDate expiresOn) {
        this.id = ref.aggregateId();
        this.lot = ref;
        this.substance = substance;
        this.strength = strength;
        this.containerSize = containerSize;
        this.expiresOn = expiresOn;
    }

    @EventSourcingHandler
    void on(DoseDrawnEvent event, @MessageIdentifier String eventId) {
        balance = event.balanceAfter();
        history.change(event.occurredAt(), event.quantity().negate());
        draws.put(
                event.drawId(),
                DrawState.opened(
                        event.clientId(), event.sessionId(), event.drawnBy(), event.occurredAt(), event.quantity()));
        entries.put(eventId, new Entry(Movement.DRAWN, event.quantity(), event.drawId(), event.occurredAt()));
    }

    @EventSourcingHandler
    void on(DoseAdministeredEvent event, @MessageIdentifier String eventId) {
        draws.computeIfPresent(event.drawId(), (drawId, draw) -> draw.administer(event.quantity()));
        entries.put(eventId, new Entry(Movement.ADMINISTERED, event.quantity(), event.drawId(), event.occurredAt()));
    }

    @EventSourcingHandler
    void on(DoseWastedEvent event, @MessageIdentifier String eventId) {
        draws.computeIfPresent(event.drawId(), (drawId, draw) -> draw.waste(event.quantity()));
        entries.put(eventId, new Entry(Movement.WASTED, event.quantity(), event.drawId(), event.occurredAt()));
    }

    @EventSourcingHandler
    void on(DrawAccountedForEvent event) {
        draws.computeIfPresent(event.drawId(), (drawId, draw) -> draw.close());
    }

    @EventSourcingHandler
    void on(DrawOverdueEvent event) {
        draws.computeIfPresent(event.drawId(), (drawId, draw) -> draw.flagOverdue());
    }

    @EventSourcingHandler
    void on(DoseDispensedEvent event, @MessageIdentifier String eventId) {
        taken(
                event.balanceAfter(),
                event.dispensationId(),
                eventId,
                Movement.DISPENSED,
                event.quantity(),
                event.occurredAt());
    }

    @EventSourcingHandler
    void on(StockTransferredOutEvent event, @MessageIdentifier String eventId) {
        taken(
                event.balanceAfter(),
                event.transferId(),
                eventId,
                Movement.TRANSFERRED_OUT,
                event.quantity(),
                event.occurredAt());
    }

    @EventSourcingHandler
    void on(StockReturnedEvent event, @MessageIdentifier String eventId) {
        taken(event.balanceAfter(), event.returnId(), eventId, Movement.RETURNED, event.quantity(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(StockDestroyedEvent event, @MessageIdentifier String eventId) {
        taken(
                event.balanceAfter(),
                event.destructionId(),
                eventId,
                Movement.DESTROYED,
                event.quantity(),
                event.occurredAt());
    }

    @EventSourcingHandler
    void on(StockLossReportedEvent event, @MessageIdentifier String eventId) {
        taken(event.balanceAfter(), event.lossId(), eventId, Movement.LOST, event.quantity(), event.occurredAt());
    }

    private void taken(
            Quantity balanceAfter,
            String entryId,
            String eventId,
            Movement movement,
            Quantity quantity,
            Instant occurredAt) {
        balance = balanceAfter;
        history.change(occurredAt, quantity.negate());
        recordedIds.add(entryId);
        entries.put(eventId, new Entry(movement, quantity, null, occurredAt));
    }

    @EventSourcingHandler
    void on(StockCountedEvent event) {
        recordedIds.add(event.countId());
    }

    @EventSourcingHandler
    void on(DiscrepancyRecordedEvent event) {
        openDiscrepancies.put(event.discrepancyId(), event.difference());
    }

    @EventSourcingHandler
    void on(DiscrepancyResolvedEvent event) {
        openDiscrepancies.remove(event.discrepancyId());
        resolvedDiscrepancies.add(event.discrepancyId());
        balance = event.balanceAfter();
        history.change(event.occurredAt(), event.adjustment());
    }

    @EventSourcingHandler
    void on(EntryCorrectedEvent event) {
        recordedIds.add(event.correctionId());
        corrections.put(event.correctedEventId(), event.correctionId());
        balance = event.balanceAfter();
        Entry entry = entries.get(event.correctedEventId());
        if (entry != null) {
            history.change(entry.occurredAt(), event.balanceChange());
            Corrections.Outcome outcome =
                    Corrections.apply(entry, event.correctedQuantity(), draws, event.correctedEventId());
            if (outcome.draw() != null) {
                draws.put(entry.drawId(), outcome.draw());
            }
        }
    }
}
