package org.doseledger.projections.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.projections.support.Decimals;
import org.doseledger.projections.support.EventRecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lots and their movements. The balance shown is the {@code balanceAfter} the aggregate recorded in
 * its last balance-changing event, never a sum kept here; each lot's row remembers the last ledger
 * position it applied, so a replayed or retried event changes nothing.
 */
@ProcessingGroup(StockLotProjection.PROCESSING_GROUP)
public class StockLotProjection {

    public static final String PROCESSING_GROUP = "stock-lots";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public StockLotProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(StockReceivedEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long position = position(token);
        StockLotRef lot = event.lot();
        jdbc.update(
                """
                insert into stock_lot (practice_id, location_id, ndc, lot_number, substance, unit, milligrams_per_unit,
                                       expires_on, on_hand, open_draws, last_position)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)
                on conflict do nothing
                """,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                event.substance().name(),
                event.strength().unit().name(),
                event.strength().milligramsPerUnit(),
                event.expiresOn());
        updateLot(lot, position, event.balanceAfter(), 0);
        movement(
                message,
                position,
                lot,
                "RECEIVED",
                event.quantity(),
                event.milligrams(),
                event.quantity(),
                event.balanceAfter(),
                null,
                null,
                event.receivedBy(),
                null,
                event.lateEntry(),
                event);
    }

    @EventHandler
    void on(DoseDrawnEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long position = position(token);
        updateLot(event.lot(), position, event.balanceAfter(), 1);
        movement(
                message,
                position,
                event.lot(),
                "DRAWN",
                event.quantity(),
                event.milligrams(),
                event.quantity().negate(),
                event.balanceAfter(),
                event.drawId(),
                event.clientId(),
                event.drawnBy(),
                null,
                event.lateEntry(),
                event);
    }

    @EventHandler
    void on(DoseAdministeredEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long position = position(token);
        updateLot(event.lot(), position, null, 0);
        movement(
                message,
                position,
                event.lot(),
                "ADMINISTERED",
                event.quantity(),
                event.milligrams(),
                null,
                null,
                event.drawId(),
                event.clientId(),
                event.administeredBy(),
                null,
                event.lateEntry(),
                event);
    }

    @EventHandler
    void on(DoseWastedEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long position = position(token);
        updateLot(event.lot(), position, null, 0);
        movement(
                message,
                position,
                event.lot(),
                "WASTED",
                event.quantity(),
                event.milligrams(),
                null,
                null,
                event.drawId(),
                event.clientId(),
                event.wastedBy(),
                event.witnessedBy(),
                event.lateEntry(),
                event);
    }

    @EventHandler
    void on(DrawAccountedForEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        long position = position(token);
        updateLot(event.lot(), position, null, -1);
        movement(
                message,
                position,
                event.lot(),
                "DRAW_ACCOUNTED_FOR",
                event.drawn(),
                null,
                null,
                null,
                event.drawId(),
                event.clientId(),
                null,
                null,
                null,
                event);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from stock_movement");
        jdbc.update("delete from stock_lot");
    }

    @QueryHandler
    public Optional<StockLotView> handle(FindStockLotQuery query) {
        StockLotRef lot = query.lot();
        return jdbc
                .query(
                        """
                        select * from stock_lot
                        where practice_id = ? and location_id = ? and ndc = ? and lot_number = ?
                        """,
                        StockLotProjection::toLot,
                        lot.practiceId().value(),
                        lot.locationId(),
                        lot.ndc(),
                        lot.lotNumber())
                .stream()
                .findFirst();
    }

    @QueryHandler
    public List<StockMovementView> handle(FindStockMovementsQuery query) {
        StockLotRef lot = query.lot();
        return jdbc.query(
                """
                select * from stock_movement
                where practice_id = ? and location_id = ? and ndc = ? and lot_number = ? and ledger_position > ?
                order by ledger_position limit ?
                """,
                this::toMovement,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                query.afterPosition(),
                query.limit());
    }

