package org.doseledger.api.benchmark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.doseledger.core.client.api.ClientRegisteredEvent;
import org.doseledger.core.client.api.ClientWeightRecordedEvent;
import org.doseledger.core.client.api.ConsentDocument;
import org.doseledger.core.client.api.ConsentSignedEvent;
import org.doseledger.core.client.api.TherapySessionKind;
import org.doseledger.core.client.api.TherapySessionRecordedEvent;
import org.doseledger.core.client.api.TreatmentPlanApprovedEvent;
import org.doseledger.core.client.api.TreatmentPlanTerms;
import org.doseledger.core.location.api.LocationKind;
import org.doseledger.core.location.api.StorageLocationRegisteredEvent;
import org.doseledger.core.practice.api.PracticeRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerDeaRegistrationRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerLicenceRecordedEvent;
import org.doseledger.core.practitioner.api.PractitionerRegisteredEvent;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.product.api.ProductRegisteredEvent;
import org.doseledger.core.session.api.ClientDischargedEvent;
import org.doseledger.core.session.api.DosingSessionScheduledEvent;
import org.doseledger.core.session.api.DosingSessionStartedEvent;
import org.doseledger.core.session.api.VitalsRecordedEvent;
import org.doseledger.core.shared.CareModel;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.LateEntry;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.Route;
import org.doseledger.core.shared.SealedPersonalData;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.CountKind;
import org.doseledger.core.stock.api.CountTiming;
import org.doseledger.core.stock.api.DiscrepancyRecordedEvent;
import org.doseledger.core.stock.api.DiscrepancyResolvedEvent;
import org.doseledger.core.stock.api.DoseAdministeredEvent;
import org.doseledger.core.stock.api.DoseDrawnEvent;
import org.doseledger.core.stock.api.DoseWastedEvent;
import org.doseledger.core.stock.api.DrawAccountedForEvent;
import org.doseledger.core.stock.api.DrawOverdueEvent;
import org.doseledger.core.stock.api.StockCountedEvent;
import org.doseledger.core.stock.api.StockDestroyedEvent;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.StockReceivedEvent;
import org.doseledger.core.stock.api.Supplier;

/**
 * A deterministic ledger of about {@code events} events with the shape of real practices: each practice
 * registers its products, two storage locations and its practitioners on the first day; clients start
 * a course at staggered dates over two years (registration, consent, weight, plan, two preparation
 * sessions) and come weekly for dosing sessions (scheduled, started, vitals, a witnessed draw from the
 * location's current ketamine lot, the administration, waste of the rest, the draw accounted for,
 * vitals, discharge, an integration session). A lot that cannot cover a draw has its remainder destroyed
 * and a new lot is received. Every Friday the three current lots are counted; about 2% of ketamine counts
 * find a difference, most of them resolved three days later. About 0.5% of administrations are entered a
 * day late with a reason and a co-signer, after the ledger flagged the draw overdue, and about 1% of
 * draws are unwitnessed. Days are generated in order, every practice on each day, so that ledger positions
 * follow time as in a live ledger; the run stops at the end of the day on which it reached {@code events}.
 * (A late entry is appended right after its draw with a recorded time 30 hours later; in a live ledger it
 * would land at a later position. No read model depends on positions following recorded times.)
 */
final class LedgerGenerator {

    static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");
    static final int SPAN_DAYS = 730;
    static final String KETAMINE_NDC = "42023-0113-10";
    static final String ESKETAMINE_NDC = "50458-028-02";
    static final List<String> LOCATIONS = List.of("safe-1", "cabinet-1");
    static final List<String> NURSES = List.of("rn-1", "rn-2", "rn-3", "rn-4");
    static final String PRESCRIBER = "md-1";
    static final List<String> THERAPISTS = List.of("th-1", "th-2");

    private static final Strength KETAMINE = new Strength(new BigDecimal("50"), StockUnit.ML);
    private static final Strength ESKETAMINE = new Strength(new BigDecimal("28"), StockUnit.DEVICE);
    private static final Quantity VIAL = Quantity.of("10", StockUnit.ML);
    private static final PostalAddress ADDRESS = new PostalAddress("12 Elm St", null, "Springfield", "IL", "62702");
    private static final Supplier SUPPLIER = new Supplier("Henry Schein", ADDRESS, "AB1234563");
    private static final List<String> GIVEN = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances");
    private static final List<String> FAMILY = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth");

