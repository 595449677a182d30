package org.doseledger.projections.stock;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.projections.support.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records behind the regulator worksheets (inventory sheet, DEA Form 41, DEA Form 106), read from the
 * {@code stock_movement} read model as of a ledger position, whose {@code details} hold each event as
 * recorded. Like {@link StockRecordsExport}, rows stream through a database cursor of {@value #FETCH_SIZE}
 * rows when run inside a transaction.
 *
 * <p>Which records a worksheet holds: with a record id, that record (a destruction or loss id; for an
 * inventory, see {@link #inventory}) whatever the period; without one, every record that occurred in the
 * period. A location narrows either.
 */
public class StockFormsExport {

    static final int FETCH_SIZE = 1000;

    private static final String LOT_JOINS = """
            left join stock_lot s on s.practice_id = m.practice_id and s.location_id = m.location_id
                                 and s.ndc = m.ndc and s.lot_number = m.lot_number
            left join product_catalogue p on p.practice_id = m.practice_id and p.ndc = m.ndc
            left join location_registry l on l.practice_id = m.practice_id and l.location_id = m.location_id
            """;
    /** The correction of an entry, if one was recorded by the export's position (there is at most one). */
    private static final String CORRECTION = """
            left join stock_movement c on c.practice_id = m.practice_id and c.location_id = m.location_id
                                      and c.ndc = m.ndc and c.lot_number = m.lot_number and c.movement = 'CORRECTED'
                                      and c.ledger_position <= ? and c.details ->> 'correctedEventId' = m.event_id
            """;

    private static final String CORRECTION_COLUMNS = """
            , (c.details -> 'correctedQuantity' ->> 'amount')::numeric as corrected_quantity,
              c.details ->> 'reason' as correction_reason
            """;

    /** A late entry's reason and co-signer (by name when registered), for the forms that show them. */
    private static final String LATE_ENTRY_COLUMNS = """
            , m.details -> 'lateEntry' ->> 'reason' as late_entry_reason,
              coalesce(le.name, m.details -> 'lateEntry' ->> 'cosignedBy') as late_entry_cosigned_by
            """;

    private static final String LATE_ENTRY_JOIN = """
             left join practitioner_registry le on le.practice_id = m.practice_id
                                               and le.practitioner_id = m.details -> 'lateEntry' ->> 'cosignedBy'
            """;

    private final JdbcTemplate jdbc;

    public StockFormsExport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /**
     * What a worksheet is filtered by.
     *
     * @param recordId the record the worksheet is about, or null for the whole period
     * @param zone the practice's zone: an inventory's day is its date there
     */
    public record Filter(
            PracticeId practiceId,
            Instant from,
            Instant to,
            String locationId,
            String recordId,
            ZoneId zone,
            long upTo) {}

    /** One inventory taking: its kind, opening or close of business, and the day it was taken. */
    public record Taking(String kind, String timing, LocalDate day) {}

    /** A lot that held stock at the moment of an inventory, by location, NDC and lot, and how much. */
    public record LotOnHand(
            String locationId, String locationName, String ndc, String lotNumber, BigDecimal quantity, String unit) {}

    /** When the inventory's last count was taken: the moment it states the stock on hand; null when no count matches. */
    public Instant takenAt(Filter filter) {
        Sql sql = inventory(filter);
        Timestamp at = jdbc.queryForObject(
                "select max(m.occurred_at) from stock_movement m" + sql.where(),
                Timestamp.class,
                sql.parameters().toArray());
        return at == null ? null : at.toInstant();
    }

    /**
     * The lots that held stock at {@code at} (their movements at or before it and at or before the filter's
     * ledger position add up to more than zero), in the filter's location if it names one, that the
     * inventory did not count: a complete inventory (21 CFR 1304.11) has a line for each of them.
     */
    public List<LotOnHand> uncounted(Filter filter, Instant at) {
        Sql counted = inventory(filter);
        List<String> countedLots = jdbc.queryForList(
                "select distinct m.location_id || '|' || m.ndc || '|' || m.lot_number from stock_movement m"
                        + counted.where(),
                String.class,
                counted.parameters().toArray());
        List<Object> parameters =
                new ArrayList<>(List.of(filter.practiceId().value(), filter.upTo(), Timestamp.from(at)));
        String location = "";
        if (filter.locationId() != null) {
            location = " and b.location_id = ?";
            parameters.add(filter.locationId());
        }
        List<LotOnHand> onHand = jdbc.query(
                """
                select b.location_id, l.name as location_name, b.ndc, b.lot_number, b.on_hand, p.unit
                from (select practice_id, location_id, ndc, lot_number, sum(balance_change) as on_hand
                      from stock_movement where practice_id = ? and ledger_position <= ? and occurred_at <= ?
                      group by practice_id, location_id, ndc, lot_number) b
                left join location_registry l on l.practice_id = b.practice_id and l.location_id = b.location_id
                left join product_catalogue p on p.practice_id = b.practice_id and p.ndc = b.ndc
                where b.on_hand > 0""" + location + " order by b.location_id, b.ndc, b.lot_number",
                (rs, row) -> new LotOnHand(
                        rs.getString("location_id"),
                        rs.getString("location_name"),
                        rs.getString("ndc"),
                        rs.getString("lot_number"),
                        Decimals.plain(rs.getBigDecimal("on_hand")),
                        rs.getString("unit")),
                parameters.toArray());
        return onHand.stream()
                .filter(lot -> !countedLots.contains(lot.locationId() + "|" + lot.ndc() + "|" + lot.lotNumber()))
                .toList();
    }

    private record Sql(String where, List<Object> parameters) {}

    /**
     * Selects the counts of an inventory. A practice-wide inventory is one count per lot, each with its own
     * id, so the record id is either the id of any one count of it (the sheet then holds every count of the
     * same kind and timing taken the same day in the practice's zone) or a count kind such as {@code
     * BIENNIAL} (every count of that kind in the period).
     */
    private static Sql inventory(Filter filter) {
        List<Object> parameters = new ArrayList<>(List.of(filter.practiceId().value(), filter.upTo()));
        StringBuilder where =
                new StringBuilder(" where m.practice_id = ? and m.ledger_position <= ? and m.movement = 'COUNTED'");
        if (isKind(filter.recordId())) {
            where.append(" and m.details ->> 'kind' = ? and m.occurred_at >= ? and m.occurred_at < ?");
            parameters.addAll(List.of(filter.recordId(), Timestamp.from(filter.from()), Timestamp.from(filter.to())));
        } else {
            where.append("""
                     and (m.details ->> 'kind', m.details ->> 'timing', (m.occurred_at at time zone ?)::date) in (
                        select a.details ->> 'kind', a.details ->> 'timing', (a.occurred_at at time zone ?)::date
                        from stock_movement a
                        where a.practice_id = m.practice_id and a.movement = 'COUNTED' and a.ledger_position <= ?
                          and a.details ->> 'countId' = ?)
                    """);
            parameters.addAll(List.of(
                    filter.zone().getId(), filter.zone().getId(), filter.upTo(), String.valueOf(filter.recordId())));
        }
        return location(filter, where, parameters);
    }

    private static boolean isKind(String recordId) {
        return Arrays.stream(CountKind.values()).anyMatch(kind -> kind.name().equals(recordId));
    }

    /** A destruction or loss: the one named by its id, else every one that occurred in the period. */
    private static Sql disposal(Filter filter, String movement, String idField) {
        List<Object> parameters = new ArrayList<>(List.of(filter.practiceId().value(), filter.upTo()));
        StringBuilder where = new StringBuilder(
                " where m.practice_id = ? and m.ledger_position <= ? and m.movement = '" + movement + "'");
        if (filter.recordId() != null) {
            where.append(" and m.details ->> '" + idField + "' = ?");
            parameters.add(filter.recordId());
        } else {
            where.append(" and m.occurred_at >= ? and m.occurred_at < ?");
            parameters.addAll(List.of(Timestamp.from(filter.from()), Timestamp.from(filter.to())));
        }
        return location(filter, where, parameters);
    }

    private static Sql location(Filter filter, StringBuilder where, List<Object> parameters) {
        if (filter.locationId() != null) {
            where.append(" and m.location_id = ?");
            parameters.add(filter.locationId());
        }
        return new Sql(where.toString(), parameters);
    }

    public long countInventory(Filter filter) {
        return count(inventory(filter));
    }

    public long countDestructions(Filter filter) {
        return count(disposal(filter, "DESTROYED", "destructionId"));
    }

    public long countLosses(Filter filter) {
        return count(disposal(filter, "LOST", "lossId"));
    }

    /** The takings an inventory sheet covers, in order: usually one. */
    public List<Taking> takings(Filter filter) {
        Sql sql = inventory(filter);
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.zone().getId());
        parameters.addAll(sql.parameters());
        return jdbc.query(
                "select distinct m.details ->> 'kind' as kind, m.details ->> 'timing' as timing,"
                        + " (m.occurred_at at time zone ?)::date as day from stock_movement m" + sql.where()
                        + " order by day, kind, timing",
                (rs, row) -> new Taking(
                        rs.getString("kind"),
                        rs.getString("timing"),
                        rs.getDate("day").toLocalDate()),
                parameters.toArray());
    }

    /** Every count of the inventory, by location, product and lot. */
    public void inventory(Filter filter, Consumer<InventoryCountRow> rows) {
        Sql sql = inventory(filter);
        String select =
                """
                select m.ledger_position, m.event_id, m.details ->> 'countId' as count_id, m.details ->> 'kind' as kind,
                       m.details ->> 'timing' as timing, m.occurred_at, coalesce(s.substance, p.substance) as substance,
                       p.finished_form, m.ndc, m.lot_number, s.expires_on, p.container_size,
                       m.details -> 'counted' ->> 'unit' as unit, m.quantity,
                       coalesce(s.milligrams_per_unit, p.milligrams_per_unit) as milligrams_per_unit,
                       (m.details ->> 'exact')::boolean as exact,
                       (m.details -> 'expected' ->> 'amount')::numeric as expected,
                       (m.details -> 'difference' ->> 'amount')::numeric as difference,
                       m.location_id, l.name as location_name, coalesce(cb.name, m.actor) as counted_by,
                       coalesce(wb.name, m.witness) as witnessed_by, m.late_entry
                """ + LATE_ENTRY_COLUMNS + " from stock_movement m " + LOT_JOINS + LATE_ENTRY_JOIN + """
                left join practitioner_registry cb on cb.practice_id = m.practice_id and cb.practitioner_id = m.actor
                left join practitioner_registry wb on wb.practice_id = m.practice_id and wb.practitioner_id = m.witness
                """ + sql.where()
                        + " order by m.location_id, m.ndc, m.lot_number, m.occurred_at, m.ledger_position";
        ZoneId zone = filter.zone();
        jdbc.query(
                select,
                rs -> {
                    rows.accept(count(rs, zone));
                },
                sql.parameters().toArray());
    }

    /** Every destruction, in the order they occurred. */
    public void destructions(Filter filter, Consumer<DestructionRecordRow> rows) {
        Sql sql = disposal(filter, "DESTROYED", "destructionId");
        String select =
                """
                select m.ledger_position, m.event_id, m.details ->> 'destructionId' as destruction_id, m.occurred_at,
                       m.ndc, p.name as product_name, coalesce(s.substance, p.substance) as substance,
                       coalesce(s.milligrams_per_unit, p.milligrams_per_unit) as milligrams_per_unit, p.finished_form,
                       (m.details -> 'containerSize' ->> 'amount')::numeric as package_quantity,
                       m.details -> 'quantity' ->> 'unit' as unit, (m.details ->> 'fullContainers')::int as full_packages,
                       (m.details -> 'partialQuantity' ->> 'amount')::numeric as partial_count, m.quantity, m.milligrams,
                       m.lot_number, m.details ->> 'method' as method, m.details ->> 'place' as place,
                       coalesce(db.name, m.actor) as destroyed_by,
                       coalesce(w1.name, m.details -> 'witnessedBy' ->> 0) as first_witness,
                       coalesce(w2.name, m.details -> 'witnessedBy' ->> 1) as second_witness,
                       m.location_id, l.name as location_name, m.late_entry
                """ + LATE_ENTRY_COLUMNS + CORRECTION_COLUMNS + " from stock_movement m " + LOT_JOINS + CORRECTION
                        + LATE_ENTRY_JOIN + """
                left join practitioner_registry db on db.practice_id = m.practice_id and db.practitioner_id = m.actor
                left join practitioner_registry w1 on w1.practice_id = m.practice_id
                                                  and w1.practitioner_id = m.details -> 'witnessedBy' ->> 0
                left join practitioner_registry w2 on w2.practice_id = m.practice_id
                                                  and w2.practitioner_id = m.details -> 'witnessedBy' ->> 1
                """
                        + sql.where() + " order by m.occurred_at, m.ledger_position";
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.upTo());
        parameters.addAll(sql.parameters());
        jdbc.query(
                select,
                rs -> {
                    rows.accept(destruction(rs));
                },
                parameters.toArray());
    }

    /**
     * Every theft or loss, in the order discovered, each with the number of losses (events, whatever lot)
     * the practice reported in the 24 months before its discovery.
     */
    public void losses(Filter filter, Consumer<LossRecordRow> rows) {
        Sql sql = disposal(filter, "LOST", "lossId");
        String select =
                """
                select m.ledger_position, m.event_id, m.details ->> 'lossId' as loss_id, m.occurred_at,
                       m.details ->> 'lossType' as loss_type, m.ndc, p.finished_form, m.lot_number, m.quantity,
                       m.details -> 'quantity' ->> 'unit' as unit, m.milligrams,
                       m.details -> 'policeReport' ->> 'agency' as police_agency,
                       m.details -> 'policeReport' ->> 'reportNumber' as police_report_number,
                       m.details -> 'policeReport' ->> 'phone' as police_phone,
                       (m.details -> 'details' ->> 'lostOn')::date as lost_on,
                       m.details -> 'details' ->> 'county' as county,
                       (m.details -> 'details' ->> 'estimatedValueUsd')::numeric as estimated_value_usd,
                       m.details -> 'details' -> 'carrier' ->> 'name' as carrier_name,
                       m.details -> 'details' -> 'carrier' ->> 'trackingNumber' as carrier_tracking,
                       m.details -> 'details' -> 'carrier' ->> 'shippedOn' as carrier_shipped_on,
                       m.details ->> 'description' as description, coalesce(rb.name, m.actor) as reported_by,
                       (m.details ->> 'noticeDueOn')::date as notice_due_on,
                       (m.details ->> 'form106DueOn')::date as form_106_due_on,
                       (select count(*) from stock_movement x
                        where x.practice_id = m.practice_id and x.movement = 'LOST' and x.ledger_position <= ?
                          and x.occurred_at >= m.occurred_at - interval '24 months'
                          and x.occurred_at < m.occurred_at) as prior_losses,
                       m.location_id, l.name as location_name, m.late_entry
                """ + LATE_ENTRY_COLUMNS + CORRECTION_COLUMNS + " from stock_movement m " + LOT_JOINS + CORRECTION
                        + LATE_ENTRY_JOIN + """
                left join practitioner_registry rb on rb.practice_id = m.practice_id and rb.practitioner_id = m.actor
                """
                        + sql.where() + " order by m.occurred_at, m.ledger_position";
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.upTo());
        parameters.add(filter.upTo());
        parameters.addAll(sql.parameters());
        jdbc.query(
                select,
                rs -> {
                    rows.accept(loss(rs));
                },
                parameters.toArray());
    }

    private long count(Sql sql) {
        Long count = jdbc.queryForObject(
                "select count(*) from stock_movement m" + sql.where(),
                Long.class,
                sql.parameters().toArray());
        return count == null ? 0 : count;
    }

    private static InventoryCountRow count(ResultSet rs, ZoneId zone) throws SQLException {
        Instant countedAt = instant(rs, "occurred_at");
        LocalDate expiresOn = date(rs, "expires_on");
        BigDecimal quantity = Decimals.plain(rs.getBigDecimal("quantity"));
        BigDecimal containerSize = Decimals.plain(rs.getBigDecimal("container_size"));
        Long full = null;
        BigDecimal partial = null;
        if (quantity != null && containerSize != null && containerSize.signum() > 0) {
            BigDecimal[] split = quantity.divideAndRemainder(containerSize);
            full = split[0].longValueExact();
            partial = Decimals.plain(split[1]);
        }
        BigDecimal mgPerUnit = rs.getBigDecimal("milligrams_per_unit");
        return new InventoryCountRow(
                rs.getLong("ledger_position"),
                rs.getString("event_id"),
                rs.getString("count_id"),
                rs.getString("kind"),
                rs.getString("timing"),
                countedAt,
                rs.getString("substance"),
                rs.getString("finished_form"),
                rs.getString("ndc"),
                rs.getString("lot_number"),
                expiresOn,
                expiresOn != null
                        && quantity != null
                        && quantity.signum() > 0
                        && expiresOn.isBefore(countedAt.atZone(zone).toLocalDate()),
                containerSize,
                rs.getString("unit"),
                full,
                partial,
                quantity,
                quantity == null || mgPerUnit == null ? null : Decimals.plain(quantity.multiply(mgPerUnit)),
                rs.getBoolean("exact"),
                Decimals.plain(rs.getBigDecimal("expected")),
                Decimals.plain(rs.getBigDecimal("difference")),
                rs.getString("location_id"),
                rs.getString("location_name"),
                rs.getString("counted_by"),
                rs.getString("witnessed_by"),
                rs.getBoolean("late_entry"),
                rs.getString("late_entry_reason"),
                rs.getString("late_entry_cosigned_by"));
    }

    private static DestructionRecordRow destruction(ResultSet rs) throws SQLException {
        String unit = rs.getString("unit");
        BigDecimal mgPerUnit = Decimals.plain(rs.getBigDecimal("milligrams_per_unit"));
        return new DestructionRecordRow(
                rs.getLong("ledger_position"),
                rs.getString("event_id"),
                rs.getString("destruction_id"),
                instant(rs, "occurred_at"),
                rs.getString("ndc"),
                rs.getString("product_name"),
                rs.getString("substance"),
                mgPerUnit == null ? null : mgPerUnit.toPlainString() + " mg/" + unitLabel(unit),
                rs.getString("finished_form"),
                Decimals.plain(rs.getBigDecimal("package_quantity")),
                unit,
                rs.getInt("full_packages"),
                Decimals.plain(rs.getBigDecimal("partial_count")),
                Decimals.plain(rs.getBigDecimal("quantity")),
                Decimals.plain(rs.getBigDecimal("milligrams")),
                rs.getString("lot_number"),
                rs.getString("method"),
                rs.getString("place"),
                rs.getString("destroyed_by"),
                rs.getString("first_witness"),
                rs.getString("second_witness"),
                rs.getString("location_id"),
                rs.getString("location_name"),
                rs.getBoolean("late_entry"),
                rs.getString("late_entry_reason"),
                rs.getString("late_entry_cosigned_by"),
                Decimals.plain(rs.getBigDecimal("corrected_quantity")),
                rs.getString("correction_reason"));
    }

    private static LossRecordRow loss(ResultSet rs) throws SQLException {
        return new LossRecordRow(
                rs.getLong("ledger_position"),
                rs.getString("event_id"),
                rs.getString("loss_id"),
                instant(rs, "occurred_at"),
                rs.getString("loss_type"),
                rs.getString("ndc"),
                rs.getString("finished_form"),
                rs.getString("lot_number"),
                Decimals.plain(rs.getBigDecimal("quantity")),
                rs.getString("unit"),
                Decimals.plain(rs.getBigDecimal("milligrams")),
                rs.getString("police_agency"),
                rs.getString("police_report_number"),
                rs.getString("police_phone"),
                date(rs, "lost_on"),
                rs.getString("county"),
                dollars(rs.getBigDecimal("estimated_value_usd")),
                carrier(
                        rs.getString("carrier_name"),
                        rs.getString("carrier_tracking"),
                        rs.getString("carrier_shipped_on")),
                rs.getString("description"),
                rs.getString("reported_by"),
                date(rs, "notice_due_on"),
                date(rs, "form_106_due_on"),
                rs.getLong("prior_losses"),
                rs.getString("location_id"),
                rs.getString("location_name"),
                rs.getBoolean("late_entry"),
                rs.getString("late_entry_reason"),
                rs.getString("late_entry_cosigned_by"),
                Decimals.plain(rs.getBigDecimal("corrected_quantity")),
                rs.getString("correction_reason"));
    }

    /**
     * The registrant's phone and contact person as DEA Forms 41 and 106 ask them, as one line; a practice
     * registered without them is said to have none on file rather than left blank.
     */
    public String registrantContact(String practiceId) {
        List<String> lines = jdbc.query(
                "select phone, contact_name from practice_registry where practice_id = ?",
                (rs, n) ->
                        "Registrant phone: " + (rs.getString("phone") == null ? "not on file" : rs.getString("phone"))
                                + "; contact: "
                                + (rs.getString("contact_name") == null ? "not on file" : rs.getString("contact_name")),
                practiceId);
        return lines.isEmpty() ? "Registrant phone: not on file; contact: not on file" : lines.get(0);
    }

    /** An amount of US dollars with its cents, as a form prints it ("84.00", not 84), the same in every format. */
    private static String dollars(BigDecimal value) {
        return value == null
                ? null
                : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A carrier of a loss in transit as one line: name, tracking number, day shipped; null when none. */
    private static String carrier(String name, String tracking, String shippedOn) {
        if (name == null) {
            return null;
        }
        return name
                + (tracking == null ? "" : ", tracking " + tracking)
                + (shippedOn == null ? "" : ", shipped " + shippedOn);
    }

    /** A unit as people write it after "mg/": mL, troche (each), device. */
    private static String unitLabel(String unit) {
        if (unit == null) {
            return "unit";
        }
        return switch (unit) {
            case "ML" -> "mL";
            case "EACH" -> "unit";
            case "DEVICE" -> "device";
            default -> unit;
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
