package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.PractitionerChecks;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.product.api.Catalogue;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawAlreadyAccountedForException;
import org.doseledger.core.stock.api.DrawAlreadyRecordedException;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.DrawOverAccountedException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LotExpiredException;
import org.doseledger.core.stock.api.LotExpiryMismatchException;
import org.doseledger.core.stock.api.QuantityUnitMismatchException;
import org.doseledger.core.stock.api.ReceiptAlreadyRecordedException;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.WasteDoseCommand;
import org.doseledger.core.stock.api.WasteNotByDrawerException;

/**
 * One lot of one product at one location. Its balance is derived from its events only and never goes
 * below zero; every draw stays open until administered plus wasted equals drawn.
 */
public class StockLot {

    @AggregateIdentifier
    private String id;

    private StockLotRef lot;
    private Strength strength;
    private LocalDate expiresOn;
    private Quantity balance;
    private final Map<String, DrawState> openDraws = new HashMap<>();
    private final Set<String> closedDraws = new HashSet<>();
    private final Set<String> receipts = new HashSet<>();

    protected StockLot() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(
            ReceiveStockCommand command,
            Catalogue catalogue,
            Locations locations,
            Practitioners practitioners,
            Clock clock) {
        StockLotRef ref = command.lot();
        ProductFacts product = catalogue
                .find(ref.practiceId(), ref.ndc())
                .orElseThrow(() -> new UnknownRecordException("product", ref.ndc()));
        if (!locations.exists(ref.practiceId(), ref.locationId())) {
            throw new UnknownRecordException("location", ref.locationId());
        }
        if (command.containers() < 1) {
            throw new InvalidQuantityException("A receipt needs at least one container, not " + command.containers());
        }
        if (receipts.contains(command.receiptId())) {
            throw new ReceiptAlreadyRecordedException(ref, command.receiptId());
        }
        if (expiresOn != null && !expiresOn.equals(command.expiresOn())) {
            throw new LotExpiryMismatchException(ref, expiresOn, command.expiresOn());
        }
        PractitionerChecks.requireAllowed(practitioners, ref.practiceId(), command.receivedBy(), StockAction.RECEIVE);
        LateEntry late = LateEntries.check(
                command.occurredAt(),
                clock.instant(),
                command.lateEntry(),
                ref.practiceId(),
                command.receivedBy(),
                practitioners);
        Quantity received = product.containerSize().times(command.containers());
        Quantity before = balance == null ? Quantity.zero(received.unit()) : balance;
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
                before.plus(received),
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(
            DrawDoseCommand command, Clients clients, Practitioners practitioners, Practices practices, Clock clock) {
        requireValid(command.quantity());
        if (openDraws.containsKey(command.drawId()) || closedDraws.contains(command.drawId())) {
            throw new DrawAlreadyRecordedException(lot, command.drawId());
        }
        if (!clients.exists(new ClientRef(lot.practiceId(), command.clientId()))) {
            throw new UnknownRecordException("client", command.clientId());
        }
        PractitionerChecks.requireAllowed(practitioners, lot.practiceId(), command.drawnBy(), StockAction.DRAW);
        // "expires on" a date means usable through the end of that day where the practice is
        ZoneId zone = practices.timeZone(lot.practiceId()).orElse(ZoneOffset.UTC);
        LocalDate drawnOn = LocalDate.ofInstant(command.occurredAt(), zone);
        if (drawnOn.isAfter(expiresOn)) {
            throw new LotExpiredException(lot, expiresOn, drawnOn);
        }
        if (command.quantity().isGreaterThan(balance)) {
            throw new InsufficientStockException(lot, command.quantity(), balance);
        }
        LateEntry late = LateEntries.check(
                command.occurredAt(),
                clock.instant(),
                command.lateEntry(),
                lot.practiceId(),
                command.drawnBy(),
                practitioners);
        apply(new DoseDrawnEvent(
                lot,
                command.drawId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.clientId(),
                command.sessionId(),
                command.drawnBy(),
                balance.minus(command.quantity()),
                command.occurredAt(),
                late));
    }

    @CommandHandler
    void handle(RecordAdministrationCommand command, Practitioners practitioners, Clock clock) {
        requireValid(command.quantity());
        DrawState draw = openDraw(command.drawId(), command.quantity());
        PractitionerChecks.requireAllowed(
                practitioners, lot.practiceId(), command.administeredBy(), StockAction.ADMINISTER);
        LateEntry late = LateEntries.check(
                command.occurredAt(),
                clock.instant(),
                command.lateEntry(),
                lot.practiceId(),
                command.administeredBy(),
                practitioners);
        DrawState after = draw.administer(command.quantity());
        apply(new DoseAdministeredEvent(
                lot,
                command.drawId(),
                command.quantity(),
                strength.milligramsIn(command.quantity()),
                command.route(),
                draw.clientId(),
                command.administeredBy(),
                after.unaccounted(),
                command.occurredAt(),
                late));
        closeIfAccountedFor(command.drawId(), after, command.occurredAt());
    }

    @CommandHandler
    void handle(WasteDoseCommand command, Practitioners practitioners, Clock clock) {
        requireValid(command.quantity());
        DrawState draw = openDraw(command.drawId(), command.quantity());
        if (!draw.drawnBy().equals(command.wastedBy())) {
            throw new WasteNotByDrawerException(command.drawId(), draw.drawnBy(), command.wastedBy());
        }
        PractitionerChecks.requireAllowed(practitioners, lot.practiceId(), command.wastedBy(), StockAction.WASTE);
        PractitionerChecks.requireSecondPerson(
                practitioners, lot.practiceId(), command.wastedBy(), command.witnessedBy(), StockAction.WITNESS);
        LateEntry late = LateEntries.check(
                command.occurredAt(),
                clock.instant(),
                command.lateEntry(),
                lot.practiceId(),
                command.wastedBy(),
                practitioners);
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

    private void closeIfAccountedFor(String drawId, DrawState after, Instant at) {
        if (after.unaccounted().isZero()) {
            apply(new DrawAccountedForEvent(
                    lot, drawId, after.clientId(), after.drawn(), after.administered(), after.wasted(), at));
        }
    }

    private DrawState openDraw(String drawId, Quantity quantity) {
        DrawState draw = openDraws.get(drawId);
        if (draw == null) {
            if (closedDraws.contains(drawId)) {
                throw new DrawAlreadyAccountedForException(drawId);
            }
            throw new UnknownRecordException("draw", drawId);
        }
        if (quantity.isGreaterThan(draw.unaccounted())) {
            throw new DrawOverAccountedException(drawId, quantity, draw.unaccounted());
        }
        return draw;
    }

    private void requireValid(Quantity quantity) {
        StockUnit unit = strength.unit();
        if (quantity.unit() != unit) {
            throw new QuantityUnitMismatchException(lot, unit, quantity.unit());
        }
        String problem = Quantity.problemWith(quantity.amount(), quantity.unit());
        if (problem != null) {
            throw new InvalidQuantityException(problem);
        }
    }

    @EventSourcingHandler
    void on(StockReceivedEvent event) {
        id = event.lot().aggregateId();
        lot = event.lot();
        strength = event.strength();
        expiresOn = event.expiresOn();
        balance = event.balanceAfter();
        receipts.add(event.receiptId());
    }

    @EventSourcingHandler
    void on(DoseDrawnEvent event) {
        balance = event.balanceAfter();
        Quantity none = Quantity.zero(event.quantity().unit());
        openDraws.put(event.drawId(), new DrawState(event.clientId(), event.drawnBy(), event.quantity(), none, none));
    }

    @EventSourcingHandler
    void on(DoseAdministeredEvent event) {
        openDraws.computeIfPresent(event.drawId(), (drawId, draw) -> draw.administer(event.quantity()));
    }

    @EventSourcingHandler
    void on(DoseWastedEvent event) {
        openDraws.computeIfPresent(event.drawId(), (drawId, draw) -> draw.waste(event.quantity()));
    }

    @EventSourcingHandler
    void on(DrawAccountedForEvent event) {
        openDraws.remove(event.drawId());
        closedDraws.add(event.drawId());
    }
}