    /** How big a ledger to generate. */
    record Shape(int practices, int clientsPerPractice, long events, long seed) {}

    /** What was generated, and the ids the benchmark picks its reads from. */
    record Ledger(
            long events,
            Duration took,
            Map<String, Long> countsByType,
            List<PracticeSample> practices,
            LocalDate lastDay,
            double sessionsPerClient) {}

    record PracticeSample(String practiceId, List<String> clients, List<String> credentials) {}

    private final Shape shape;
    private final SeededIds random;
    private final EventSink sink;

    LedgerGenerator(Shape shape, DataSource dataSource) {
        this.shape = shape;
        this.random = new SeededIds(shape.seed());
        this.sink = new EventSink(dataSource, new SeededIds(shape.seed() + 1));
    }

    Ledger generate() {
        long started = System.nanoTime();
        int clientsInAll = shape.practices() * shape.clientsPerPractice();
        // about 9.8 events per dosing session, 6 to start a course, 4% of the ledger for stock upkeep;
        // aim 5% over the target, the run stops as soon as it is reached
        double perClient = shape.events() * 0.96 / clientsInAll;
        double sessions = Math.max(1, (perClient - 6) / 9.8 * 1.05);
        List<Practice> practices = new ArrayList<>();
        for (int p = 1; p <= shape.practices(); p++) {
            practices.add(new Practice(p, sessions));
        }
        int day = 0;
        for (; day < SPAN_DAYS && sink.appended() < shape.events(); day++) {
            for (Practice practice : practices) {
                practice.generate(day);
            }
        }
        sink.flush();
        List<PracticeSample> samples = practices.stream()
                .map(p -> new PracticeSample(
                        p.id.value(),
                        p.clients.stream()
                                .filter(c -> c.registered)
                                .map(c -> c.id)
                                .toList(),
                        List.of(p.ehrKey, p.tabletKey)))
                .toList();
        return new Ledger(
                sink.appended(),
                Duration.ofNanos(System.nanoTime() - started),
                sink.countsByType(),
                samples,
                FIRST_DAY.plusDays(day - 1L),
                sessions);
    }

    private static Instant at(int day, int minuteOfDay) {
        return FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(minuteOfDay * 60L);
    }

    private static Quantity ml(int tenths) {
        return new Quantity(BigDecimal.valueOf(tenths, 1), StockUnit.ML);
    }

    private static final class Lot {
        final StockLotRef ref;
        final Strength strength;
        BigDecimal balance = BigDecimal.ZERO;

        Lot(StockLotRef ref, Strength strength) {
            this.ref = ref;
            this.strength = strength;
        }

        Quantity balance() {
            return new Quantity(balance, strength.unit());
        }

        String stream() {
            return ref.aggregateId();
        }
    }

    private static final class Client {
        final String id;
        final int startDay;
        final int sessions;
        final int minuteOfDay;
        final int location;
        final int doseTenths;
        final String name;
        int done;
        boolean registered;

        Client(String id, int startDay, int sessions, int minuteOfDay, int location, int doseTenths, String name) {
            this.id = id;
            this.startDay = startDay;
            this.sessions = sessions;
            this.minuteOfDay = minuteOfDay;
            this.location = location;
            this.doseTenths = doseTenths;
            this.name = name;
        }
    }

    private record PendingResolution(int day, Lot lot, String discrepancyId, Quantity difference) {}

    private final class Practice {

        final int index;
        final PracticeId id;
        final String ehrKey = random.keyId();
        final String tabletKey = random.keyId();
        final List<Client> clients = new ArrayList<>();
        final Lot[] ketamine = new Lot[LOCATIONS.size()];
        final List<PendingResolution> pending = new ArrayList<>();
        Lot esketamine;
        int lots;

