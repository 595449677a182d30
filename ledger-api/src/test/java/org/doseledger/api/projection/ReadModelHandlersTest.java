package org.doseledger.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.doseledger.api.support.ProjectionHarness;
import org.doseledger.core.compliance.api.ExceptionAcknowledgedEvent;
import org.doseledger.core.compliance.api.ExceptionKind;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.LossType;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.StockLossReportedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.compliance.ComplianceExceptionsProjection;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.stock.StockLotProjection;
import org.doseledger.projections.timeline.ClientTimelineProjection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The event handlers of the read models, driven directly: what each event writes, and that delivering
 * an event again (a redelivered batch, a retried segment) changes nothing.
 */
class ReadModelHandlersTest {

    static final PracticeId PRACTICE = PracticeId.of("springfield");
    static final StockLotRef LOT = new StockLotRef(PRACTICE, "safe-1", "42023-0113-10", "K2611");
    static final Instant AT = Instant.parse("2026-11-20T15:30:00Z");

    /** Two 10 mL vials of ketamine received into the lot. */
    static StockReceivedEvent received() {
        return new StockReceivedEvent(
                LOT,
                "receipt-1",
                Substance.KETAMINE,
                new Strength(new BigDecimal("50"), StockUnit.ML),
                LocalDate.parse("2027-06-30"),
                2,
                Quantity.of("10", StockUnit.ML),
                Quantity.of("20", StockUnit.ML),
                new BigDecimal("1000"),
                new Supplier(
                        "Henry Schein",
                        new PostalAddress("135 Duryea Rd", null, "Melville", "NY", "11747"),
                        "AB1234563"),
                "INV-1",
                "rn-1",
                Quantity.of("20", StockUnit.ML),
                AT,
                null);
    }

    static DoseDrawnEvent drawn(String milliliters, LateEntry late) {
        Quantity quantity = Quantity.of(milliliters, StockUnit.ML);
        return new DoseDrawnEvent(
                LOT,
                "draw-1",
                quantity,
                quantity.amount().multiply(new BigDecimal("50")),
                "c-1",
                "s-1",
                "rn-1",
                Quantity.of("18", StockUnit.ML),
                AT,
                late,
                null);
    }

    static void catalogue(ProjectionHarness harness) {
        harness.jdbc.update("""
                insert into product_catalogue (practice_id, ndc, name, substance, schedule, dosage_form, finished_form,
                                               milligrams_per_unit, unit, container_size, registered_at)
                values ('springfield', '42023-0113-10', 'Ketamine HCl 50 mg/mL', 'KETAMINE', 'III',
                        'INJECTABLE_SOLUTION', 'ketamine HCl injection 50 mg/mL', 50, 'ML', 10, now())
                """);
    }

    @Nested
    class AuditTrail {

        ProjectionHarness harness = ProjectionHarness.of(AuditTrailProjection::new);

        @Test
        void anEventBecomesOneRowWithItsFiltersAndARedeliveryChangesNothing() {
            catalogue(harness);
            harness.deliver(7, drawn("2", new LateEntry("paper log", "md-1")));
            String table = "select row_to_json(a)::text from audit_trail a";
            List<String> once = harness.jdbc.queryForList(table, String.class);
            harness.deliver(7, drawn("2", new LateEntry("paper log", "md-1")));

            assertThat(harness.jdbc.queryForList(table, String.class))
                    .hasSize(1)
                    .isEqualTo(once);
            Map<String, Object> row = harness.rows("select * from audit_trail").get(0);
            assertThat(row.get("event_type")).isEqualTo("DoseDrawn");
            assertThat(row.get("practice_id")).isEqualTo("springfield");
            assertThat(row.get("client_id")).isEqualTo("c-1");
            assertThat(row.get("location_id")).isEqualTo("safe-1");
            assertThat(row.get("substance"))
                    .as("from the product the lot holds")
                    .isEqualTo("KETAMINE");
            assertThat(row.get("credential_id")).isEqualTo("key-1");
            assertThat(harness.jdbc.queryForObject("select practitioners::text from audit_trail", String.class))
                    .isEqualTo("{md-1,rn-1}");
        }

        @Test
        void aResetEmptiesTheTable() {
            harness.deliver(1, drawn("2", null));
            harness.reset();
            assertThat(harness.rows("select * from audit_trail")).isEmpty();
        }
    }

    @Nested
    class StockLots {

        ProjectionHarness harness = ProjectionHarness.of(StockLotProjection::new);

