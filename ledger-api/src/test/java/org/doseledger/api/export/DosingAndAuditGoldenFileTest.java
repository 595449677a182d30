package org.doseledger.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.doseledger.api.config.JacksonConfiguration;
import org.doseledger.api.support.LedgerApiTest;
import org.doseledger.core.client.api.ClientAddressChangedEvent;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.DoseBasis;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.LedgerEvent;
import org.doseledger.core.shared.LedgerMetadata;
import org.doseledger.core.shared.PersonName;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseOverride;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.EntryCorrectedEvent;
import org.doseledger.core.stock.api.Movement;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.projections.audit.AuditTrailProjection;
import org.doseledger.projections.consistency.DosingConsistencyProjection;
import org.doseledger.projections.consistency.DosingConsistencyRows;
import org.doseledger.projections.consistency.FindDosingConsistencyQuery;
import org.doseledger.projections.consistency.SessionDoseView;
import org.doseledger.projections.export.AuditTrailExport;
import org.doseledger.projections.export.DosingConsistencyExport;
import org.doseledger.projections.export.ExportQuery;
import org.doseledger.projections.export.ExportType;
import org.doseledger.projections.personaldata.ClientDataKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dosing-consistency report and the audit-trail extract of a fixed scenario, byte for byte. The
 * events are handed to the dosing-consistency and audit-trail projections' own handlers at fixed ledger
 * positions (clients' sealed names written to the timeline as its projection writes them), then exported
 * as of a ledger position. Ada has two ketamine sessions a week apart under a mg/kg plan, the second
 * above the plan with an override, no vitals and a correction; Alan one esketamine session. After the
 * export's position come a correction, vitals and a new weight for Ada's second session and a session of
 * Alan's: neither export shows them, and the report judges Ada's second session as the ledger stood.
 */
@LedgerApiTest
// rows written straight into read-model tables, with no events behind them: a database of their own, so
// that replay tests of the shared ledger do not see them vanish
@TestPropertySource(properties = "ledger.test.isolated-context=golden-exports")
class DosingAndAuditGoldenFileTest {

    private static final PracticeId PRACTICE = PracticeId.of("golden-dosing");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final long BASE = 9_300_000_000L;
    private static final long UP_TO = BASE + 50;
    private static final String NDC = "42023-0113-10";
    private static final StockLotRef KETAMINE = new StockLotRef(PRACTICE, "safe-1", NDC, "K-26A");
    private static final StockLotRef SPRAVATO = new StockLotRef(PRACTICE, "safe-1", "50458-028-02", "SPR-7");
    private static final Instant ADA_FIRST = Instant.parse("2026-03-03T15:00:00Z");
    private static final Instant ADA_SECOND = Instant.parse("2026-03-10T15:00:00Z");
    private static final Instant ALAN_FIRST = Instant.parse("2026-03-05T16:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ClientDataKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    @Qualifier(JacksonConfiguration.LEDGER_MAPPER)
    ObjectMapper ledgerMapper;

    @Autowired
    DosingConsistencyExport dosingConsistency;

    @Autowired
    AuditTrailExport auditTrail;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    EventProcessingConfiguration processing;

    private DosingConsistencyProjection consistency;
    private List<AnnotationEventHandlerAdapter> projections;

    @BeforeEach
    void theScenario() {
        // the scenario's events are appended to the log at fixed positions and handed to the projections
        // here; this context's processors must not handle them a second time
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        consistency = new DosingConsistencyProjection(jdbc, ledgerMapper);
        projections = List.of(
                new AnnotationEventHandlerAdapter(consistency),
                new AnnotationEventHandlerAdapter(new AuditTrailProjection(jdbc, ledgerMapper)));
        if (jdbc.queryForObject(
                        "select count(*) from product_catalogue where practice_id = ?", Long.class, PRACTICE.value())
                > 0) {
            return;
        }
        Instant registered = Instant.parse("2026-01-05T15:00:00Z");
        product(NDC, "Ketamine HCl 50 mg/mL, 10 mL vial", Substance.KETAMINE, "50", StockUnit.ML, registered);
        product("50458-028-02", "Spravato 28 mg nasal device", Substance.ESKETAMINE, "28", StockUnit.EACH, registered);
        transactions.executeWithoutResult(status -> {
            client(1, "c-ada", new PersonName("Ada", "King", "Lovelace"));
            client(2, "c-alan", new PersonName("Alan", null, "Turing"));
        });
        deliver(
                3,
                "md-1",
                new TreatmentPlanApprovedEvent(
                        PRACTICE,
                        "c-ada",
                        "plan-1",
                        new TreatmentPlanTerms(
                                6,
                                1,
                                2,
                                Route.IM,
                                new BigDecimal("0.5"),
                                new BigDecimal("1.0"),
                                new BigDecimal("80"),
                                Duration.ofDays(5),
                                DoseBasis.MG_PER_KG),
                        "md-1",
                        Instant.parse("2026-03-01T15:00:00Z")));
        deliver(
                4,
                "rn-1",
                new ClientWeightRecordedEvent(
                        PRACTICE, "c-ada", new BigDecimal("70"), "rn-1", Instant.parse("2026-03-02T15:00:00Z")));
        // a sealed address in the audit trail, printed as [sealed]
        deliver(
                5,
                null,
                new ClientAddressChangedEvent(
                        PRACTICE,
                        "c-ada",
                        new SealedPersonalData("golden-key", "bm9uY2U=", "c2VhbGVk"),
                        Instant.parse("2026-03-02T16:00:00Z")));

        // Ada's first session: 50 mg of 100 drawn, 50 wasted, vitals taken
        scheduledAndStarted(10, "c-ada", "s-1", Substance.KETAMINE, ADA_FIRST);
        drawn(12, KETAMINE, "d-1", "c-ada", "s-1", "2", "100", ADA_FIRST.plusSeconds(60));
        vitals(13, "c-ada", "s-1", ADA_FIRST.plusSeconds(120));
        administered(14, KETAMINE, "d-1", "c-ada", "s-1", "1", "50", Route.IM, ADA_FIRST.plusSeconds(300), null);
        wasted(15, KETAMINE, "d-1", "c-ada", "1", "50", ADA_FIRST.plusSeconds(900));
        // a take-home dose the day after, shown with the session until Ada's next one
        takeHome(16, "c-ada", "1", "50", ADA_FIRST.plus(Duration.ofDays(1)));

        // Alan's esketamine session: two devices given, vitals taken
        scheduledAndStarted(20, "c-alan", "s-2", Substance.ESKETAMINE, ALAN_FIRST);
        drawn(22, SPRAVATO, "d-2", "c-alan", "s-2", "2", "56", ALAN_FIRST.plusSeconds(60));
        vitals(23, "c-alan", "s-2", ALAN_FIRST.plusSeconds(90));
        administered(
                24, SPRAVATO, "d-2", "c-alan", "s-2", "2", "56", Route.INTRANASAL, ALAN_FIRST.plusSeconds(120), null);

        // Ada's second session: 75 mg given (above 1.0 mg/kg, approved), no vitals, 25 wasted, corrected to 70
        scheduledAndStarted(30, "c-ada", "s-3", Substance.KETAMINE, ADA_SECOND);
        drawn(32, KETAMINE, "d-3", "c-ada", "s-3", "2", "100", ADA_SECOND.plusSeconds(60));
        administered(
                33,
                KETAMINE,
                "d-3",
                "c-ada",
                "s-3",
                "1.5",
                "75",
                Route.IM,
                ADA_SECOND.plusSeconds(240),
                new DoseOverride("titration agreed at intake", "md-1"));
        wasted(34, KETAMINE, "d-3", "c-ada", "0.5", "25", ADA_SECOND.plusSeconds(600));
        corrected(35, 33, "d-3", Movement.ADMINISTERED, "1.5", "1.4", ADA_SECOND.plusSeconds(3600));

        // after the export's ledger position: none of it is in either export
        corrected(60, 34, "d-3", Movement.WASTED, "0.5", "0.6", ADA_SECOND.plusSeconds(7200));
        vitals(61, "c-ada", "s-3", ADA_SECOND.plusSeconds(1200));
        deliver(
                62,
                "rn-1",
                new ClientWeightRecordedEvent(
                        PRACTICE, "c-ada", new BigDecimal("50"), "rn-1", ADA_SECOND.minusSeconds(600)));
        Instant alanSecond = Instant.parse("2026-03-12T16:00:00Z");
        scheduledAndStarted(63, "c-alan", "s-4", Substance.ESKETAMINE, alanSecond);
        drawn(65, SPRAVATO, "d-4", "c-alan", "s-4", "3", "84", alanSecond.plusSeconds(60));
        administered(
                66, SPRAVATO, "d-4", "c-alan", "s-4", "3", "84", Route.INTRANASAL, alanSecond.plusSeconds(120), null);
    }

    private void product(String ndc, String name, Substance substance, String mgPerUnit, StockUnit unit, Instant at) {
        jdbc.update(
                """
                insert into product_catalogue (practice_id, ndc, name, substance, schedule, dosage_form, finished_form,
                                               milligrams_per_unit, unit, container_size, registered_at)
                values (?, ?, ?, ?, 'III', 'INJECTION', ?, ?, ?, 10, ?)
                """,
                PRACTICE.value(),
                ndc,
                name,
                substance.name(),
                name,
                new BigDecimal(mgPerUnit),
                unit.name(),
                Timestamp.from(at));
    }

    private void scheduledAndStarted(int position, String clientId, String sessionId, Substance substance, Instant at) {
        deliver(
                position,
                null,
                new DosingSessionScheduledEvent(
                        PRACTICE, sessionId, clientId, substance, at, at.minusSeconds(7 * 86_400)));
        deliver(
                position + 1,
                "rn-1",
                new DosingSessionStartedEvent(PRACTICE, sessionId, clientId, "safe-1", "rn-1", at));
    }

    private void drawn(
            int position,
            StockLotRef lot,
            String drawId,
            String clientId,
            String sessionId,
            String quantity,
            String milligrams,
            Instant at) {
        deliver(
                position,
                "rn-1",
                new DoseDrawnEvent(
                        lot,
                        drawId,
                        Quantity.of(quantity, unit(lot)),
                        new BigDecimal(milligrams),
                        clientId,
                        sessionId,
                        "rn-1",
                        Quantity.of("8", unit(lot)),
                        at,
                        null,
                        null));
    }

    private void administered(
            int position,
            StockLotRef lot,
            String drawId,
            String clientId,
            String sessionId,
            String quantity,
            String milligrams,
            Route route,
            Instant at,
            DoseOverride override) {
        deliver(
                position,
                "rn-2",
                new DoseAdministeredEvent(
                        lot,
                        drawId,
                        Quantity.of(quantity, unit(lot)),
                        new BigDecimal(milligrams),
                        route,
                        clientId,
                        sessionId,
                        "rn-2",
                        Quantity.of("0", unit(lot)),
                        at,
                        null,
                        override == null ? List.of() : List.of("ABOVE_PLAN_RANGE"),
                        override));
    }

    private void wasted(
            int position, StockLotRef lot, String drawId, String clientId, String quantity, String mg, Instant at) {
        deliver(
                position,
                "rn-1",
                new DoseWastedEvent(
                        lot,
                        drawId,
                        Quantity.of(quantity, unit(lot)),
                        new BigDecimal(mg),
                        "expelled into drug disposal container",
                        clientId,
                        "rn-1",
                        "rn-2",
                        Quantity.of("0", unit(lot)),
                        at,
                        null));
    }

    private void corrected(
            int position,
            int correctedPosition,
            String drawId,
            Movement movement,
            String original,
            String corrected,
            Instant at) {
        deliver(
                position,
                "rn-1",
                new EntryCorrectedEvent(
                        KETAMINE,
                        "corr-" + position,
                        "golden-dosing-" + correctedPosition,
                        movement,
                        drawId,
                        Quantity.of(original, StockUnit.ML),
                        Quantity.of(corrected, StockUnit.ML),
                        Quantity.of("0", StockUnit.ML),
                        Quantity.of("5", StockUnit.ML),
                        "syringe reading transcribed wrongly",
                        "rn-1",
                        "md-1",
                        at,
                        null));
    }

    /** A take-home dose as the stock read model holds it (the dosing report reads it from there). */
    private void takeHome(int position, String clientId, String ml, String mg, Instant at) {
        jdbc.update(
                """
                insert into stock_movement (ledger_position, event_id, practice_id, location_id, ndc, lot_number,
                                            movement, quantity, milligrams, balance_change, actor, client_id,
                                            late_entry, occurred_at, recorded_at, details)
                values (?, ?, ?, 'safe-1', ?, 'K-26A', 'DISPENSED', ?::numeric, ?::numeric, -(?::numeric), 'md-1', ?,
                        false, ?, ?, '{}'::jsonb)
                """,
                BASE + position,
                "golden-dosing-" + position,
                PRACTICE.value(),
                NDC,
                ml,
                mg,
                ml,
                clientId,
                Timestamp.from(at),
                Timestamp.from(at.plusSeconds(5)));
    }

    private void vitals(int position, String clientId, String sessionId, Instant at) {
        deliver(position, "rn-1", new VitalsRecordedEvent(PRACTICE, sessionId, clientId, 124, 80, 72, 98, "rn-1", at));
    }

    private static StockUnit unit(StockLotRef lot) {
        return lot == KETAMINE ? StockUnit.ML : StockUnit.EACH;
    }

    /**
     * The event at its ledger position: appended to the event log there (the audit trail shows what the
     * log holds), then handed to both projections as the processors deliver it.
     */
    private void deliver(int position, String practitionerId, LedgerEvent event) {
        MetaData metadata = MetaData.with(LedgerMetadata.CREDENTIAL_ID, "key-rn-1")
                .and(LedgerMetadata.REQUEST_ID, "req-" + position)
                .and(
                        LedgerMetadata.RECORDED_AT,
                        event.occurredAt().plusSeconds(5).toString());
        if (practitionerId != null) {
            metadata = metadata.and(LedgerMetadata.PRACTITIONER_ID, practitionerId);
        }
        String type = event.getClass().getPackageName().contains(".stock.")
                ? "StockLot"
                : event.getClass().getPackageName().contains(".session.") ? "DosingSession" : "Client";
        String aggregateId = type + "-golden";
        String eventId = "golden-dosing-" + position;
        Instant timestamp = event.occurredAt().plusSeconds(5);
        long sequence = append(BASE + position, aggregateId, type, eventId, event, metadata, timestamp);
        GenericTrackedDomainEventMessage<?> message = new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(BASE + position),
                new GenericDomainEventMessage<>(
                        type,
                        aggregateId,
                        sequence,
                        event,
                        metadata.and(LedgerMetadata.LEDGER_POSITION, Long.toString(BASE + position)),
                        eventId,
                        timestamp));
        for (AnnotationEventHandlerAdapter projection : projections) {
            try {
                if (projection.canHandle(message)) {
                    projection.handle(message);
                }
            } catch (Exception e) {
                throw new IllegalStateException("handler failed for " + event, e);
            }
        }
    }

    /** Appends the event to the log at a fixed global index, as the event store stores it; its sequence number. */
    private long append(
            long globalIndex,
            String aggregateId,
            String type,
            String eventId,
            Object event,
            MetaData metadata,
            Instant timestamp) {
        Long sequence = jdbc.queryForObject(
                "select coalesce(max(sequence_number) + 1, 0) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                aggregateId);
        SerializedObject<byte[]> payload = eventSerializer.serialize(event, byte[].class);
        jdbc.update(
                """
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                                event_identifier, meta_data, payload, payload_revision, payload_type,
                                                time_stamp)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                globalIndex,
                aggregateId,
                sequence,
                type,
                eventId,
                eventSerializer.serialize(metadata, byte[].class).getData(),
                payload.getData(),
                payload.getType().getRevision(),
                payload.getType().getName(),
                DateTimeUtils.formatInstant(timestamp));
        return sequence;
    }

    /** A registered client in the timeline, name sealed with a real key (not in the audit trail here). */
    private void client(int position, String clientId, PersonName name) {
        ClientRef client = new ClientRef(PRACTICE, clientId);
        ClientRegisteredEvent event = new ClientRegisteredEvent(
                PRACTICE,
                clientId,
                keys.seal(client, "legalName", name),
                keys.seal(client, "dateOfBirth", LocalDate.parse("1985-12-10")),
                keys.seal(client, "address", new PostalAddress("12 Elm St", null, "Springfield", "IL", "62702")),
                Instant.parse("2026-02-01T15:00:00Z"));
        try {
            jdbc.update(
                    """
                    insert into client_timeline (ledger_position, event_id, practice_id, client_id, event_type,
                                                 occurred_at, recorded_at, credential_id, practitioner_id, request_id,
                                                 details, corrects_event_id)
                    values (?, ?, ?, ?, 'ClientRegistered', ?, ?, 'key-rn-1', null, ?, ?::jsonb, null)
                    """,
                    BASE + position,
                    "golden-dosing-" + position,
                    PRACTICE.value(),
                    clientId,
                    Timestamp.from(event.occurredAt()),
                    Timestamp.from(event.occurredAt().plusSeconds(5)),
                    "req-" + position,
                    ledgerMapper.writeValueAsString(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExportQuery query(String clientId, long upTo) {
        return new ExportQuery(
                PRACTICE,
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                null,
                clientId,
                null,
                ZONE,
                upTo);
    }

    private void assertGolden(ExportType type, String file) throws IOException {
        String csv = GoldenExports.assertGolden(
                transactions,
                type,
                query(null, UP_TO),
                GoldenExports.header(type, "Golden Dosing Clinic", ZONE, List.of("All storage locations")),
                file);
        assertThat(csv).doesNotContain("s-4").doesNotContain("golden-dosing-6");
    }

    @Test
    void theDosingConsistencyReportAsOfTheExportsPositionIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(dosingConsistency, "dosing-consistency");
    }

    @Test
    void theAuditTrailExtractAsOfTheExportsPositionIsExactlyTheGoldenFiles() throws IOException {
        assertGolden(auditTrail, "audit-trail");
    }

    @Test
    void asOfTheHeadOfTheLedgerTheStreamedReportIsTheLiveReport() {
        Instant from = Instant.parse("2026-03-01T06:00:00Z");
        Instant to = Instant.parse("2026-04-01T05:00:00Z");
        List<SessionDoseView> streamed = new ArrayList<>();
        transactions.executeWithoutResult(status -> new DosingConsistencyRows(dataSource, ledgerMapper)
                .sessions(new DosingConsistencyRows.Filter(PRACTICE, null, from, to, Long.MAX_VALUE), streamed::add));

        List<SessionDoseView> live = consistency
                .handle(new FindDosingConsistencyQuery(PRACTICE, null, null, from, to, 0, 100))
                .sessions();
        assertThat(streamed).hasSize(4).isEqualTo(live);
    }
}
