package org.doseledger.core.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.doseledger.core.client.api.Clients;
import org.doseledger.core.client.api.Consents;
import org.doseledger.core.client.api.DosingHistory;
import org.doseledger.core.practice.api.Practices;
import org.doseledger.core.practitioner.api.Practitioners;
import org.doseledger.core.practitioner.api.StockAction;
import org.doseledger.core.session.api.DrawOutsideSessionException;
import org.doseledger.core.session.api.SessionFacts;
import org.doseledger.core.session.api.Sessions;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.UnknownRecordException;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawAlreadyAccountedForException;
import org.doseledger.core.stock.api.DrawAlreadyRecordedException;
import org.doseledger.core.stock.api.DrawDoseCommand;
import org.doseledger.core.stock.api.DrawOverAccountedException;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.FlagOverdueDrawCommand;
import org.doseledger.core.stock.api.RecordAdministrationCommand;
import org.doseledger.core.stock.api.WasteDoseCommand;
import org.doseledger.core.stock.api.WasteNotByDrawerException;

/**
 * Doses drawn from the lot and accounted for: drawn for a session, administered, wasted before a witness, and
 * flagged when a draw stays open too long. A part of {@link StockLot}: it decides, the lot keeps the state.
 */
final class LotDraws {

    private final StockLot state;
    private final LotChecks checks;

    LotDraws(StockLot state) {
        this.state = state;
        this.checks = new LotChecks(state);
    }

    void handle(
            DrawDoseCommand command,
            Clients clients,
            Sessions sessions,
            Consents consents,
            DosingHistory history,
            Practitioners practitioners,
            Practices practices,
            Clock clock) {
        checks.requireValid(command.quantity());
        if (state.draws.containsKey(command.drawId())) {
            throw new DrawAlreadyRecordedException(state.lot, command.drawId());
        }
        checks.requireClient(clients, command.clientId(), command.occurredAt());
        requireSession(sessions, command.clientId(), command.sessionId(), command.occurredAt());
        // stock leaves the safe only for a client who may be dosed: consent, clearance and plan as for the dose
        checks.requireConsent(consents, command.clientId(), null, CareModel.ADMINISTERED, command.occurredAt());
        PlanRules.requireDosable(
                history,
                new ClientRef(state.lot.practiceId(), command.clientId()),
                command.occurredAt(),
                practices.policies(state.lot.practiceId()));
        LotActor drawnBy = checks.actor(command.drawnBy(), command.occurredAt(), practitioners, practices, clock)
                .credentialedTo(StockAction.DRAW);
        checks.requireNotExpired(command.occurredAt(), practices);
        if (command.witnessedBy() != null
                || practices.policies(state.lot.practiceId()).requireWitnessedDraws()) {
            drawnBy.witnessedBy(command.witnessedBy());
        }
        LateEntry late = drawnBy.late(command.lateEntry());
        apply(new DoseDrawnEvent(
                state.lot,
                command.drawId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                command.clientId(),
                command.sessionId(),
                command.drawnBy(),
                checks.balanceAfterTaking(command.quantity(), command.occurredAt()),
                command.occurredAt(),
                late,
                command.witnessedBy()));
    }

    void handle(
            RecordAdministrationCommand command,
            Practitioners practitioners,
            Practices practices,
            Consents consents,
            DosingHistory history,
            Clock clock) {
        checks.requireValid(command.quantity());
        DrawState draw = openDraw(command.drawId(), command.quantity());
        LotChecks.requireAfterDraw(command.drawId(), draw, command.occurredAt());
        checks.requireConsent(consents, draw.clientId(), command.route(), CareModel.ADMINISTERED, command.occurredAt());
        LocalDate on = checks.day(command.occurredAt(), practices);
        LotActor administeredBy = checks.actor(
                        command.administeredBy(), command.occurredAt(), practitioners, practices, clock)
                .credentialedTo(StockAction.ADMINISTER);
        BigDecimal milligrams = state.strength.milligramsIn(command.quantity());
        List<String> planFlags = PlanRules.check(
                history,
                practitioners,
                new ClientRef(state.lot.practiceId(), draw.clientId()),
                draw.sessionId() != null ? draw.sessionId() : command.drawId(),
                milligrams,
                command.route(),
                command.occurredAt(),
                on,
                command.administeredBy(),
                command.override(),
                practices.policies(state.lot.practiceId()));
        LateEntry late = administeredBy.late(command.lateEntry());
        DrawState after = draw.administer(command.quantity());
        apply(new DoseAdministeredEvent(
                state.lot,
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

    void handle(WasteDoseCommand command, Practitioners practitioners, Practices practices, Clock clock) {
        checks.requireValid(command.quantity());
        DrawState draw = openDraw(command.drawId(), command.quantity());
        LotChecks.requireAfterDraw(command.drawId(), draw, command.occurredAt());
        if (!draw.drawnBy().equals(command.wastedBy())) {
            throw new WasteNotByDrawerException(command.drawId(), draw.drawnBy(), command.wastedBy());
        }
        LateEntry late = checks.actor(command.wastedBy(), command.occurredAt(), practitioners, practices, clock)
                .credentialedTo(StockAction.WASTE)
                .witnessedBy(command.witnessedBy())
                .late(command.lateEntry());
        DrawState after = draw.waste(command.quantity());
        apply(new DoseWastedEvent(
                state.lot,
                command.drawId(),
                command.quantity(),
                state.strength.milligramsIn(command.quantity()),
                command.method(),
                draw.clientId(),
                command.wastedBy(),
                command.witnessedBy(),
                after.unaccounted(),
                command.occurredAt(),
                late));
        closeIfAccountedFor(command.drawId(), after, command.occurredAt());
    }

    void handle(FlagOverdueDrawCommand command) {
        DrawState draw = state.draws.get(command.drawId());
        if (draw == null || draw.closed() || draw.flaggedOverdue()) {
            return;
        }
        Instant due = draw.drawnAt().plus(command.openDrawLimit());
        if (command.checkedAt().isBefore(due)) {
            return;
        }
        apply(new DrawOverdueEvent(
                state.lot,
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
                    state.lot, drawId, after.clientId(), after.drawn(), after.administered(), after.wasted(), at));
        }
    }

    private DrawState openDraw(String drawId, Quantity quantity) {
        DrawState draw = state.draws.get(drawId);
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

    /** A draw names a session of the same client, for the lot's substance, in progress when it is drawn. */
    private void requireSession(Sessions sessions, String clientId, String sessionId, Instant at) {
        if (sessionId == null) {
            throw new DrawOutsideSessionException(
                    "SESSION_REQUIRED", "A dose is drawn for a dosing session: name the session it is for");
        }
        SessionFacts session = sessions.find(state.lot.practiceId(), sessionId)
                .orElseThrow(() -> new UnknownRecordException("session", sessionId));
        DrawOutsideSessionException problem = session.problemWithDraw(clientId, state.substance, at);
        if (problem != null) {
            throw problem;
        }
    }
}