    @QueryHandler
    public Optional<DrawView> handle(FindDrawQuery query) {
        StockLotRef lot = query.lot();
        List<StockMovementView> movements = jdbc.query(
                """
                select * from stock_movement
                where practice_id = ? and location_id = ? and ndc = ? and lot_number = ? and draw_id = ?
                order by ledger_position
                """,
                this::toMovement,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                query.drawId());
        if (movements.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal drawn = sum(movements, "DRAWN");
        BigDecimal administered = sum(movements, "ADMINISTERED");
        BigDecimal wasted = sum(movements, "WASTED");
        boolean closed = movements.stream().anyMatch(m -> m.movement().equals("DRAW_ACCOUNTED_FOR"));
        return Optional.of(new DrawView(
                query.drawId(),
                movements.get(0).clientId(),
                closed ? "ACCOUNTED_FOR" : "OPEN",
                drawn,
                administered,
                wasted,
                movements));
    }

    private static BigDecimal sum(List<StockMovementView> movements, String kind) {
        return Decimals.plain(movements.stream()
                .filter(m -> m.movement().equals(kind))
                .map(StockMovementView::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private void updateLot(StockLotRef lot, long position, Quantity balanceAfter, int openDrawChange) {
        jdbc.update(
                """
                update stock_lot
                set on_hand = coalesce(?, on_hand), open_draws = open_draws + ?, last_position = ?
                where practice_id = ? and location_id = ? and ndc = ? and lot_number = ? and last_position < ?
                """,
                balanceAfter == null ? null : balanceAfter.amount(),
                openDrawChange,
                position,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                position);
    }

    private void movement(
            EventMessage<?> message,
            long position,
            StockLotRef lot,
            String movement,
            Quantity quantity,
            BigDecimal milligrams,
            Quantity balanceChange,
            Quantity balanceAfter,
            String drawId,
            String clientId,
            String actor,
            String witness,
            LateEntry lateEntry,
            LedgerEvent event)
            throws JsonProcessingException {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, balance_after, draw_id,
                                            client_id, actor, witness, late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                movement,
                quantity == null ? null : quantity.amount(),
                milligrams,
                balanceChange == null ? BigDecimal.ZERO : balanceChange.amount(),
                balanceAfter == null ? null : balanceAfter.amount(),
                drawId,
                clientId,
                actor,
                witness,
                lateEntry != null,
                Timestamp.from(event.occurredAt()),
                Timestamp.from(EventRecordedTime.of(message)),
                json.writeValueAsString(event));
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("token without position: " + token));
    }

    private static StockLotView toLot(ResultSet rs, int row) throws SQLException {
        BigDecimal onHand = rs.getBigDecimal("on_hand");
        BigDecimal mgPerUnit = rs.getBigDecimal("milligrams_per_unit");
        return new StockLotView(
                rs.getString("location_id"),
                rs.getString("ndc"),
                rs.getString("lot_number"),
                Substance.valueOf(rs.getString("substance")),
                StockUnit.valueOf(rs.getString("unit")),
                Decimals.plain(mgPerUnit),
                rs.getObject("expires_on", java.time.LocalDate.class),
                Decimals.plain(onHand),
                Decimals.plain(onHand.multiply(mgPerUnit)),
                rs.getInt("open_draws"),
                rs.getLong("last_position"));
    }

    private StockMovementView toMovement(ResultSet rs, int row) throws SQLException {
        try {
            return new StockMovementView(
                    rs.getLong("ledger_position"),
                    rs.getString("event_id"),
                    rs.getString("movement"),
                    Decimals.plain(rs.getBigDecimal("quantity")),
                    Decimals.plain(rs.getBigDecimal("milligrams")),
                    Decimals.plain(rs.getBigDecimal("balance_change")),
                    Decimals.plain(rs.getBigDecimal("balance_after")),
                    rs.getString("draw_id"),
                    rs.getString("client_id"),
                    rs.getString("actor"),
                    rs.getString("witness"),
                    rs.getBoolean("late_entry"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getTimestamp("recorded_at").toInstant(),
                    json.readTree(rs.getString("details")));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable movement row " + rs.getLong("ledger_position"), e);
        }
    }
}