        Practice(int index, double sessionsPerClient) {
            this.index = index;
            this.id = PracticeId.of(String.format("practice-%02d", index));
            for (int c = 1; c <= shape.clientsPerPractice(); c++) {
                int sessions = Math.max(1, (int) Math.round(sessionsPerClient * random.between(70, 130) / 100.0));
                int latestStart = Math.max(1, SPAN_DAYS - 7 * (sessions + 2));
                clients.add(new Client(
                        String.format("c-%04d", c),
                        random.between(1, latestStart),
                        sessions,
                        random.between(14 * 60, 21 * 60),
                        random.between(0, LOCATIONS.size() - 1),
                        random.between(8, 20),
                        random.pick(GIVEN) + " " + random.pick(FAMILY)));
            }
        }

        void generate(int day) {
            if (day == 0) {
                setUp();
                return;
            }
            Iterator<PendingResolution> due = pending.iterator();
            while (due.hasNext()) {
                PendingResolution resolution = due.next();
                if (resolution.day() == day) {
                    due.remove();
                    resolve(resolution, day);
                }
            }
            List<Client> today = new ArrayList<>();
            for (Client client : clients) {
                if (client.startDay == day) {
                    startCourse(client, day);
                }
                int sinceFirst = day - client.startDay - 7;
                if (sinceFirst >= 0 && sinceFirst % 7 == 0 && client.done < client.sessions) {
                    today.add(client);
                }
            }
            today.sort((a, b) -> Integer.compare(a.minuteOfDay, b.minuteOfDay));
            for (Client client : today) {
                dose(client, day);
            }
            if (day % 7 == 4) {
                count(day);
            }
        }

        private void setUp() {
            Instant t = at(0, 13 * 60);
            Map<String, Object> admin = sink.request(ehrKey, null, t);
            sink.append(
                    "Practice",
                    id.aggregateId(),
                    new PracticeRegisteredEvent(
                            id,
                            "Ketamine Clinic " + index,
                            ADDRESS,
                            "AB1234563",
                            LocalDate.parse("2028-06-30"),
                            List.of(ControlledSchedule.III, ControlledSchedule.IIIN),
                            "America/Chicago",
                            t),
                    admin);
            Map<String, Object> setup = sink.request(ehrKey, null, t.plusSeconds(60));
            product(KETAMINE_NDC, "Ketamine HCl 50 mg/mL", Substance.KETAMINE, DosageForm.INJECTABLE_SOLUTION, setup);
            product(ESKETAMINE_NDC, "Spravato 28 mg", Substance.ESKETAMINE, DosageForm.NASAL_SPRAY, setup);
            for (String location : LOCATIONS) {
                sink.append(
                        "StorageLocation",
                        "location:" + id.value() + ":" + location,
                        new StorageLocationRegisteredEvent(
                                id,
                                location,
                                location.startsWith("safe") ? "Main safe" : "Dosing room cabinet",
                                location.startsWith("safe") ? LocationKind.SAFE : LocationKind.LOCKED_CABINET,
                                false,
                                t.plusSeconds(60)),
                        setup);
            }
            practitioner(PRESCRIBER, "Dr. Grace Hopper", PractitionerRole.PRESCRIBER, "BJ6125341", t);
            for (String nurse : NURSES) {
                practitioner(nurse, "Nurse " + nurse, PractitionerRole.NURSE, null, t);
            }
            for (String therapist : THERAPISTS) {
                practitioner(therapist, "Therapist " + therapist, PractitionerRole.THERAPIST, null, t);
            }
            for (int location = 0; location < LOCATIONS.size(); location++) {
                ketamine[location] = receiveKetamine(location, 0, t.plusSeconds(600));
            }
            esketamine = new Lot(new StockLotRef(id, LOCATIONS.get(0), ESKETAMINE_NDC, "E" + index), ESKETAMINE);
            Quantity devices = new Quantity(new BigDecimal("24"), StockUnit.DEVICE);
            esketamine.balance = devices.amount();
            sink.append(
                    "StockLot",
                    esketamine.stream(),
                    new StockReceivedEvent(
                            esketamine.ref,
                            random.uuid(),
                            Substance.ESKETAMINE,
                            ESKETAMINE,
                            LocalDate.parse("2027-06-30"),
                            24,
                            new Quantity(BigDecimal.ONE, StockUnit.DEVICE),
                            devices,
                            new BigDecimal("672"),
                            SUPPLIER,
                            "INV-E" + index,
                            NURSES.get(0),
                            devices,
                            t.plusSeconds(600),
                            null),
                    sink.request(tabletKey, NURSES.get(0), t.plusSeconds(620)));
            for (Lot lot : currentLots()) {
                countLot(lot, CountKind.INITIAL, t.plusSeconds(1200), false);
            }
        }

