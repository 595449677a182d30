package org.doseledger.core.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.client.api.Consents;
import org.doseledger.core.client.api.NoActiveConsentException;
import org.doseledger.core.location.api.Locations;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.NotYetRegisteredException;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.EntryAlreadyRecordedException;
import org.doseledger.core.stock.api.EntryBeforeDrawException;
import org.doseledger.core.stock.api.InsufficientStockException;
import org.doseledger.core.stock.api.InvalidQuantityException;
import org.doseledger.core.stock.api.LotExpiredException;
import org.doseledger.core.stock.api.LotNotYetArrivedException;
import org.doseledger.core.stock.api.QuantityUnitMismatchException;

/**
 * What every entry on a lot checks, in one place: the acting person's lateness, the lot's balance from the
 * entry's moment on, its arrival, the people, client and location it names, and the quantity's unit. A part
 * of {@link StockLot}.
 */
final class LotChecks {

    private final StockLot state;

    LotChecks(StockLot state) {
        this.state = state;
    }

    /** The balance after a removal dated {@code at}, which must leave the lot at or above zero from then on. */
    Quantity balanceAfterTaking(Quantity quantity, Instant at) {
        requireArrived(at);
        if (quantity.isGreaterThan(state.balance)) {
            throw new InsufficientStockException(state.lot, quantity, state.balance);
        }
        requireStaysAtOrAboveZero(quantity.negate(), at);
        return state.balance.minus(quantity);
    }

    /** A change dated {@code at} may not take the lot below zero at that moment or any later one. */
    void requireStaysAtOrAboveZero(Quantity change, Instant at) {
        if (!change.isNegative()) {
            return;
        }
        Quantity lowest = state.history.lowestFrom(at, state.balance.unit());
        Quantity taken = change.negate();
        if (taken.isGreaterThan(lowest)) {
            if (lowest.equals(state.balance)) {
                throw new InsufficientStockException(state.lot, taken, state.balance);
            }
            throw new InsufficientStockException(state.lot, taken, lowest, at);
        }
    }

    void requireArrived(Instant at) {
        Instant arrivedAt = state.history.arrivedAt();
        if (arrivedAt != null && at.isBefore(arrivedAt)) {
            throw new LotNotYetArrivedException(state.lot, arrivedAt, at);
        }
    }

    static void requireAfterDraw(String drawId, DrawState draw, Instant at) {
        if (at.isBefore(draw.drawnAt())) {
            throw new EntryBeforeDrawException(drawId, draw.drawnAt(), at);
        }
    }

    static void requireRegisteredBy(String kind, String id, Instant registeredAt, Instant at) {
        if (registeredAt != null && at.isBefore(registeredAt)) {
            throw new NotYetRegisteredException(kind, id, registeredAt, at);
        }
    }

    static void requireLocation(Locations locations, PracticeId practiceId, String locationId, Instant at) {
        Instant registeredAt = locations
                .registeredAt(practiceId, locationId)
                .orElseThrow(() -> new UnknownRecordException("location", locationId));
        requireRegisteredBy("location", locationId, registeredAt, at);
    }

    Quantity current(Quantity incoming) {
        if (state.balance == null) {
            return Quantity.zero(incoming.unit());
        }
        if (incoming.unit() != state.balance.unit()) {
            throw new QuantityUnitMismatchException(state.lot, state.balance.unit(), incoming.unit());
        }
        return state.balance;
    }

    void requireNew(String kind, String entryId) {
        if (state.recordedIds.contains(entryId)) {
            throw new EntryAlreadyRecordedException(state.lot, kind, entryId);
        }
    }

    void requireClient(Clients clients, String clientId, Instant at) {
        if (!ClientRef.isValidClientId(clientId)) {
            throw new UnknownRecordException("client", clientId);
        }
        Instant registeredAt = clients.registeredAt(new ClientRef(state.lot.practiceId(), clientId))
                .orElseThrow(() -> new UnknownRecordException("client", clientId));
        requireRegisteredBy("client", clientId, registeredAt, at);
    }

    void requireConsent(Consents consents, String clientId, Route route, CareModel model, Instant at) {
        String problem = consents.problemWith(new ClientRef(state.lot.practiceId(), clientId), route, model, at);
        if (problem != null) {
            throw new NoActiveConsentException(clientId, route, model, at, problem);
        }
    }

    void requireNotExpired(Instant occurredAt, Practices practices) {
        // "expires on" a date means usable through the end of that day where the practice is
        LocalDate on = LocalDate.ofInstant(occurredAt, zone(practices));
        if (on.isAfter(state.expiresOn)) {
            throw new LotExpiredException(state.lot, state.expiresOn, on);
        }
    }

    /** The calendar day of an instant where the practice is. */
    LocalDate day(Instant at, Practices practices) {
        return LocalDate.ofInstant(at, zone(practices));
    }

    ZoneId zone(Practices practices) {
        return practices.timeZone(state.lot.practiceId()).orElse(ZoneOffset.UTC);
    }

    /** The person acting on this lot, to be checked for what the command asks of them. */
    LotActor actor(String actor, Instant at, Practitioners practitioners, Practices practices, Clock clock) {
        return new LotActor(state.lot.practiceId(), actor, at, practitioners, practices, clock);
    }

    void requireUnit(Quantity quantity) {
        if (quantity.unit() != state.strength.unit()) {
            throw new QuantityUnitMismatchException(state.lot, state.strength.unit(), quantity.unit());
        }
    }

    void requireValid(Quantity quantity) {
        requireUnit(quantity);
        String problem = Quantity.problemWith(quantity.amount(), quantity.unit());
        if (problem != null) {
            throw new InvalidQuantityException(problem);
        }
    }
}
