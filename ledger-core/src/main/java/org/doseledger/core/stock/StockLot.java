package org.doseledger.core.stock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CorrectEntryCommand;
import org.doseledger.core.stock.api.DestroyStockCommand;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.FlagOverdueDrawCommand;
import org.doseledger.core.stock.api.Movement;
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
import org.doseledger.core.stock.api.TransferStockCommand;
import org.doseledger.core.stock.api.WasteDoseCommand;

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
 *
 * <p>The lot handles every command and keeps the state; what each command checks and which events it applies
 * is decided by the part for its concern: {@link LotArrivals} (receipts, transfers in), {@link LotDraws}
 * (draws, administration, waste, overdue draws), {@link LotDispensing} (take-home doses against a
 * prescription), {@link LotRemovals} (transfers out, returns, destruction, losses) and {@link LotCounts}
 * (counts, discrepancies, corrections), with what they all check in {@link LotChecks}.
 */
@Revision("2")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StockLot {

    @AggregateIdentifier
    private String id;

    // The lot's state, and its snapshot. The parts that decide each command read it (package-private for
    // them); only the event sourcing handlers below change it.
    StockLotRef lot;
    Substance substance;
    Strength strength;
    Quantity containerSize;
    LocalDate expiresOn;
    Quantity balance;
    final BalanceHistory history = new BalanceHistory();
    final Map<String, DrawState> draws = new HashMap<>();
    final Set<String> recordedIds = new HashSet<>();
    final Map<String, Entry> entries = new HashMap<>();
    final Map<String, String> corrections = new HashMap<>();
    final Map<String, Quantity> openDiscrepancies = new HashMap<>();
    final Set<String> resolvedDiscrepancies = new HashSet<>();

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
        new LotArrivals(this).handle(command, catalogue, locations, practitioners, practices, clock);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(
            ReceiveTransferCommand command,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        new LotArrivals(this).handle(command, locations, practitioners, practices, clock);
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
        new LotDraws(this).handle(command, clients, sessions, consents, history, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(
            RecordAdministrationCommand command,
            Practitioners practitioners,
            Practices practices,
            Consents consents,
            DosingHistory history,
            Clock clock) {
        new LotDraws(this).handle(command, practitioners, practices, consents, history, clock);
    }

    @CommandHandler
    void handle(WasteDoseCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotDraws(this).handle(command, practitioners, practices, clock);
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
        new LotDispensing(this).handle(command, clients, practitioners, practices, consents, history, clock);
    }

    @CommandHandler
    void handle(
            TransferStockCommand command,
            Locations locations,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        new LotRemovals(this).handle(command, locations, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(ReturnStockCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotRemovals(this).handle(command, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(DestroyStockCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotRemovals(this).handle(command, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(ReportLossCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotRemovals(this).handle(command, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(RecordCountCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotCounts(this).handle(command, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(ResolveDiscrepancyCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotCounts(this).handle(command, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(CorrectEntryCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        new LotCounts(this).handle(command, practitioners, practices, clock);
    }

    @CommandHandler
    void handle(FlagOverdueDrawCommand command) {
        new LotDraws(this).handle(command);
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