        private void product(
                String ndc, String name, Substance substance, DosageForm form, Map<String, Object> request) {
            Strength strength = substance == Substance.KETAMINE ? KETAMINE : ESKETAMINE;
            Quantity container =
                    substance == Substance.KETAMINE ? VIAL : new Quantity(BigDecimal.ONE, StockUnit.DEVICE);
            sink.append(
                    "Product",
                    "product:" + id.value() + ":" + ndc,
                    new ProductRegisteredEvent(
                            id,
                            ndc,
                            name,
                            substance,
                            ControlledSchedule.IIIN,
                            form,
                            name,
                            strength,
                            container,
                            Instant.parse((String) request.get("recordedAt"))),
                    request);
        }

        private void practitioner(String practitionerId, String name, PractitionerRole role, String dea, Instant t) {
            String stream = "practitioner:" + id.value() + ":" + practitionerId;
            Map<String, Object> request = sink.request(ehrKey, null, t.plusSeconds(120));
            sink.append(
                    "Practitioner",
                    stream,
                    new PractitionerRegisteredEvent(id, practitionerId, name, List.of(role), dea, t),
                    request);
            if (role != PractitionerRole.THERAPIST) {
                sink.append(
                        "Practitioner",
                        stream,
                        new PractitionerLicenceRecordedEvent(
                                id,
                                practitionerId,
                                "IL-041-" + index + practitionerId,
                                "IL",
                                LocalDate.parse("2028-05-31"),
                                t),
                        sink.request(ehrKey, null, t.plusSeconds(130)));
            }
            if (dea != null) {
                sink.append(
                        "Practitioner",
                        stream,
                        new PractitionerDeaRegistrationRecordedEvent(
                                id,
                                practitionerId,
                                dea,
                                LocalDate.parse("2028-06-30"),
                                List.of(ControlledSchedule.III, ControlledSchedule.IIIN),
                                t),
                        sink.request(ehrKey, null, t.plusSeconds(140)));
            }
        }

        private List<Lot> currentLots() {
            List<Lot> current = new ArrayList<>(List.of(ketamine));
            current.add(esketamine);
            return current;
        }

        private Lot receiveKetamine(int location, int day, Instant t) {
            lots++;
            Lot lot = new Lot(
                    new StockLotRef(
                            id, LOCATIONS.get(location), KETAMINE_NDC, String.format("K%02d-%04d", index, lots)),
                    KETAMINE);
            String nurse = random.pick(NURSES);
            Quantity received = Quantity.of("50", StockUnit.ML);
            lot.balance = received.amount();
            sink.append(
                    "StockLot",
                    lot.stream(),
                    new StockReceivedEvent(
                            lot.ref,
                            random.uuid(),
                            Substance.KETAMINE,
                            KETAMINE,
                            FIRST_DAY.plusDays(day + 730L),
                            5,
                            VIAL,
                            received,
                            new BigDecimal("2500"),
                            SUPPLIER,
                            "INV-" + index + "-" + lots,
                            nurse,
                            received,
                            t,
                            null),
                    sink.request(tabletKey, nurse, t.plusSeconds(20)));
            return lot;
        }

        /**
         * Stands in for an item sealed by the API: the same shape and size (nonce, ciphertext and tag in
         * Base64), from the seeded ids so a generated ledger stays reproducible. Nothing here opens.
         */
        private SealedPersonalData sealedLike(String plaintext) {
            byte[] nonce = new byte[12];
            byte[] ciphertext = new byte[plaintext.length() + 16];
            for (int i = 0; i < ciphertext.length; i++) {
                ciphertext[i] = (byte) random.between(0, 255);
                if (i < nonce.length) {
                    nonce[i] = (byte) random.between(0, 255);
                }
            }
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedPersonalData(
                    "benchmark-key", base64.encodeToString(nonce), base64.encodeToString(ciphertext));
        }