        @Test
        void theBalanceIsTheLotsOwnAndARedeliveredDrawIsNotDrawnTwice() {
            StockReceivedEvent received = received();
            harness.deliver(1, received);
            harness.deliver(2, drawn("2", null));
            harness.deliver(1, received);
            harness.deliver(2, drawn("2", null));

            assertThat(harness.jdbc.queryForObject("select on_hand from stock_lot", BigDecimal.class))
                    .isEqualByComparingTo("18");
            assertThat(harness.jdbc.queryForList(
                            "select movement from stock_movement order by ledger_position", String.class))
                    .containsExactly("RECEIVED", "DRAWN");
            assertThat(harness.jdbc.queryForObject("select status from stock_draw", String.class))
                    .isEqualTo("OPEN");
        }

        @Test
        void aCorrectionRecordedLateIsALateMovementLikeAnyOther() {
            harness.deliver(1, received());
            harness.deliver(
                    2,
                    new EntryCorrectedEvent(
                            LOT,
                            "corr-1",
                            "event-1",
                            Movement.RECEIVED,
                            null,
                            Quantity.of("20", StockUnit.ML),
                            Quantity.of("19", StockUnit.ML),
                            Quantity.of("-1", StockUnit.ML),
                            Quantity.of("19", StockUnit.ML),
                            "one vial was short",
                            "rn-1",
                            "md-1",
                            AT.plus(Duration.ofDays(2)),
                            new LateEntry("found at the monthly count", "md-1")));

            assertThat(harness.jdbc.queryForObject(
                            "select late_entry from stock_movement where movement = 'CORRECTED'", Boolean.class))
                    .isTrue();
        }
    }

    @Nested
    class ClientTimeline {

        ProjectionHarness harness = ProjectionHarness.of(ClientTimelineProjection::new);

        @Test
        void aClientsEventIsOneEntryAndItsCorrectionStandsBesideIt() {
            harness.deliver(2, drawn("2", null));
            EntryCorrectedEvent corrected = new EntryCorrectedEvent(
                    LOT,
                    "corr-1",
                    harness.eventId(2),
                    Movement.DRAWN,
                    "draw-1",
                    Quantity.of("2", StockUnit.ML),
                    Quantity.of("1.8", StockUnit.ML),
                    Quantity.of("0.2", StockUnit.ML),
                    Quantity.of("18.2", StockUnit.ML),
                    "read wrong",
                    "rn-1",
                    "md-1",
                    AT,
                    null);
            harness.deliver(3, corrected);
            harness.deliver(2, drawn("2", null));
            harness.deliver(3, corrected);

            assertThat(harness.rows(
                            "select ledger_position, client_id, event_type, coalesce(corrects_event_id, '-') as corrects"
                                    + " from client_timeline order by ledger_position"))
                    .containsExactly(
                            Map.of(
                                    "ledger_position",
                                    2L,
                                    "client_id",
                                    "c-1",
                                    "event_type",
                                    "DoseDrawn",
                                    "corrects",
                                    "-"),
                            Map.of(
                                    "ledger_position",
                                    3L,
                                    "client_id",
                                    "c-1",
                                    "event_type",
                                    "EntryCorrected",
                                    "corrects",
                                    harness.eventId(2)));
        }
    }

    @Nested
    class ComplianceExceptions {

        ProjectionHarness harness = ProjectionHarness.of(ComplianceExceptionsProjection::new);

        @Test
        void anOverdueDrawIsRaisedOnceAndClearedWhenAccountedFor() {
            DrawOverdueEvent overdue = new DrawOverdueEvent(
                    LOT,
                    "draw-1",
                    "c-1",
                    "rn-1",
                    AT,
                    Quantity.of("0.3", StockUnit.ML),
                    Duration.ofHours(1),
                    AT.plus(Duration.ofHours(1)));
            harness.deliver(10, overdue);
            harness.deliver(10, overdue);
            harness.deliver(
                    11,
                    new DrawAccountedForEvent(
                            LOT,
                            "draw-1",
                            "c-1",
                            Quantity.of("2", StockUnit.ML),
                            Quantity.of("1.7", StockUnit.ML),
                            Quantity.of("0.3", StockUnit.ML),
                            AT.plus(Duration.ofHours(2))));
            harness.deliver(10, overdue);

            List<Map<String, Object>> rows = harness.rows("select * from compliance_exception");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("exception_id")).isEqualTo("DRAW_OVERDUE:safe-1:42023-0113-10:K2611:draw-1");
            assertThat(rows.get(0).get("cleared_by")).isEqualTo("DrawAccountedFor");
            assertThat(rows.get(0).get("summary").toString()).contains("0.3 ML not administered or wasted");
        }

        @Test
        void aLateEntryAndAnUnwitnessedDrawAreTwoExceptionsOfOneEvent() {
            harness.deliver(3, drawn("2", new LateEntry("paper log", "md-1")));

            assertThat(harness.jdbc.queryForList("select kind from compliance_exception order by kind", String.class))
                    .containsExactly("LATE_ENTRY", "UNWITNESSED_DRAW");
            assertThat(harness.jdbc.queryForObject(
                            "select exception_id from compliance_exception where kind = 'LATE_ENTRY'", String.class))
                    .isEqualTo("LATE_ENTRY:" + harness.eventId(3));
        }

