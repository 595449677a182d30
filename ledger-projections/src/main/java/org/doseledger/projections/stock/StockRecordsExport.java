package org.doseledger.projections.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.doseledger.core.shared.PracticeId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stock movements that regulator exports list, read straight from the {@code stock_movement} read
 * model as of a ledger position: only movements of events at or before {@code upTo} count, so an export
 * is exactly the ledger's state at that position however far the read model has moved on. Rows are
 * streamed through a database cursor (run it inside a transaction: PostgreSQL's driver fetches
 * {@value #FETCH_SIZE} rows at a time only then), so memory does not grow with the period.
 */
public class StockRecordsExport {

    static final int FETCH_SIZE = 1000;

    private static final String DOSES = """
            from stock_movement m
            left join stock_movement o on o.event_id = m.details ->> 'correctedEventId'
            left join location_registry l on l.practice_id = m.practice_id and l.location_id = m.location_id
            left join product_catalogue p on p.practice_id = m.practice_id and p.ndc = m.ndc
            left join practitioner_registry pr on pr.practice_id = m.practice_id and pr.practitioner_id = m.actor
            left join practitioner_registry pb on pb.practice_id = m.practice_id
                                              and pb.practitioner_id = coalesce(m.details, o.details) ->> 'prescribedBy'
            left join practitioner_registry cs on cs.practice_id = m.practice_id
                                              and cs.practitioner_id = m.details -> 'lateEntry' ->> 'cosignedBy'
            left join stock_lot s on s.practice_id = m.practice_id and s.location_id = m.location_id
                                 and s.ndc = m.ndc and s.lot_number = m.lot_number
            where m.practice_id = ? and m.ledger_position <= ? and m.occurred_at >= ? and m.occurred_at < ?
              and (m.movement in ('ADMINISTERED', 'DISPENSED')
                   or (m.movement = 'CORRECTED' and m.details ->> 'correctedMovement' in ('ADMINISTERED', 'DISPENSED')))
            """;
    private static final String RECEIPTS = """
            from stock_movement m
            left join location_registry l on l.practice_id = m.practice_id and l.location_id = m.location_id
            left join product_catalogue p on p.practice_id = m.practice_id and p.ndc = m.ndc
            left join practitioner_registry rb on rb.practice_id = m.practice_id and rb.practitioner_id = m.actor
            left join practitioner_registry cs on cs.practice_id = m.practice_id
                                              and cs.practitioner_id = m.details -> 'lateEntry' ->> 'cosignedBy'
            where m.practice_id = ? and m.ledger_position <= ? and m.occurred_at >= ? and m.occurred_at < ?
              and m.movement = 'RECEIVED'
            """;

    private final JdbcTemplate jdbc;

    public StockRecordsExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** What an export of a practice's movements is filtered by. */
    public record Filter(PracticeId practiceId, Instant from, Instant to, String locationId, long upTo) {}

    public long countDoses(Filter filter) {
        return count(DOSES, filter);
    }

    public long countReceipts(Filter filter) {
        return count(RECEIPTS, filter);
    }

    /** Every dose and correction of one, in the order they occurred. */
    public void doses(Filter filter, Consumer<DoseRecordRow> rows) {
        String sql = """
                select m.ledger_position, m.event_id, m.movement, m.occurred_at, m.recorded_at, p.substance,
                       p.finished_form, p.name as product_name, m.ndc, m.lot_number,
                       case when m.movement = 'CORRECTED' then (m.details -> 'correctedQuantity' ->> 'amount')::numeric
                            else m.quantity end as quantity,
                       coalesce(m.details -> 'quantity' ->> 'unit', m.details -> 'originalQuantity' ->> 'unit') as unit,
                       case when m.movement = 'CORRECTED'
                            then coalesce((m.details -> 'correctedQuantity' ->> 'amount')::numeric, 0)
                                 * coalesce(s.milligrams_per_unit, p.milligrams_per_unit)
                            else m.milligrams end as milligrams,
                       o.movement as corrected_movement, o.occurred_at as corrected_occurred_at,
                       o.quantity as corrected_original_quantity, o.milligrams as corrected_original_milligrams,
                       coalesce(m.details ->> 'route', o.details ->> 'route') as route,
                       coalesce(m.client_id, o.client_id) as client_id, m.actor, pr.name as actor_name,
                       coalesce(m.details, o.details) ->> 'prescribedBy' as prescribed_by, pb.name as prescriber_name,
                       m.details -> 'lateEntry' ->> 'reason' as late_entry_reason,
                       coalesce(cs.name, m.details -> 'lateEntry' ->> 'cosignedBy') as late_entry_cosigned_by,
                       m.location_id, l.name as location_name,
                       coalesce(m.details ->> 'sessionId', o.details ->> 'sessionId') as session_id,
                       coalesce(m.draw_id, m.details ->> 'drawId', m.details ->> 'dispensationId') as entry_id, m.late_entry,
                       m.details ->> 'correctedEventId' as corrects_event_id, m.details ->> 'reason' as reason,
                       (m.details -> 'sealedReason')::text as sealed_reason,
                       (m.details -> 'lateEntry' -> 'sealedReason')::text as late_entry_sealed_reason
                """ + DOSES + location(filter) + " order by m.occurred_at, m.ledger_position";
        jdbc.query(
                sql,
                rs -> {
                    rows.accept(dose(rs));
                },
                parameters(filter));
    }

    /** Every receipt, in the order received. */
    public void receipts(Filter filter, Consumer<ReceiptRecordRow> rows) {
        String sql = """
                select m.ledger_position, m.event_id, m.details ->> 'receiptId' as receipt_id, m.occurred_at,
                       m.recorded_at, m.details -> 'supplier' as supplier, m.details ->> 'invoiceNumber' as invoice,
                       m.ndc, p.name as product_name, p.substance, p.finished_form,
                       (m.details ->> 'containers')::int as containers,
                       (m.details -> 'containerSize' ->> 'amount')::numeric as container_size,
                       m.details -> 'quantity' ->> 'unit' as unit, m.quantity, m.milligrams, m.lot_number,
                       (m.details ->> 'expiresOn')::date as expires_on, m.location_id, l.name as location_name,
                       m.actor, m.late_entry, rb.name as received_by_name,
                       m.details -> 'lateEntry' ->> 'reason' as late_entry_reason,
                       coalesce(cs.name, m.details -> 'lateEntry' ->> 'cosignedBy') as late_entry_cosigned_by
                """ + RECEIPTS + location(filter) + " order by m.occurred_at, m.ledger_position";
        jdbc.query(
                sql,
                rs -> {
                    rows.accept(receipt(rs));
                },
                parameters(filter));
    }

    private long count(String from, Filter filter) {
        Long count = jdbc.queryForObject("select count(*) " + from + location(filter), Long.class, parameters(filter));
        return count == null ? 0 : count;
    }

    private static String location(Filter filter) {
        return filter.locationId() == null ? "" : " and m.location_id = ?";
    }

    private static Object[] parameters(Filter filter) {
        List<Object> values = new ArrayList<>(List.of(
                filter.practiceId().value(),
                filter.upTo(),
                Timestamp.from(filter.from()),
                Timestamp.from(filter.to())));
        if (filter.locationId() != null) {
            values.add(filter.locationId());
        }
        return values.toArray();
    }

    private static DoseRecordRow dose(ResultSet rs) throws SQLException {
        String movement = rs.getString("movement");
        return new DoseRecordRow(
                rs.getLong("ledger_position"),
                rs.getString("event_id"),
                movement.equals("CORRECTED") ? "CORRECTION" : movement,
                instant(rs, "occurred_at"),
                instant(rs, "recorded_at"),
                rs.getString("substance"),
                rs.getString("finished_form"),
                rs.getString("product_name"),
                rs.getString("ndc"),
                rs.getString("lot_number"),
                rs.getBigDecimal("quantity"),
                rs.getString("unit"),
                rs.getBigDecimal("milligrams"),
                rs.getString("route"),
                rs.getString("client_id"),
                rs.getString("actor"),
                rs.getString("actor_name"),
                rs.getString("prescribed_by"),
                rs.getString("location_id"),
                rs.getString("location_name"),
                rs.getString("session_id"),
                rs.getString("entry_id"),
                rs.getBoolean("late_entry"),
                rs.getString("corrects_event_id"),
                rs.getString("reason"),
                rs.getString("prescriber_name"),
                rs.getString("late_entry_reason"),
                rs.getString("late_entry_cosigned_by"),
                rs.getString("corrected_movement"),
                instant(rs, "corrected_occurred_at"),
                rs.getBigDecimal("corrected_original_quantity"),
                rs.getBigDecimal("corrected_original_milligrams"),
                rs.getString("sealed_reason"),
                rs.getString("late_entry_sealed_reason"));
    }

    private static ReceiptRecordRow receipt(ResultSet rs) throws SQLException {
        SupplierText supplier = SupplierText.of(rs.getString("supplier"));
        java.sql.Date expires = rs.getDate("expires_on");
        return new ReceiptRecordRow(
                rs.getLong("ledger_position"),
                rs.getString("event_id"),
                rs.getString("receipt_id"),
                instant(rs, "occurred_at"),
                instant(rs, "recorded_at"),
                supplier.name(),
                supplier.address(),
                supplier.deaNumber(),
                rs.getString("invoice"),
                rs.getString("ndc"),
                rs.getString("product_name"),
                rs.getString("substance"),
                rs.getString("finished_form"),
                rs.getInt("containers"),
                rs.getBigDecimal("container_size"),
                rs.getString("unit"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("milligrams"),
                rs.getString("lot_number"),
                expires == null ? null : expires.toLocalDate(),
                rs.getString("location_id"),
                rs.getString("location_name"),
                rs.getString("actor"),
                rs.getBoolean("late_entry"),
                rs.getString("received_by_name"),
                rs.getString("late_entry_reason"),
                rs.getString("late_entry_cosigned_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    /** The supplier of a receipt, its address on one line. */
    private record SupplierText(String name, String address, String deaNumber) {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        static SupplierText of(String json) throws SQLException {
            if (json == null) {
                return new SupplierText(null, null, null);
            }
            try {
                com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(json);
                return new SupplierText(
                        text(node.path("name")), AddressText.of(node.path("address")), text(node.path("deaNumber")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("unreadable supplier in a receipt", e);
            }
        }

        private static String text(com.fasterxml.jackson.databind.JsonNode node) {
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }
}