        private void startCourse(Client client, int day) {
            client.registered = true;
            String stream = "client:" + id.value() + ":" + client.id;
            Instant t = at(day, 14 * 60 + random.between(0, 240));
            String[] name = client.name.split(" ");
            sink.append(
                    "Client",
                    stream,
                    new ClientRegisteredEvent(
                            id,
                            client.id,
                            sealedLike(name[0] + name[1] + "given middle family"),
                            sealedLike("\"" + LocalDate.of(random.between(1960, 2000), 1, 1) + "\""),
                            sealedLike(ADDRESS.toString()),
                            t),
                    sink.request(ehrKey, null, t.plusSeconds(15)));
            String nurse = random.pick(NURSES);
            sink.append(
                    "Client",
                    stream,
                    new ConsentSignedEvent(
                            id,
                            client.id,
                            random.uuid(),
                            new ConsentDocument("KAP-CONSENT", "3", LocalDate.parse("2023-11-15")),
                            t.plusSeconds(600),
                            sealedLike("\"" + client.name + "\""),
                            sealedLike("\"" + nurse + "\""),
                            List.of("dissociation", "elevated blood pressure", "nausea"),
                            List.of(Route.IM),
                            List.of(CareModel.ADMINISTERED),
                            random.chance(0.1) ? t.plusSeconds(600).plus(Duration.ofDays(365)) : null),
                    sink.request(ehrKey, null, t.plusSeconds(615)));
            sink.append(
                    "Client",
                    stream,
                    new ClientWeightRecordedEvent(
                            id, client.id, BigDecimal.valueOf(random.between(550, 1100), 1), nurse, t.plusSeconds(900)),
                    sink.request(ehrKey, nurse, t.plusSeconds(915)));
            sink.append(
                    "Client",
                    stream,
                    new TreatmentPlanApprovedEvent(
                            id,
                            client.id,
                            "plan-" + client.id,
                            new TreatmentPlanTerms(
                                    client.sessions,
                                    2,
                                    client.sessions,
                                    Route.IM,
                                    new BigDecimal("40"),
                                    new BigDecimal("110"),
                                    new BigDecimal("120"),
                                    Duration.ofDays(6)),
                            PRESCRIBER,
                            t.plusSeconds(1200)),
                    sink.request(ehrKey, PRESCRIBER, t.plusSeconds(1215)));
            for (int prep = 1; prep <= 2; prep++) {
                Instant at = t.plusSeconds(3600L * prep + 1800);
                sink.append(
                        "Client",
                        stream,
                        new TherapySessionRecordedEvent(
                                id,
                                client.id,
                                "prep-" + prep + "-" + client.id,
                                TherapySessionKind.PREPARATION,
                                random.pick(THERAPISTS),
                                null,
                                50,
                                at),
                        sink.request(ehrKey, null, at.plusSeconds(3000)));
            }
        }

