package org.doseledger.projections.accountability;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.projections.support.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accountability at any date, bitemporally, from the movements of the {@code stock-lots} read model:
 * an entry counts when it occurred by {@code asOf} and was recorded by {@code knownAt}. A correction
 * counts from when it was recorded, and takes effect at the time of the entry it corrects, so "as we
 * know it now" applies it to the past while "what the ledger showed then" does not.
 */
public class AccountabilityAudit {

    private final JdbcTemplate jdbc;

    public AccountabilityAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AccountabilityView handle(FindAccountabilityQuery query) {
        StringBuilder sql = new StringBuilder("""
                select m.*, l.substance, l.unit, l.milligrams_per_unit,
                       coalesce(c.occurred_at, m.occurred_at) as effective_at,
                       m.details ->> 'correctedMovement' as corrected_movement,
                       m.details ->> 'correctedEventId' as corrected_event_id,
                       m.details -> 'originalQuantity' ->> 'amount' as original_quantity,
                       m.details ->> 'kind' as count_kind,
                       m.details ->> 'countId' as count_id
                from stock_movement m
                join stock_lot l on l.practice_id = m.practice_id and l.location_id = m.location_id
                                and l.ndc = m.ndc and l.lot_number = m.lot_number
                left join stock_movement c on m.movement = 'CORRECTED'
                                          and c.event_id = m.details ->> 'correctedEventId'
                where m.practice_id = ? and m.recorded_at <= ? and coalesce(c.occurred_at, m.occurred_at) <= ?
                """);
        List<Object> args = new ArrayList<>(
                List.of(query.practiceId().value(), Timestamp.from(query.knownAt()), Timestamp.from(query.asOf())));
        if (query.locationId() != null) {
            sql.append(" and m.location_id = ?");
            args.add(query.locationId());
        }
        if (query.ndc() != null) {
            sql.append(" and m.ndc = ?");
            args.add(query.ndc());
        }
        if (query.substance() != null) {
            sql.append(" and l.substance = ?");
            args.add(query.substance().name());
        }
        sql.append(" order by m.location_id, m.ndc, m.lot_number, effective_at, m.ledger_position");

        List<LotAccountabilityView> lots = new ArrayList<>();
        List<Entry> lotEntries = new ArrayList<>();
        jdbc.query(
                sql.toString(),
                rs -> {
                    Entry entry = Entry.of(rs);
                    if (!lotEntries.isEmpty() && !lotEntries.get(0).sameLot(entry)) {
                        lots.add(account(lotEntries, query));
                        lotEntries.clear();
                    }
                    lotEntries.add(entry);
                },
                args.toArray());
        if (!lotEntries.isEmpty()) {
            lots.add(account(lotEntries, query));
        }
        return new AccountabilityView(query.practiceId().value(), query.asOf(), query.knownAt(), query.from(), lots);
    }

