package org.doseledger.api.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A seeded, deterministic history of ketamine-assisted therapy practices, as the writes practice
 * software sends. Each practice registers two storage locations, a 50 mg/mL ketamine product, its
 * practitioners with licences (and the prescriber's DEA registration) and receives a first lot on the
 * first day. Clients start at staggered dates over the first half of the history (registration, a
 * signed consent, a medical clearance, a weight, a treatment plan, a preparation session) and then
 * come to weekly dosing sessions: scheduled, started, vitals, a witnessed draw, the administration, the
 * witnessed waste of the rest, vitals, discharge, and an integration session the next day. When the
 * lot in the safe runs low a new lot is received and the old one's remnant destroyed with two
 * witnesses. Every Friday the lot in the safe is counted; some counts find a difference, resolved the
 * same evening. Some wastes are entered short and corrected; once, stock is transferred to the
 * cabinet, where a vial breaks a week later (a loss).
 *
 * <p>Facts occur in the past, before {@code end}, on the practices' local days (America/Chicago), and
 * stock entries name the practice's history import of its paper register (a share of sessions is entered
 * late in the ordinary way instead): the history is what a practice migrating from a paper register would
 * enter (see docs/generator.md). Days are generated in order, all practices on each day, so that the ledger's
 * positions follow time as in a live ledger.
 */
public final class PracticeHistory {

    static final String NDC = "42023-0113-10";
    static final String SAFE = "safe-1";
    static final String CABINET = "cabinet-1";
    static final String PRESCRIBER = "md-1";
    static final String THERAPIST = "th-1";
    static final String TRANSCRIBED = "Transcribed from the paper controlled-substance register";
    static final String ENTERED_LATE = "Entered the next day: the treatment-room tablet was offline";
    /** The history import every transcribed stock entry names. */
    static final String IMPORT_ID = "paper-register";
    /** The practices' time zone: days and opening hours are local. */
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private static final BigDecimal MG_PER_ML = new BigDecimal("50");
    private static final BigDecimal VIAL_ML = new BigDecimal("10");
    private static final int VIALS_PER_RECEIPT = 5;
    private static final List<String> GIVEN =
            List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Katherine", "John", "Radia");
    private static final List<String> FAMILY =
            List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Johnson", "Perlman");
    private static final Map<String, Object> ADDRESS =
            map("line1", "1 Main St", "city", "Springfield", "state", "IL", "postalCode", "62701");
    private static final Map<String, Object> SUPPLIER = map(
            "name",
            "Henry Schein",
            "deaNumber",
            "AB1234563",
            "address",
            map("line1", "135 Duryea Rd", "city", "Melville", "state", "NY", "postalCode", "11747"));

    private final GeneratorSettings settings;

    /**
     * A practice's own DEA number, derived from its id: a registration belongs to one registrant, so every
     * generated practice has its own, and none is the supplier's.
     */
    static String deaNumber(String practiceId) {
        return deaNumber("BK", practiceId);
    }

    /** A valid DEA number with the two letters, its six digits derived from {@code seed}. */
    static String deaNumber(String letters, String seed) {
        String digits = String.format("%06d", Math.floorMod(seed.hashCode(), 1_000_000));
        int[] d = digits.chars().map(c -> c - '0').toArray();
        int check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
        return letters + digits + check;
    }

    private final LocalDate firstDay;
    private final int days;

    public PracticeHistory(GeneratorSettings settings) {
        this.settings = settings;
        LocalDate last = LocalDate.ofInstant(settings.end(), ZONE);
        this.firstDay = last.minusMonths(settings.months());
        this.days = (int) ChronoUnit.DAYS.between(firstDay, last);
    }

    /** The facts in the order they are to be written; lazily generated, a day at a time. */
    public Stream<PracticeFact> facts() {
        Iterator<PracticeFact> iterator = new Iterator<>() {
            private final List<Practice> practices = practices();
            private final ArrayDeque<PracticeFact> pending = new ArrayDeque<>();
            private int day;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && day < days) {
                    for (Practice practice : practices) {
                        practice.generate(day, pending);
                    }
                    day++;
                }
                return !pending.isEmpty();
            }

            @Override
            public PracticeFact next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.poll();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    /** The ids of the practices the history creates. */
    public List<String> practiceIds() {
        List<String> ids = new ArrayList<>();
        for (int p = 1; p <= settings.practices(); p++) {
            ids.add(settings.practiceIdPrefix() + "-" + p);
        }
        return ids;
    }