        private void dose(Client client, int day) {
            client.done++;
            Instant t = at(day, client.minuteOfDay);
            String sessionId = "s-" + client.id + "-" + client.done;
            String session = "session:" + id.value() + ":" + sessionId;
            String nurse = random.pick(NURSES);
            String monitor = NURSES.get((NURSES.indexOf(nurse) + 1 + random.between(0, 2)) % NURSES.size());
            sink.append(
                    "DosingSession",
                    session,
                    new DosingSessionScheduledEvent(
                            id, sessionId, client.id, Substance.KETAMINE, t, t.minusSeconds(3600)),
                    sink.request(ehrKey, null, t.minusSeconds(3590)));
            sink.append(
                    "DosingSession",
                    session,
                    new DosingSessionStartedEvent(id, sessionId, client.id, "room-1", monitor, t),
                    sink.request(tabletKey, monitor, t.plusSeconds(10)));
            vitals(session, sessionId, client, monitor, t.plusSeconds(120));

            int doseTenths = Math.max(6, client.doseTenths + random.between(-1, 1));
            int wasteTenths = random.chance(0.7) ? random.between(1, 3) : 0;
            Quantity drawn = ml(doseTenths + wasteTenths);
            Lot lot = ketamine[client.location];
            if (lot.balance.compareTo(drawn.amount()) < 0) {
                lot = replenish(client.location, day, nurse, monitor, t.plusSeconds(180));
            }
            lot.balance = lot.balance.subtract(drawn.amount());
            String drawId = random.uuid();
            Instant drawnAt = t.plusSeconds(300);
            sink.append(
                    "StockLot",
                    lot.stream(),
                    new DoseDrawnEvent(
                            lot.ref,
                            drawId,
                            drawn,
                            KETAMINE.milligramsIn(drawn),
                            client.id,
                            sessionId,
                            nurse,
                            lot.balance(),
                            drawnAt,
                            null,
                            random.chance(0.01) ? null : monitor),
                    sink.request(tabletKey, nurse, drawnAt.plusSeconds(20)));

            boolean late = random.chance(0.005);
            LateEntry lateEntry =
                    late ? new LateEntry("paper record entered after the tablet failed", PRESCRIBER) : null;
            if (late) {
                Instant overdueAt = drawnAt.plus(Duration.ofMinutes(61));
                sink.append(
                        "StockLot",
                        lot.stream(),
                        new DrawOverdueEvent(
                                lot.ref, drawId, client.id, nurse, drawnAt, drawn, Duration.ofMinutes(60), overdueAt),
                        EventSink.system("overdue-draw-sweep", overdueAt));
            }
            long lateSeconds = late ? Duration.ofHours(30).toSeconds() : 0;
            Quantity given = ml(doseTenths);
            Quantity waste = ml(wasteTenths);
            Instant administeredAt = t.plusSeconds(480);
            Map<String, Object> administration =
                    sink.request(tabletKey, nurse, administeredAt.plusSeconds(30 + lateSeconds));
            sink.append(
                    "StockLot",
                    lot.stream(),
                    new DoseAdministeredEvent(
                            lot.ref,
                            drawId,
                            given,
                            KETAMINE.milligramsIn(given),
                            Route.IM,
                            client.id,
                            sessionId,
                            nurse,
                            waste,
                            administeredAt,
                            lateEntry,
                            List.of(),
                            null),
                    administration);
            Map<String, Object> closing = administration;
            Instant closedAt = administeredAt;
            if (wasteTenths > 0) {
                closedAt = t.plusSeconds(600);
                closing = sink.request(tabletKey, nurse, closedAt.plusSeconds(30 + lateSeconds));
                sink.append(
                        "StockLot",
                        lot.stream(),
                        new DoseWastedEvent(
                                lot.ref,
                                drawId,
                                waste,
                                KETAMINE.milligramsIn(waste),
                                "expelled into drug disposal container",
                                client.id,
                                nurse,
                                monitor,
                                Quantity.zero(StockUnit.ML),
                                closedAt,
                                lateEntry),
                        closing);
            }
            sink.append(
                    "StockLot",
                    lot.stream(),
                    new DrawAccountedForEvent(lot.ref, drawId, client.id, drawn, given, waste, closedAt),
                    closing);

            vitals(session, sessionId, client, monitor, t.plusSeconds(2400));
            Instant discharged = t.plusSeconds(7200);
            sink.append(
                    "DosingSession",
                    session,
                    new ClientDischargedEvent(
                            id, sessionId, client.id, true, sealedLike("\"partner\""), monitor, null, discharged),
                    sink.request(tabletKey, monitor, discharged.plusSeconds(15)));
            Instant integration = t.plusSeconds(10800);
            sink.append(
                    "Client",
                    "client:" + id.value() + ":" + client.id,
                    new TherapySessionRecordedEvent(
                            id,
                            client.id,
                            "int-" + client.done + "-" + client.id,
                            TherapySessionKind.INTEGRATION,
                            random.pick(THERAPISTS),
                            sessionId,
                            50,
                            integration),
                    sink.request(ehrKey, null, integration.plusSeconds(3000)));
        }