    private static LotAccountabilityView account(List<Entry> entries, FindAccountabilityQuery query) {
        int start = 0;
        OpeningView opening = new OpeningView(BigDecimal.ZERO, null, null, null);
        if (query.from() != null) {
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                if (entry.effectiveAt().isAfter(query.from())) {
                    break;
                }
                if (entry.movement().equals("COUNTED")) {
                    opening = new OpeningView(
                            Decimals.plain(entry.quantity()), entry.countId(), entry.countKind(), entry.occurredAt());
                    start = i + 1;
                }
            }
        }
        Map<Movement, BigDecimal> moved = new EnumMap<>(Movement.class);
        BigDecimal balance = opening.quantity();
        ClosingCountView closing = null;
        List<AccountabilityMovementView> movements = new ArrayList<>();
        for (Entry entry : entries.subList(start, entries.size())) {
            if (entry.movement().equals("COUNTED")) {
                closing = new ClosingCountView(
                        entry.countId(),
                        entry.countKind(),
                        entry.occurredAt(),
                        Decimals.plain(entry.quantity()),
                        Decimals.plain(balance),
                        Decimals.plain(entry.quantity().subtract(balance)));
            }
            balance = balance.add(entry.balanceChange());
            entry.addTo(moved);
            if (query.withMovements()) {
                movements.add(entry.view());
            }
        }
        Entry first = entries.get(0);
        return new LotAccountabilityView(
                first.locationId(),
                first.ndc(),
                first.lotNumber(),
                first.substance(),
                first.unit(),
                Decimals.plain(first.milligramsPerUnit()),
                opening,
                new MovementTotalsView(
                        total(moved, Movement.RECEIVED),
                        total(moved, Movement.TRANSFERRED_IN),
                        total(moved, Movement.DRAWN),
                        total(moved, Movement.ADMINISTERED),
                        total(moved, Movement.WASTED),
                        total(moved, Movement.DISPENSED),
                        total(moved, Movement.TRANSFERRED_OUT),
                        total(moved, Movement.RETURNED),
                        total(moved, Movement.DESTROYED),
                        total(moved, Movement.LOST),
                        total(moved, Movement.ADJUSTED)),
                Decimals.plain(balance),
                Decimals.plain(balance.multiply(first.milligramsPerUnit())),
                closing,
                query.withMovements() ? movements : null);
    }

    private static BigDecimal total(Map<Movement, BigDecimal> moved, Movement movement) {
        return Decimals.plain(moved.getOrDefault(movement, BigDecimal.ZERO));
    }

    /** One movement row, with what the accounting needs. */
    private record Entry(
            String locationId,
            String ndc,
            String lotNumber,
            Substance substance,
            StockUnit unit,
            BigDecimal milligramsPerUnit,
            long position,
            String eventId,
            String movement,
            String correctedMovement,
            String correctedEventId,
            BigDecimal quantity,
            BigDecimal originalQuantity,
            BigDecimal balanceChange,
            String drawId,
            String clientId,
            String actor,
            String witness,
            boolean lateEntry,
            String countId,
            String countKind,
            Instant occurredAt,
            Instant effectiveAt,
            Instant recordedAt) {

        static Entry of(ResultSet rs) throws SQLException {
            String original = rs.getString("original_quantity");
            return new Entry(
                    rs.getString("location_id"),
                    rs.getString("ndc"),
                    rs.getString("lot_number"),
                    Substance.valueOf(rs.getString("substance")),
                    StockUnit.valueOf(rs.getString("unit")),
                    rs.getBigDecimal("milligrams_per_unit"),
                    rs.getLong("ledger_position"),
                    rs.getString("event_id"),
                    rs.getString("movement"),
                    rs.getString("corrected_movement"),
                    rs.getString("corrected_event_id"),
                    rs.getBigDecimal("quantity"),
                    original == null ? null : new BigDecimal(original),
                    rs.getBigDecimal("balance_change"),
                    rs.getString("draw_id"),
                    rs.getString("client_id"),
                    rs.getString("actor"),
                    rs.getString("witness"),
                    rs.getBoolean("late_entry"),
                    rs.getString("count_id"),
                    rs.getString("count_kind"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getTimestamp("effective_at").toInstant(),
                    rs.getTimestamp("recorded_at").toInstant());
        }

        boolean sameLot(Entry other) {
            return locationId.equals(other.locationId) && ndc.equals(other.ndc) && lotNumber.equals(other.lotNumber);
        }

        /** Adds this entry to the totals: a movement its quantity, a correction the change it made. */
        void addTo(Map<Movement, BigDecimal> moved) {
            if (movement.equals("DISCREPANCY_RESOLVED")) {
                moved.merge(Movement.ADJUSTED, balanceChange, BigDecimal::add);
            } else if (movement.equals("CORRECTED")) {
                Movement corrected = Movement.valueOf(correctedMovement);
                BigDecimal change = corrected == Movement.ADJUSTED
                        ? balanceChange
                        : (quantity == null ? BigDecimal.ZERO : quantity).subtract(originalQuantity);
                moved.merge(corrected, change, BigDecimal::add);
            } else if (isMovement(movement) && quantity != null) {
                moved.merge(Movement.valueOf(movement), quantity, BigDecimal::add);
            }
        }

        private static boolean isMovement(String name) {
            for (Movement candidate : Movement.values()) {
                if (candidate.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        AccountabilityMovementView view() {
            return new AccountabilityMovementView(
                    position,
                    eventId,
                    movement,
                    correctedMovement,
                    correctedEventId,
                    Decimals.plain(quantity),
                    Decimals.plain(balanceChange),
                    drawId,
                    clientId,
                    actor,
                    witness,
                    lateEntry,
                    occurredAt,
                    effectiveAt,
                    recordedAt);
        }
    }
}