    private List<Practice> practices() {
        List<Practice> practices = new ArrayList<>();
        List<String> ids = practiceIds();
        for (int p = 0; p < ids.size(); p++) {
            practices.add(new Practice(ids.get(p), new SplittableRandom(settings.seed() * 1_000_003L + p)));
        }
        return practices;
    }

    private Instant at(int day, int minuteOfDay) {
        return firstDay.plusDays(day)
                .atStartOfDay(ZONE)
                .plusMinutes(minuteOfDay)
                .toInstant();
    }

    private static Map<String, Object> quantity(BigDecimal millilitres) {
        return map("amount", millilitres.toPlainString(), "unit", "ML");
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    private static final class Client {
        final String id;
        final int startDay;
        final String route;
        final BigDecimal doseMg;
        final BigDecimal kilograms;
        final String given;
        final String family;
        int sessions;

        Client(
                String id,
                int startDay,
                String route,
                BigDecimal doseMg,
                BigDecimal kilograms,
                String given,
                String family) {
            this.id = id;
            this.startDay = startDay;
            this.route = route;
            this.doseMg = doseMg;
            this.kilograms = kilograms;
            this.given = given;
            this.family = family;
        }
    }

    private record Slot(Client client, int day, int minuteOfDay) {}

    private final class Practice {
        final String id;
        final String base;
        final SplittableRandom random;
        final List<String> nurses = new ArrayList<>();
        final List<Client> clients = new ArrayList<>();
        final List<Slot> week = new ArrayList<>();
        int nextClient;
        int lots;
        String lot;
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal cabinet;
        String cabinetLotNumber;
        int sessions;
        int counts;

        Practice(String id, SplittableRandom random) {
            this.id = id;
            this.base = "/api/practices/" + id;
            this.random = random;
            for (int n = 1; n <= settings.practitioners() - 2; n++) {
                nurses.add("rn-" + n);
            }
            int half = Math.max(1, days / 2);
            for (int c = 1; c <= settings.clients(); c++) {
                boolean im = random.nextDouble() < settings.imShare();
                clients.add(new Client(
                        "c-" + c,
                        (int) ((long) (c - 1) * half / settings.clients()),
                        im ? "IM" : "IV",
                        BigDecimal.valueOf(50 + 10L * random.nextInt(8)),
                        BigDecimal.valueOf(550 + random.nextInt(450), 1),
                        GIVEN.get(random.nextInt(GIVEN.size())),
                        FAMILY.get(random.nextInt(FAMILY.size()))));
            }
        }

        void generate(int day, ArrayDeque<PracticeFact> out) {
            if (day == 0) {
                setUp(out);
            }
            for (Client client : clients) {
                if (client.startDay == day) {
                    onboard(client, day, out);
                }
            }
            DayOfWeek weekday = firstDay.plusDays(day).getDayOfWeek();
            if (day == 0 || weekday == DayOfWeek.MONDAY) {
                planWeek(day, weekday);
            }
            for (Slot slot : week) {
                if (slot.day() == day) {
                    dosingSession(slot, out);
                }
            }
            if (day == 14) {
                transferToCabinet(day, out);
            }
            if (day == 21 && cabinet != null) {
                loss(day, out);
            }
            if (weekday == DayOfWeek.FRIDAY) {
                count(day, out);
            }
        }

        private void setUp(ArrayDeque<PracticeFact> out) {
            out.add(fact(
                    PracticeFact.REGISTER_PRACTICE,
                    "/api/practices",
                    map(
                            "practiceId",
                            id,
                            "name",
                            "Springfield Ketamine Clinic " + id,
                            "address",
                            ADDRESS,
                            "deaNumber",
                            deaNumber(id),
                            "deaRegistrationExpiresOn",
                            "2030-06-30",
                            "authorizedSchedules",
                            List.of("III", "IIIN", "IV"),
                            "timeZone",
                            "America/Chicago",
                            "phone",
                            "2175550100",
                            "contactName",
                            "Dr. Mira Patel",
                            "occurredAt",
                            at(0, 420).toString()),
                    null,
                    at(0, 420)));
            for (String location : List.of(SAFE, CABINET)) {
                out.add(fact(
                        "REGISTER_LOCATION",
                        base + "/locations",
                        map(
                                "locationId",
                                location,
                                "name",
                                location.equals(SAFE) ? "Pharmacy room safe" : "Treatment room cabinet",
                                "kind",
                                location.equals(SAFE) ? "SAFE" : "LOCKED_CABINET",
                                "refrigerated",
                                false,
                                "occurredAt",
                                at(0, 425).toString()),
                        null,
                        at(0, 425)));
            }
            out.add(fact(
                    "REGISTER_PRODUCT",
                    base + "/products",
                    map(
                            "ndc", NDC,
                            "name", "Ketamine HCl 50 mg/mL",
                            "substance", "KETAMINE",
                            "dosageForm", "INJECTABLE_SOLUTION",
                            "finishedForm", "ketamine HCl injection 50 mg/mL",
                            "unit", "ML",
                            "milligramsPerUnit", 50,
                            "containerSize", 10,
                            "occurredAt", at(0, 430).toString()),
                    null,
                    at(0, 430)));
            PracticeFact prescriber = practitioner(
                    PRESCRIBER,
                    "Dr. Mira Patel",
                    List.of("PRESCRIBER"),
                    deaNumber("BP", id + ":" + PRESCRIBER),
                    licence(PRESCRIBER),
                    map("expiresOn", "2030-06-30", "schedules", List.of("III", "IIIN")));
            out.add(withIdentity(prescriber, map("given", "Mira", "family", "Patel"), "1234567893"));
            out.add(practitioner(THERAPIST, "Sam Okafor, LCSW", List.of("THERAPIST"), null, null, null));
            for (String nurse : nurses) {
                out.add(practitioner(
                        nurse, "Nurse " + nurse.toUpperCase(), List.of("NURSE"), null, licence(nurse), null));
            }
            openHistoryImport(out);
            receive(0, 480, out);
            initialInventory(out);
        }

        /** Each practitioner's own state licence: a licence number belongs to one person. */
        private Map<String, Object> licence(String practitionerId) {
            String number = String.format("%06d", Math.floorMod((id + ":" + practitionerId).hashCode(), 1_000_000));
            return map("number", "IL-041-" + number, "state", "IL", "expiresOn", "2030-05-31");
        }

        /**
         * The paper register the history is transcribed from, opened as a history import: its stock entries
         * are marked as imported rather than each flagged as a late entry.
         */
        private void openHistoryImport(ArrayDeque<PracticeFact> out) {
            LocalDate lastDay = firstDay.plusDays(days);
            String document = "Paper controlled-substance register of " + id + ", " + firstDay + " to " + lastDay;
            out.add(fact(
                    "OPEN_HISTORY_IMPORT",
                    base + "/history-imports",
                    map(
                            "importId",
                            IMPORT_ID,
                            "sourceDocument",
                            document,
                            "sourceSha256",
                            sha256(document),
                            "coversFrom",
                            firstDay.toString(),
                            "coversTo",
                            lastDay.toString(),
                            "attestedBy",
                            PRESCRIBER),
                    PRESCRIBER,
                    settings.end()));
        }

        /**
         * The initial inventory (21 CFR 1304.11(b)) on the day the practice starts, of the stock on hand
         * after its first receipt.
         */
        private void initialInventory(ArrayDeque<PracticeFact> out) {
            Instant t = at(0, 490);
            out.add(fact(
                    "COUNT",
                    lotPath(SAFE, lot) + "/counts",
                    map(
                            "kind",
                            "INITIAL",
                            "timing",
                            "OPENING_OF_BUSINESS",
                            "counted",
                            map("amount", balance.toPlainString(), "unit", "ML"),
                            "exact",
                            true,
                            "countedBy",
                            nurses.get(0),
                            "witnessedBy",
                            PRESCRIBER,
                            "occurredAt",
                            t.toString(),
                            "lateEntry",
                            lateEntry(TRANSCRIBED, nurses.get(0))),
                    nurses.get(0),
                    t));
        }

        /** The practitioner's legal name and NPI, as the PDMP file names a prescriber. */
        private static PracticeFact withIdentity(PracticeFact registration, Map<String, Object> legalName, String npi) {
            Map<String, Object> body = new LinkedHashMap<>(registration.body());
            body.put("legalName", legalName);
            body.put("npi", npi);
            return new PracticeFact(
                    registration.kind(),
                    registration.practiceId(),
                    registration.path(),
                    body,
                    registration.practitionerId(),
                    registration.occurredAt(),
                    registration.keepIdAs(),
                    registration.keepEventIdAs());
        }

        private PracticeFact practitioner(
                String practitionerId,
                String name,
                List<String> roles,
                String deaNumber,
                Map<String, Object> licence,
                Map<String, Object> deaRegistration) {
            return fact(
                    "REGISTER_PRACTITIONER",
                    base + "/practitioners",
                    map(
                            "practitionerId", practitionerId,
                            "name", name,
                            "roles", roles,
                            "deaNumber", deaNumber,
                            "licence", licence,
                            "deaRegistration", deaRegistration,
                            "occurredAt", at(0, 435).toString()),
                    null,
                    at(0, 435));
        }

        private void onboard(Client client, int day, ArrayDeque<PracticeFact> out) {
            String path = base + "/clients/" + client.id;
            int minute = 600 + random.nextInt(360);
            Instant t = at(day, minute);
            out.add(fact(
                    "REGISTER_CLIENT",
                    base + "/clients",
                    map(
                            "clientId", client.id,
                            "legalName", map("given", client.given, "family", client.family),
                            "dateOfBirth",
                                    LocalDate.of(
                                                    1960 + random.nextInt(40),
                                                    1 + random.nextInt(12),
                                                    1 + random.nextInt(28))
                                            .toString(),
                            "address",
                                    map(
                                            "line1",
                                            (1 + random.nextInt(400)) + " Elm St",
                                            "city",
                                            "Springfield",
                                            "state",
                                            "IL",
                                            "postalCode",
                                            "62702"),
                            "occurredAt", t.toString()),
                    null,
                    t));
            Instant signed = t.plus(Duration.ofMinutes(10));
            out.add(fact(
                    "SIGN_CONSENT",
                    path + "/consents",
                    map(
                            "document",
                                    map(
                                            "documentId",
                                            "KAP-CONSENT",
                                            "version",
                                            "3",
                                            "revisionDate",
                                            firstDay.minusMonths(3).toString()),
                            "signedAt", signed.toString(),
                            "signedBy", "the client",
                            "witnessedBy", "Front desk",
                            "risksAcknowledged", List.of("dissociation", "elevated blood pressure", "nausea"),
                            "routes", List.of(client.route),
                            "careModels", List.of("ADMINISTERED")),
                    null,
                    signed));
            Instant cleared = t.plus(Duration.ofMinutes(20));
            out.add(fact(
                    "RECORD_CLEARANCE",
                    path + "/clearances",
                    map(
                            "source",
                            "IN_HOUSE_PRESCRIBER",
                            "practitionerId",
                            PRESCRIBER,
                            "clinician",
                            "Dr. Mira Patel",
                            "clearedAt",
                            cleared.toString(),
                            "maxSystolicMmHg",
                            160,
                            "maxDiastolicMmHg",
                            100),
                    PRESCRIBER,
                    cleared));
            Instant weighed = t.plus(Duration.ofMinutes(25));
            out.add(fact(
                    "RECORD_WEIGHT",
                    path + "/weights",
                    map(
                            "kilograms",
                            client.kilograms.toPlainString(),
                            "measuredBy",
                            nurses.get(0),
                            "occurredAt",
                            weighed.toString()),
                    nurses.get(0),
                    weighed));
            Instant planned = t.plus(Duration.ofMinutes(30));
            out.add(fact(
                    "APPROVE_PLAN",
                    path + "/treatment-plans",
                    map(
                            "terms",
                            map(
                                    "dosingSessions", 100,
                                    "preparationSessions", 1,
                                    "integrationSessions", 100,
                                    "route", client.route,
                                    "minDose", 25,
                                    "maxDose", 150,
                                    "maxSingleDose", 150,
                                    "minIntervalDays", 2,
                                    "doseBasis", "MG"),
                            "approvedBy",
                            PRESCRIBER,
                            "occurredAt",
                            planned.toString()),
                    PRESCRIBER,
                    planned));
            Instant prepared = t.plus(Duration.ofMinutes(60));
            out.add(fact(
                    "PREPARATION_SESSION",
                    path + "/therapy-sessions",
                    map(
                            "kind",
                            "PREPARATION",
                            "therapistId",
                            THERAPIST,
                            "durationMinutes",
                            90,
                            "occurredAt",
                            prepared.toString()),
                    THERAPIST,
                    prepared));
        }

        /** Up to sessionsPerWeek sessions this week, one per client, taking the clients in turn. */
        private void planWeek(int day, DayOfWeek weekday) {
            week.clear();
            int monday = day - (weekday.getValue() - 1);
            List<Client> ready =
                    clients.stream().filter(c -> c.startDay + 3 <= monday + 4).toList();
            if (ready.isEmpty()) {
                return;
            }
            int wanted = Math.min(settings.sessionsPerWeek(), ready.size());
            for (int k = 0; k < wanted; k++) {
                Client client = ready.get(nextClient++ % ready.size());
                int slotDay = monday + k % 5;
                if (slotDay < day || slotDay < client.startDay + 3) {
                    continue;
                }
                week.add(new Slot(client, slotDay, 480 + (k / 5 % 12) * 45));
            }
        }

        private void dosingSession(Slot slot, ArrayDeque<PracticeFact> out) {
            Client client = slot.client();
            Instant t = at(slot.day(), slot.minuteOfDay());
            if (t.plus(Duration.ofHours(3)).isAfter(settings.end())) {
                return;
            }
            String sessionId = "s-" + client.id + "-" + (++client.sessions);
            String session = base + "/sessions/" + sessionId;
            String nurse = nurses.get(sessions % nurses.size());
            String witness = nurses.get((sessions + 1) % nurses.size());
            sessions++;
            boolean late = random.nextDouble() < settings.lateEntryRate();
            boolean shortWaste = random.nextDouble() < settings.correctionRate();
            BigDecimal dose = client.doseMg.divide(MG_PER_ML, 3, RoundingMode.UNNECESSARY);
            BigDecimal waste = new BigDecimal("0.2");
            BigDecimal drawn = dose.add(waste);
            if (balance.compareTo(drawn) < 0) {
                renewLot(slot.day(), slot.minuteOfDay() - 30, out);
            }
            out.add(fact(
                    "SCHEDULE_SESSION",
                    base + "/sessions",
                    map(
                            "sessionId",
                            sessionId,
                            "clientId",
                            client.id,
                            "substance",
                            "KETAMINE",
                            "scheduledFor",
                            t.toString()),
                    nurse,
                    t.minus(Duration.ofDays(2))));
            out.add(fact(
                    "START_SESSION",
                    session + "/start",
                    map("locationId", SAFE, "monitoredBy", nurse, "startedAt", t.toString()),
                    nurse,
                    t));
            out.add(vitals(session, nurse, t.plus(Duration.ofMinutes(5)), 128, 82, 74));
            String draws = lotPath(SAFE, lot) + "/draws";
            String drawRef = "draw-" + id + "-" + sessionId;
            String reason = late ? ENTERED_LATE : TRANSCRIBED;
            out.add(fact(
                    "DRAW",
                    draws,
                    map(
                            "quantity",
                            quantity(drawn),
                            "clientId",
                            client.id,
                            "sessionId",
                            sessionId,
                            "drawnBy",
                            nurse,
                            "occurredAt",
                            t.plus(Duration.ofMinutes(10)).toString(),
                            "lateEntry",
                            lateEntry(reason, nurse),
                            "witnessedBy",
                            witness),
                    nurse,
                    t.plus(Duration.ofMinutes(10)),
                    drawRef,
                    null));
            String draw = draws + "/{id:" + drawRef + "}";
            out.add(fact(
                    "ADMINISTRATION",
                    draw + "/administrations",
                    map(
                            "quantity", quantity(dose),
                            "route", client.route,
                            "administeredBy", nurse,
                            "occurredAt", t.plus(Duration.ofMinutes(15)).toString(),
                            "lateEntry", lateEntry(reason, nurse)),
                    nurse,
                    t.plus(Duration.ofMinutes(15))));
            BigDecimal entered = shortWaste ? new BigDecimal("0.1") : waste;
            String wasteRef = "waste-" + id + "-" + sessionId;
            out.add(fact(
                    "WASTE",
                    draw + "/waste",
                    map(
                            "quantity",
                            quantity(entered),
                            "method",
                            "expelled into drug disposal container",
                            "wastedBy",
                            nurse,
                            "witnessedBy",
                            witness,
                            "occurredAt",
                            t.plus(Duration.ofMinutes(16)).toString(),
                            "lateEntry",
                            lateEntry(reason, nurse)),
                    nurse,
                    t.plus(Duration.ofMinutes(16)),
                    null,
                    wasteRef));
            if (shortWaste) {
                out.add(fact(
                        "CORRECTION",
                        lotPath(SAFE, lot) + "/corrections",
                        map(
                                "correctedEventId",
                                "{event:" + wasteRef + "}",
                                "correctedQuantity",
                                quantity(waste),
                                "reason",
                                "Waste entered as 0.1 mL; 0.2 mL was wasted, as the witness confirms",
                                "correctedBy",
                                nurse,
                                "approvedBy",
                                PRESCRIBER,
                                "occurredAt",
                                t.plus(Duration.ofMinutes(40)).toString(),
                                "lateEntry",
                                lateEntry(TRANSCRIBED, nurse)),
                        nurse,
                        t.plus(Duration.ofMinutes(40))));
            }
            balance = balance.subtract(drawn);
            out.add(vitals(session, nurse, t.plus(Duration.ofMinutes(45)), 138, 88, 80));
            out.add(fact(
                    "DISCHARGE",
                    session + "/discharge",
                    map(
                            "criteriaMet",
                            true,
                            "escort",
                            "Partner",
                            "dischargedBy",
                            nurse,
                            "dischargedAt",
                            t.plus(Duration.ofMinutes(120)).toString()),
                    nurse,
                    t.plus(Duration.ofMinutes(120))));
            Instant integration = t.plus(Duration.ofDays(1));
            if (integration.isBefore(settings.end())) {
                out.add(fact(
                        "INTEGRATION_SESSION",
                        base + "/clients/" + client.id + "/therapy-sessions",
                        map(
                                "kind",
                                "INTEGRATION",
                                "therapistId",
                                THERAPIST,
                                "dosingSessionId",
                                sessionId,
                                "durationMinutes",
                                60,
                                "occurredAt",
                                integration.toString()),
                        THERAPIST,
                        integration));
            }
        }

        private PracticeFact vitals(String session, String nurse, Instant at, int systolic, int diastolic, int pulse) {
            return fact(
                    "VITALS",
                    session + "/vitals",
                    map(
                            "systolicMmHg", systolic + random.nextInt(10),
                            "diastolicMmHg", diastolic + random.nextInt(6),
                            "heartRateBpm", pulse + random.nextInt(10),
                            "spo2Percent", 96 + random.nextInt(4),
                            "takenBy", nurse,
                            "takenAt", at.toString()),
                    nurse,
                    at);
        }

        private void renewLot(int day, int minuteOfDay, ArrayDeque<PracticeFact> out) {
            if (balance.signum() > 0) {
                out.add(fact(
                        "DESTRUCTION",
                        lotPath(SAFE, lot) + "/destructions",
                        map(
                                "quantity", quantity(balance),
                                "method", "rendered non-retrievable in a drug disposal container",
                                "place", "Pharmacy room",
                                "destroyedBy", nurses.get(0),
                                "witnessedBy", List.of(nurses.get(1), PRESCRIBER),
                                "occurredAt", at(day, minuteOfDay - 5).toString(),
                                "lateEntry", lateEntry(TRANSCRIBED, nurses.get(0))),
                        nurses.get(0),
                        at(day, minuteOfDay - 5)));
            }
            receive(day, minuteOfDay, out);
        }

        private void receive(int day, int minuteOfDay, ArrayDeque<PracticeFact> out) {
            lot = "L" + (++lots) + "-" + Long.toHexString(Math.abs(settings.seed() % 0xffff));
            balance = VIAL_ML.multiply(BigDecimal.valueOf(VIALS_PER_RECEIPT));
            out.add(fact(
                    "RECEIPT",
                    lotPath(SAFE, lot) + "/receipts",
                    map(
                            "expiresOn", firstDay.plusDays(day).plusYears(2).toString(),
                            "containers", VIALS_PER_RECEIPT,
                            "supplier", SUPPLIER,
                            "invoiceNumber", "INV-" + id + "-" + lots,
                            "receivedBy", nurses.get(0),
                            "occurredAt", at(day, minuteOfDay).toString(),
                            "lateEntry", lateEntry(TRANSCRIBED, nurses.get(0))),
                    nurses.get(0),
                    at(day, minuteOfDay)));
        }

        private void transferToCabinet(int day, ArrayDeque<PracticeFact> out) {
            BigDecimal moved = new BigDecimal("5");
            if (balance.compareTo(moved.add(new BigDecimal("10"))) < 0) {
                return;
            }
            Instant t = at(day, 1020);
            out.add(fact(
                    "TRANSFER",
                    lotPath(SAFE, lot) + "/transfers",
                    map(
                            "toLocationId", CABINET,
                            "quantity", quantity(moved),
                            "transferredBy", nurses.get(0),
                            "witnessedBy", nurses.get(1),
                            "occurredAt", t.toString(),
                            "lateEntry", lateEntry(TRANSCRIBED, nurses.get(0))),
                    nurses.get(0),
                    t));
            balance = balance.subtract(moved);
            cabinet = moved;
            cabinetLotNumber = lot;
        }

        private void loss(int day, ArrayDeque<PracticeFact> out) {
            Instant t = at(day, 1000);
            String cabinetLot = lotPath(CABINET, cabinetLotNumber);
            out.add(fact(
                    "LOSS",
                    cabinetLot + "/losses",
                    map(
                            "quantity", quantity(new BigDecimal("1")),
                            "lossType", "OTHER",
                            "description", "A vial cracked when the cabinet door was closed; 1 mL was lost",
                            "reportedBy", nurses.get(1),
                            "discoveredAt", t.toString(),
                            "lateEntry", lateEntry(TRANSCRIBED, nurses.get(1))),
                    nurses.get(1),
                    t));
            cabinet = cabinet.subtract(BigDecimal.ONE);
        }

        private void count(int day, ArrayDeque<PracticeFact> out) {
            if (lot == null) {
                return;
            }
            Instant t = at(day, 1050);
            boolean off = random.nextDouble() < settings.discrepancyRate();
            BigDecimal counted = off ? balance.subtract(new BigDecimal("0.1")).max(BigDecimal.ZERO) : balance;
            String countRef = "count-" + id + "-" + (++counts);
            String counter = nurses.get(counts % nurses.size());
            out.add(fact(
                    "COUNT",
                    lotPath(SAFE, lot) + "/counts",
                    map(
                            "kind",
                            "ROUTINE",
                            "timing",
                            "CLOSE_OF_BUSINESS",
                            "counted",
                            map("amount", counted.toPlainString(), "unit", "ML"),
                            "exact",
                            true,
                            "countedBy",
                            counter,
                            "witnessedBy",
                            PRESCRIBER,
                            "occurredAt",
                            t.toString(),
                            "lateEntry",
                            lateEntry(TRANSCRIBED, counter)),
                    counter,
                    t,
                    countRef,
                    null));
            if (off && counted.compareTo(balance) != 0) {
                Instant resolved = t.plus(Duration.ofMinutes(40));
                out.add(fact(
                        "RESOLVE_DISCREPANCY",
                        lotPath(SAFE, lot) + "/discrepancies/{id:" + countRef + "}/resolution",
                        map(
                                "explanation",
                                "Residue left in the last opened vial was not counted; recount agrees with the book less 0.1 mL",
                                "adjustToCount",
                                true,
                                "resolvedBy",
                                counter,
                                "approvedBy",
                                PRESCRIBER,
                                "occurredAt",
                                resolved.toString(),
                                "lateEntry",
                                lateEntry(TRANSCRIBED, counter)),
                        counter,
                        resolved));
                balance = counted;
            }
        }

        /**
         * A transcribed entry names the practice's history import; an entry entered a day late gives its own
         * reason and a co-signer.
         */
        private Map<String, Object> lateEntry(String reason, String actor) {
            if (TRANSCRIBED.equals(reason)) {
                return map("importId", IMPORT_ID);
            }
            return map("reason", reason, "cosignedBy", actor.equals(PRESCRIBER) ? nurses.get(0) : PRESCRIBER);
        }

        private String lotPath(String location, String lotNumber) {
            return base + "/stock/lots/" + location + "/" + NDC + "/" + lotNumber;
        }

        private PracticeFact fact(String kind, String path, Map<String, Object> body, String practitioner, Instant at) {
            return fact(kind, path, body, practitioner, at, null, null);
        }

        private PracticeFact fact(
                String kind,
                String path,
                Map<String, Object> body,
                String practitioner,
                Instant at,
                String keepIdAs,
                String keepEventIdAs) {
            return new PracticeFact(kind, id, path, body, practitioner, at, keepIdAs, keepEventIdAs);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