        private void vitals(String session, String sessionId, Client client, String monitor, Instant at) {
            sink.append(
                    "DosingSession",
                    session,
                    new VitalsRecordedEvent(
                            id,
                            sessionId,
                            client.id,
                            random.between(110, 145),
                            random.between(70, 92),
                            random.between(60, 95),
                            random.between(95, 100),
                            monitor,
                            at),
                    sink.request(tabletKey, monitor, at.plusSeconds(10)));
        }

        /** The location's lot cannot cover a draw: its remainder is destroyed and a new lot received. */
        private Lot replenish(int location, int day, String nurse, String witness, Instant t) {
            Lot old = ketamine[location];
            if (old.balance.signum() > 0) {
                Quantity rest = old.balance();
                old.balance = BigDecimal.ZERO;
                sink.append(
                        "StockLot",
                        old.stream(),
                        new StockDestroyedEvent(
                                old.ref,
                                random.uuid(),
                                rest,
                                KETAMINE.milligramsIn(rest),
                                VIAL,
                                0,
                                rest,
                                "chemical digestion (Rx Destroyer)",
                                "clinic, room 4",
                                nurse,
                                List.of(witness, PRESCRIBER),
                                old.balance(),
                                t,
                                null),
                        sink.request(tabletKey, nurse, t.plusSeconds(10)));
            }
            ketamine[location] = receiveKetamine(location, day, t.plusSeconds(30));
            return ketamine[location];
        }

        private void count(int day) {
            Instant t = at(day, 22 * 60 + 30);
            for (Lot lot : currentLots()) {
                countLot(lot, CountKind.ROUTINE, t, lot.strength == KETAMINE && random.chance(0.02));
            }
        }

        private void countLot(Lot lot, CountKind kind, Instant t, boolean shortByATenth) {
            String counter = random.pick(NURSES);
            String witness = NURSES.get((NURSES.indexOf(counter) + 1) % NURSES.size());
            Quantity expected = lot.balance();
            Quantity counted =
                    shortByATenth && lot.balance.compareTo(BigDecimal.ONE) > 0 ? expected.minus(ml(1)) : expected;
            Quantity difference = counted.minus(expected);
            String countId = random.uuid();
            Map<String, Object> request = sink.request(tabletKey, counter, t.plusSeconds(30));
            sink.append(
                    "StockLot",
                    lot.stream(),
                    new StockCountedEvent(
                            lot.ref,
                            countId,
                            kind,
                            CountTiming.CLOSE_OF_BUSINESS,
                            counted,
                            expected,
                            difference,
                            difference.amount().signum() == 0,
                            counter,
                            witness,
                            t,
                            null),
                    request);
            if (difference.amount().signum() != 0) {
                sink.append(
                        "StockLot",
                        lot.stream(),
                        new DiscrepancyRecordedEvent(lot.ref, countId, expected, counted, difference, t),
                        request);
                if (random.chance(0.85)) {
                    int dayOfCount = (int) (t.getEpochSecond() / 86400 - FIRST_DAY.toEpochDay());
                    pending.add(new PendingResolution(dayOfCount + 3, lot, countId, difference));
                }
            }
        }

        private void resolve(PendingResolution resolution, int day) {
            Lot lot = resolution.lot();
            Quantity adjustment = resolution.difference();
            if (lot.balance.add(adjustment.amount()).signum() < 0) {
                return;
            }
            lot.balance = lot.balance.add(adjustment.amount());
            Instant t = at(day, 13 * 60 + 30);
            String nurse = random.pick(NURSES);
            sink.append(
                    "StockLot",
                    lot.stream(),
                    new DiscrepancyResolvedEvent(
                            lot.ref,
                            resolution.discrepancyId(),
                            "residue in the syringe hub over the week, confirmed by re-measuring",
                            adjustment,
                            KETAMINE.milligramsIn(adjustment),
                            nurse,
                            PRESCRIBER,
                            lot.balance(),
                            t,
                            null),
                    sink.request(tabletKey, nurse, t.plusSeconds(30)));
        }
    }
}