        @Test
        void aLossIsDueOnItsForm106DateAndReviewsAreKeptByExceptionId() {
            harness.deliver(
                    4,
                    new StockLossReportedEvent(
                            LOT,
                            "loss-1",
                            Quantity.of("2", StockUnit.ML),
                            new BigDecimal("100"),
                            LossType.OTHER,
                            null,
                            "vial missing",
                            "md-1",
                            LocalDate.parse("2026-11-23"),
                            LocalDate.parse("2027-01-04"),
                            Quantity.of("16", StockUnit.ML),
                            AT,
                            null));
            ExceptionAcknowledgedEvent acknowledged = new ExceptionAcknowledgedEvent(
                    PRACTICE,
                    "FORM_106_DUE:safe-1:42023-0113-10:K2611:loss-1",
                    ExceptionKind.FORM_106_DUE,
                    "J. Doe",
                    "filing",
                    AT);
            harness.deliver(5, acknowledged);
            harness.deliver(5, acknowledged);

            assertThat(harness.jdbc.queryForObject("select due_on from compliance_exception", LocalDate.class))
                    .isEqualTo(LocalDate.parse("2027-01-04"));
            assertThat(harness.rows("select acknowledged_by, acknowledgement_note from compliance_exception_review"))
                    .containsExactly(Map.of("acknowledged_by", "J. Doe", "acknowledgement_note", "filing"));
        }
    }

    @Nested
    class DosingConsistency {

        ProjectionHarness harness = ProjectionHarness.of(DosingConsistencyProjection::new);

        @Test
        void aDrawCountsItsAdministrationsWasteAndCorrectionsOnce() {
            catalogue(harness);
            harness.deliver(20, drawn("2", null));
            DoseAdministeredEvent administered = new DoseAdministeredEvent(
                    LOT,
                    "draw-1",
                    Quantity.of("1.5", StockUnit.ML),
                    new BigDecimal("75"),
                    Route.IM,
                    "c-1",
                    "s-1",
                    "rn-1",
                    Quantity.of("0.5", StockUnit.ML),
                    AT.plus(Duration.ofMinutes(5)),
                    null,
                    List.of("ABOVE_PLAN_RANGE"),
                    null);
            harness.deliver(21, administered);
            harness.deliver(21, administered);
            harness.deliver(
                    22,
                    new DoseWastedEvent(
                            LOT,
                            "draw-1",
                            Quantity.of("0.5", StockUnit.ML),
                            new BigDecimal("25"),
                            "expelled",
                            "c-1",
                            "rn-1",
                            "rn-2",
                            Quantity.of("0", StockUnit.ML),
                            AT.plus(Duration.ofMinutes(20)),
                            null));
            EntryCorrectedEvent corrected = new EntryCorrectedEvent(
                    LOT,
                    "corr-1",
                    "event-21",
                    Movement.ADMINISTERED,
                    "draw-1",
                    Quantity.of("1.5", StockUnit.ML),
                    Quantity.of("1.4", StockUnit.ML),
                    Quantity.of("0", StockUnit.ML),
                    Quantity.of("18", StockUnit.ML),
                    "read wrong",
                    "rn-1",
                    "md-1",
                    AT.plus(Duration.ofHours(1)),
                    null);
            harness.deliver(23, corrected);
            harness.deliver(23, corrected);

            Map<String, Object> draw =
                    harness.rows("select * from dosing_report_draw").get(0);
            assertThat((BigDecimal) draw.get("drawn_mg")).isEqualByComparingTo("100");
            assertThat((BigDecimal) draw.get("administered_mg"))
                    .as("75 mg given once, corrected by -0.1 mL of 50 mg/mL")
                    .isEqualByComparingTo("70");
            assertThat((BigDecimal) draw.get("wasted_mg")).isEqualByComparingTo("25");
            assertThat(draw.get("route")).isEqualTo("IM");
            assertThat(draw.get("plan_flags").toString()).isEqualTo("[\"ABOVE_PLAN_RANGE\"]");
            assertThat(harness.rows("select ledger_position, movement, drawn_mg + administered_mg + wasted_mg as mg"
                            + " from dosing_report_draw_change order by ledger_position"))
                    .as("each change once, at its position, so the draw can be read as of a position")
                    .extracting(row -> row.get("ledger_position") + " " + row.get("movement") + " "
                            + ((BigDecimal) row.get("mg")).stripTrailingZeros().toPlainString())
                    .containsExactly("20 DRAWN 100", "21 ADMINISTERED 75", "22 WASTED 25", "23 CORRECTED -5");
        }
    }
}
