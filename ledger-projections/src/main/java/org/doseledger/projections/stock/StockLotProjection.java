package org.doseledger.projections.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.StockReturnedEvent;
import org.doseledger.core.stock.api.StockTransferredInEvent;
import org.doseledger.core.stock.api.StockTransferredOutEvent;
import org.doseledger.projections.support.BatchedInserts;
import org.doseledger.projections.support.Decimals;
import org.doseledger.projections.support.EventRecordedTime;
import org.doseledger.projections.support.LedgerPosition;
import org.doseledger.projections.support.ReconciledTable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lots, their draws, discrepancies and movements. The balance shown is the {@code balanceAfter} the
 * aggregate recorded in its last balance-changing event, never a sum kept here. Each lot's row
 * remembers the last ledger position it applied; an event at or before it (a replay, a retried batch)
 * changes nothing.
 */
@ProcessingGroup(StockLotProjection.PROCESSING_GROUP)
public class StockLotProjection {

    public static final String PROCESSING_GROUP = "stock-lots";

    /** A movement row for every event of a lot. */
    public static final ReconciledTable MOVEMENTS =
            ReconciledTable.everyHandledEvent(PROCESSING_GROUP, "stock_movement");

    private static final String LOT_KEY = "practice_id = ? and location_id = ? and ndc = ? and lot_number = ?";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public StockLotProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(StockReceivedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        createLot(event.lot(), event.substance(), event.strength(), event.expiresOn());
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "RECEIVED")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity(), event.balanceAfter())
                            .by(event.receivedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(StockTransferredInEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        createLot(event.lot(), event.substance(), event.strength(), event.expiresOn());
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "TRANSFERRED_IN")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity(), event.balanceAfter())
                            .by(event.transferredBy())
                            .witness(event.witnessedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(DoseDrawnEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            jdbc.update(
                    """
                    insert into stock_draw (practice_id, location_id, ndc, lot_number, draw_id, client_id, drawn_by,
                                            drawn_at, drawn, administered, wasted, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'OPEN') on conflict do nothing
                    """,
                    lotKey(
                            event.lot(),
                            event.drawId(),
                            event.clientId(),
                            event.drawnBy(),
                            Timestamp.from(event.occurredAt()),
                            event.quantity().amount()));
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DRAWN")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity().negate(), event.balanceAfter())
                            .draw(event.drawId())
                            .client(event.clientId())
                            .by(event.drawnBy())
                            .witness(event.witnessedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(DoseAdministeredEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, null)) {
            changeDraw(
                    event.lot(),
                    event.drawId(),
                    "administered",
                    event.quantity().amount(),
                    null);
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "ADMINISTERED")
                            .quantity(event.quantity(), event.milligrams())
                            .draw(event.drawId())
                            .client(event.clientId())
                            .by(event.administeredBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(DoseWastedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, null)) {
            changeDraw(event.lot(), event.drawId(), "wasted", event.quantity().amount(), null);
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "WASTED")
                            .quantity(event.quantity(), event.milligrams())
                            .draw(event.drawId())
                            .client(event.clientId())
                            .by(event.wastedBy())
                            .witness(event.witnessedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(DrawAccountedForEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, null)) {
            changeDraw(event.lot(), event.drawId(), "administered", BigDecimal.ZERO, "ACCOUNTED_FOR");
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DRAW_ACCOUNTED_FOR")
                            .quantity(event.drawn(), null)
                            .draw(event.drawId())
                            .client(event.clientId()),
                    event);
        }
    }

    @EventHandler
    void on(DoseDispensedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DISPENSED")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity().negate(), event.balanceAfter())
                            .client(event.clientId())
                            .by(event.dispensedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(StockTransferredOutEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "TRANSFERRED_OUT")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity().negate(), event.balanceAfter())
                            .by(event.transferredBy())
                            .witness(event.witnessedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(StockReturnedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "RETURNED")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity().negate(), event.balanceAfter())
                            .by(event.returnedBy())
                            .witness(event.witnessedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(StockDestroyedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DESTROYED")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity().negate(), event.balanceAfter())
                            .by(event.destroyedBy())
                            .witness(String.join(",", event.witnessedBy()))
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(StockLossReportedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "LOST")
                            .quantity(event.quantity(), event.milligrams())
                            .balance(event.quantity().negate(), event.balanceAfter())
                            .by(event.reportedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(StockCountedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, null)) {
            jdbc.update(
                    "update stock_lot set last_counted = ?, last_counted_at = ?, last_count_id = ? where " + LOT_KEY,
                    event.counted().amount(),
                    Timestamp.from(event.occurredAt()),
                    event.countId(),
                    event.lot().practiceId().value(),
                    event.lot().locationId(),
                    event.lot().ndc(),
                    event.lot().lotNumber());
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "COUNTED")
                            .quantity(event.counted(), null)
                            .by(event.countedBy())
                            .witness(event.witnessedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(DiscrepancyRecordedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, null)) {
            jdbc.update(
                    """
                    insert into stock_discrepancy (practice_id, location_id, ndc, lot_number, discrepancy_id, expected,
                                                   counted, difference, recorded_at, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') on conflict do nothing
                    """,
                    lotKey(
                            event.lot(),
                            event.discrepancyId(),
                            event.expected().amount(),
                            event.counted().amount(),
                            event.difference().amount(),
                            Timestamp.from(event.occurredAt())));
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DISCREPANCY_RECORDED").quantity(event.difference(), null),
                    event);
        }
    }

    @EventHandler
    void on(DiscrepancyResolvedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            jdbc.update(
                    "update stock_discrepancy set status = 'RESOLVED' where " + LOT_KEY + " and discrepancy_id = ?",
                    lotKey(event.lot(), event.discrepancyId()));
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DISCREPANCY_RESOLVED")
                            .quantity(event.adjustment(), event.adjustmentMilligrams())
                            .balance(event.adjustment(), event.balanceAfter())
                            .by(event.resolvedBy())
                            .witness(event.approvedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(EntryCorrectedEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, event.balanceAfter())) {
            BigDecimal original = event.originalQuantity().amount();
            BigDecimal corrected = event.correctedQuantity() == null
                    ? BigDecimal.ZERO
                    : event.correctedQuantity().amount();
            if (event.drawId() != null) {
                correctDraw(event, corrected.subtract(original));
            }
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "CORRECTED")
                            .quantity(event.correctedQuantity(), null)
                            .balance(event.balanceChange(), event.balanceAfter())
                            .draw(event.drawId())
                            .by(event.correctedBy())
                            .witness(event.approvedBy())
                            .late(event.lateEntry()),
                    event);
        }
    }

    @EventHandler
    void on(DrawOverdueEvent event, EventMessage<?> message, @LedgerPosition long position)
            throws JsonProcessingException {
        if (advance(event.lot(), position, null)) {
            jdbc.update(
                    "update stock_draw set overdue = true where " + LOT_KEY + " and draw_id = ?",
                    lotKey(event.lot(), event.drawId()));
            movement(
                    message,
                    position,
                    MovementRow.of(event.lot(), "DRAW_OVERDUE")
                            .quantity(event.unaccounted(), null)
                            .draw(event.drawId())
                            .client(event.clientId())
                            .by(event.drawnBy()),
                    event);
        }
    }

    @QueryHandler
    public List<OverdueDrawCandidate> handle(FindDrawsOpenSinceQuery query) {
        return jdbc.query(
                """
                select practice_id, location_id, ndc, lot_number, draw_id from stock_draw
                where status = 'OPEN' and not overdue and drawn_at < ?
                order by drawn_at limit ?
                """,
                (rs, row) -> new OverdueDrawCandidate(
                        new StockLotRef(
                                PracticeId.of(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getString(5)),
                Timestamp.from(query.drawnBefore()),
                query.limit());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from stock_movement");
        jdbc.update("delete from stock_draw");
        jdbc.update("delete from stock_discrepancy");
        jdbc.update("delete from stock_lot");
    }

    @QueryHandler
    public Optional<StockLotView> handle(FindStockLotQuery query) {
        return jdbc.query("""
                        select l.*,
                               (select count(*) from stock_draw d where d.practice_id = l.practice_id
                                  and d.location_id = l.location_id and d.ndc = l.ndc and d.lot_number = l.lot_number
                                  and d.status = 'OPEN') as open_draws,
                               (select count(*) from stock_discrepancy d where d.practice_id = l.practice_id
                                  and d.location_id = l.location_id and d.ndc = l.ndc and d.lot_number = l.lot_number
                                  and d.status = 'OPEN') as open_discrepancies
                        from stock_lot l
                        where l.practice_id = ? and l.location_id = ? and l.ndc = ? and l.lot_number = ?
                        """, StockLotProjection::toLot, lotKey(query.lot())).stream()
                .findFirst();
    }

    @QueryHandler
    public List<StockMovementView> handle(FindStockMovementsQuery query) {
        return jdbc.query(
                "select * from stock_movement where " + LOT_KEY
                        + " and ledger_position > ? order by ledger_position limit ?",
                this::toMovement,
                lotKey(query.lot(), query.afterPosition(), query.limit()));
    }

    @QueryHandler
    public Optional<DrawView> handle(FindDrawQuery query) {
        List<StockMovementView> movements = jdbc.query(
                "select * from stock_movement where " + LOT_KEY + " and draw_id = ? order by ledger_position",
                this::toMovement,
                lotKey(query.lot(), query.drawId()));
        return jdbc
                .query(
                        "select * from stock_draw where " + LOT_KEY + " and draw_id = ?",
                        (rs, row) -> new DrawView(
                                rs.getString("draw_id"),
                                rs.getString("client_id"),
                                rs.getString("drawn_by"),
                                rs.getTimestamp("drawn_at").toInstant(),
                                rs.getString("status"),
                                Decimals.plain(rs.getBigDecimal("drawn")),
                                Decimals.plain(rs.getBigDecimal("administered")),
                                Decimals.plain(rs.getBigDecimal("wasted")),
                                movements),
                        lotKey(query.lot(), query.drawId()))
                .stream()
                .findFirst();
    }

    /**
     * The practice's stock now: every lot (those at zero only when asked), with its open draws, its
     * last count and that count's discrepancy, and the totals per substance of what the lots hold.
     */
    @QueryHandler
    public InventoryView handle(FindInventoryQuery query) {
        StringBuilder sql = new StringBuilder("""
                select l.*, p.name as product_name,
                       coalesce(d.open_draws, 0) as open_draws, coalesce(d.outstanding, 0) as outstanding,
                       (select count(*) from stock_discrepancy x where x.practice_id = l.practice_id
                          and x.location_id = l.location_id and x.ndc = l.ndc and x.lot_number = l.lot_number
                          and x.status = 'OPEN') as open_discrepancies,
                       c.status as count_discrepancy_status, c.difference as count_difference
                from stock_lot l
                left join product_catalogue p on p.practice_id = l.practice_id and p.ndc = l.ndc
                left join lateral (select count(*) as open_draws, sum(drawn - administered - wasted) as outstanding
                                   from stock_draw o
                                   where o.practice_id = l.practice_id and o.location_id = l.location_id
                                     and o.ndc = l.ndc and o.lot_number = l.lot_number and o.status = 'OPEN') d on true
                left join stock_discrepancy c on c.practice_id = l.practice_id and c.location_id = l.location_id
                      and c.ndc = l.ndc and c.lot_number = l.lot_number and c.discrepancy_id = l.last_count_id
                where l.practice_id = ?
                """);
        List<Object> args = new ArrayList<>(List.of(query.practiceId().value()));
        if (query.locationId() != null) {
            sql.append(" and l.location_id = ?");
            args.add(query.locationId());
        }
        if (query.ndc() != null) {
            sql.append(" and l.ndc = ?");
            args.add(query.ndc());
        }
        if (query.substance() != null) {
            sql.append(" and l.substance = ?");
            args.add(query.substance().name());
        }
        if (!query.includeEmpty()) {
            sql.append(" and (l.on_hand <> 0 or d.open_draws > 0)");
        }
        sql.append(" order by l.location_id, l.ndc, l.expires_on, l.lot_number");
        List<InventoryLineView> lines = jdbc.query(sql.toString(), StockLotProjection::toInventoryLine, args.toArray());
        Map<Substance, BigDecimal[]> sums = new EnumMap<>(Substance.class);
        for (InventoryLineView line : lines) {
            BigDecimal[] sum =
                    sums.computeIfAbsent(line.substance(), s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(line.onHandMilligrams());
            sum[1] = sum[1].add(line.openDrawnMilligrams());
        }
        List<SubstanceTotalView> totals = sums.entrySet().stream()
                .map(entry -> new SubstanceTotalView(
                        entry.getKey(), Decimals.plain(entry.getValue()[0]), Decimals.plain(entry.getValue()[1]), (int)
                                lines.stream()
                                        .filter(line -> line.substance() == entry.getKey())
                                        .count()))
                .toList();
        return new InventoryView(query.practiceId().value(), lines, totals);
    }

    private void createLot(StockLotRef lot, Substance substance, Strength strength, LocalDate expiresOn) {
        jdbc.update(
                """
                insert into stock_lot (practice_id, location_id, ndc, lot_number, substance, unit, milligrams_per_unit,
                                       expires_on, on_hand, last_position)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)
                on conflict do nothing
                """, lotKey(lot, substance.name(), strength.unit().name(), strength.milligramsPerUnit(), expiresOn));
    }

    /** Moves the lot to this event's position; false when the event was applied before (a replay). */
    private boolean advance(StockLotRef lot, long position, Quantity balanceAfter) {
        return jdbc.update(
                        "update stock_lot set on_hand = coalesce(?, on_hand), last_position = ? where " + LOT_KEY
                                + " and last_position < ?",
                        balanceAfter == null ? null : balanceAfter.amount(),
                        position,
                        lot.practiceId().value(),
                        lot.locationId(),
                        lot.ndc(),
                        lot.lotNumber(),
                        position)
                == 1;
    }

    private void changeDraw(StockLotRef lot, String drawId, String column, BigDecimal change, String status) {
        jdbc.update(
                "update stock_draw set " + column + " = " + column + " + ?, status = coalesce(?, status) where "
                        + LOT_KEY + " and draw_id = ?",
                change,
                status,
                lot.practiceId().value(),
                lot.locationId(),
                lot.ndc(),
                lot.lotNumber(),
                drawId);
    }

    private void correctDraw(EntryCorrectedEvent event, BigDecimal change) {
        String column = switch (event.correctedMovement()) {
            case DRAWN -> "drawn";
            case ADMINISTERED -> "administered";
            case WASTED -> "wasted";
            default -> null;
        };
        if (column == null) {
            return;
        }
        changeDraw(event.lot(), event.drawId(), column, change, null);
        // status follows the amounts: nothing drawn is void, nothing left is accounted for, else open
        jdbc.update("""
                update stock_draw set status = case when drawn = 0 then 'VOIDED'
                                                    when drawn = administered + wasted then 'ACCOUNTED_FOR'
                                                    else 'OPEN' end
                where practice_id = ? and location_id = ? and ndc = ? and lot_number = ? and draw_id = ?
                """, lotKey(event.lot(), event.drawId()));
    }

    /**
     * The movement's row, held back and sent with the batch's other movements as one JDBC batch when the
     * processor allows it ({@link BatchedInserts}): no handler here reads {@code stock_movement}.
     */
    private void movement(EventMessage<?> message, long position, MovementRow row, LedgerEvent event)
            throws JsonProcessingException {
        BatchedInserts.insert(
                jdbc,
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, balance_after, draw_id,
                                            client_id, actor, witness, late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (ledger_position) do nothing
                """,
                position,
                message.getIdentifier(),
                row.lot.practiceId().value(),
                row.lot.locationId(),
                row.lot.ndc(),
                row.lot.lotNumber(),
                row.movement,
                row.quantity == null ? null : row.quantity.amount(),
                row.milligrams,
                row.balanceChange == null ? BigDecimal.ZERO : row.balanceChange.amount(),
                row.balanceAfter == null ? null : row.balanceAfter.amount(),
                row.drawId,
                row.clientId,
                row.actor,
                row.witness,
                row.lateEntry != null,
                Timestamp.from(event.occurredAt()),
                Timestamp.from(EventRecordedTime.of(message)),
                json.writeValueAsString(event));
    }

    private static Object[] lotKey(StockLotRef lot, Object... more) {
        Object[] values = new Object[4 + more.length];
        values[0] = lot.practiceId().value();
        values[1] = lot.locationId();
        values[2] = lot.ndc();
        values[3] = lot.lotNumber();
        System.arraycopy(more, 0, values, 4, more.length);
        return values;
    }

    private static InventoryLineView toInventoryLine(ResultSet rs, int row) throws SQLException {
        BigDecimal onHand = rs.getBigDecimal("on_hand");
        BigDecimal mgPerUnit = rs.getBigDecimal("milligrams_per_unit");
        BigDecimal outstanding = rs.getBigDecimal("outstanding");
        Timestamp countedAt = rs.getTimestamp("last_counted_at");
        String discrepancy = rs.getString("count_discrepancy_status");
        LastCountView lastCount = countedAt == null
                ? null
                : new LastCountView(
                        rs.getString("last_count_id"),
                        Decimals.plain(rs.getBigDecimal("last_counted")),
                        countedAt.toInstant(),
                        discrepancy == null ? "NONE" : discrepancy,
                        Decimals.plain(rs.getBigDecimal("count_difference")));
        return new InventoryLineView(
                rs.getString("location_id"),
                rs.getString("ndc"),
                rs.getString("product_name"),
                rs.getString("lot_number"),
                Substance.valueOf(rs.getString("substance")),
                StockUnit.valueOf(rs.getString("unit")),
                Decimals.plain(mgPerUnit),
                rs.getObject("expires_on", LocalDate.class),
                Decimals.plain(onHand),
                Decimals.plain(onHand.multiply(mgPerUnit)),
                rs.getInt("open_draws"),
                Decimals.plain(outstanding),
                Decimals.plain(outstanding.multiply(mgPerUnit)),
                rs.getInt("open_discrepancies"),
                lastCount,
                rs.getLong("last_position"));
    }

    private static StockLotView toLot(ResultSet rs, int row) throws SQLException {
        BigDecimal onHand = rs.getBigDecimal("on_hand");
        BigDecimal mgPerUnit = rs.getBigDecimal("milligrams_per_unit");
        Timestamp countedAt = rs.getTimestamp("last_counted_at");
        return new StockLotView(
                rs.getString("location_id"),
                rs.getString("ndc"),
                rs.getString("lot_number"),
                Substance.valueOf(rs.getString("substance")),
                StockUnit.valueOf(rs.getString("unit")),
                Decimals.plain(mgPerUnit),
                rs.getObject("expires_on", LocalDate.class),
                Decimals.plain(onHand),
                Decimals.plain(onHand.multiply(mgPerUnit)),
                rs.getInt("open_draws"),
                rs.getInt("open_discrepancies"),
                Decimals.plain(rs.getBigDecimal("last_counted")),
                countedAt == null ? null : countedAt.toInstant(),
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
