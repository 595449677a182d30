package org.doseledger.core.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practice.api.HistoryImport;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.practitioner.api.PractitionerRole;
import org.doseledger.core.product.api.ProductFacts;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.doseledger.core.stock.api.PaymentType;
import org.doseledger.core.stock.api.Prescription;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.Supplier;

/** The practice, people, products and clock the stock tests share. */
final class StockFixtures {

    static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    static final String SAFE = "safe-1";
    static final String SAFE_2 = "safe-2";
    /** A location at another address, held under a DEA registration of its own. */
    static final String ANNEX = "annex-safe";

    static final String VIAL_NDC = "42023-0113-10";
    static final String AMPOULE_NDC = "42023-0114-01";
    static final StockLotRef LOT = new StockLotRef(PRACTICE, SAFE, VIAL_NDC, "L2026A");
    static final StockLotRef AMPOULE_LOT = new StockLotRef(PRACTICE, SAFE, AMPOULE_NDC, "L2026B");
    static final LocalDate EXPIRES_ON = LocalDate.of(2027, 6, 30);

    static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final Strength FIFTY_MG_PER_ML = new Strength(new BigDecimal("50"), StockUnit.ML);
    static final ProductFacts VIAL = new ProductFacts(VIAL_NDC, Substance.KETAMINE, FIFTY_MG_PER_ML, ml("10"));
    static final ProductFacts AMPOULE = new ProductFacts(AMPOULE_NDC, Substance.KETAMINE, FIFTY_MG_PER_ML, ml("1"));

    static final Supplier SUPPLIER = new Supplier(
            "Midwest Medical Supply",
            new PostalAddress("400 Depot Street", null, "Peoria", "IL", "61602"),
            "BJ6125341");

    static final Prescription PRESCRIPTION =
            new Prescription("RX-1001", LocalDate.of(2026, 11, 18), 0, PaymentType.PRIVATE_PAY);
    static final String CLIENT_ID = "c-42";
    static final String SESSION_ID = "session-1";

    static final String NURSE = "nurse-ann";
    static final String PRESCRIBER = "dr-bo";
    static final String OTHER_NURSE = "nurse-cy";
    static final String THERAPIST = "therapist-di";
    static final String MONITOR = "monitor-fay";
    static final String INACTIVE_NURSE = "nurse-ed";
    /** A second prescriber with a DEA registration, to approve what {@link #PRESCRIBER} does. */
    static final String OTHER_PRESCRIBER = "dr-hal";
    /** A prescriber whose DEA registration is not on file: may handle stock, may not prescribe or approve. */
    static final String PRESCRIBER_WITHOUT_DEA = "dr-gil";

    static final java.time.ZoneId ZONE = java.time.ZoneId.of("America/Chicago");

    /**
     * The default policies, except that a treatment plan is not required: most stock tests are about
     * stock, not plans; the plan requirement has tests of its own.
     */
    static final PracticePolicies POLICIES = new PracticePolicies(false, 25, 24, 0, false, 30, false);

    private StockFixtures() {}

    /** A history import of the practice's paper binder for 1 to 19 November 2026, opened an hour ago. */
    static final HistoryImport BINDER = new HistoryImport(
            "binder",
            "Paper binder",
            java.time.LocalDate.of(2026, 11, 1),
            java.time.LocalDate.of(2026, 11, 19),
            PRESCRIBER,
            NOW.minus(java.time.Duration.ofHours(1)),
            null);

    /** The same period imported before, and closed half an hour ago. */
    static final HistoryImport CLOSED_BINDER = new HistoryImport(
            "closed-binder",
            "Paper binder",
            java.time.LocalDate.of(2026, 11, 1),
            java.time.LocalDate.of(2026, 11, 19),
            PRESCRIBER,
            NOW.minus(java.time.Duration.ofHours(2)),
            NOW.minus(java.time.Duration.ofMinutes(30)));

    static FixtureConfiguration<StockLot> newFixture() {
        return newFixture(CLOCK);
    }

    /** The shared fixture with another server clock, for entries that occur on another day than {@link #NOW}. */
    static FixtureConfiguration<StockLot> newFixture(Clock clock) {
        return newFixture(clock, practitioners());
    }

    /** The shared fixture with other practitioners, e.g. one whose licence has expired. */
    static FixtureConfiguration<StockLot> newFixture(FakePractitioners practitioners) {
        return newFixture(CLOCK, practitioners);
    }

    /** The practitioners of the shared fixture; tests may add their own. */
    static FakePractitioners practitioners() {
        return new FakePractitioners()
                .active(PRACTICE, NURSE, PractitionerRole.NURSE)
                .active(PRACTICE, PRESCRIBER, PractitionerRole.PRESCRIBER)
                .active(PRACTICE, OTHER_NURSE, PractitionerRole.NURSE)
                .active(PRACTICE, THERAPIST, PractitionerRole.THERAPIST)
                .active(PRACTICE, MONITOR, PractitionerRole.MONITOR)
                .inactive(PRACTICE, INACTIVE_NURSE, PractitionerRole.NURSE)
                .active(PRACTICE, OTHER_PRESCRIBER, PractitionerRole.PRESCRIBER)
                .activeWithoutDea(PRACTICE, PRESCRIBER_WITHOUT_DEA, PractitionerRole.PRESCRIBER);
    }

    /** The shared fixture with other consents, e.g. a client who has none. */
    static FixtureConfiguration<StockLot> newFixture(FakeConsents consents) {
        return newFixture(CLOCK, practitioners(), consents);
    }

    /** The shared fixture with a treatment plan and dosing history. */
    static FixtureConfiguration<StockLot> newFixture(FakeDosingHistory history) {
        return newFixture(history, POLICIES);
    }

    /** The shared fixture with a dosing history and the practice's policies. */
    static FixtureConfiguration<StockLot> newFixture(FakeDosingHistory history, PracticePolicies policies) {
        return newFixture(CLOCK, practitioners(), new FakeConsents(), history, policies);
    }

    private static FixtureConfiguration<StockLot> newFixture(Clock clock, FakePractitioners practitioners) {
        return newFixture(clock, practitioners, new FakeConsents());
    }

    private static FixtureConfiguration<StockLot> newFixture(
            Clock clock, FakePractitioners practitioners, FakeConsents consents) {
        return newFixture(clock, practitioners, consents, new FakeDosingHistory(), POLICIES);
    }

    private static FixtureConfiguration<StockLot> newFixture(
            Clock clock,
            FakePractitioners practitioners,
            FakeConsents consents,
            FakeDosingHistory history,
            PracticePolicies policies) {
        FixtureConfiguration<StockLot> fixture = new AggregateTestFixture<>(StockLot.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new FakePractices()
                .with(PRACTICE, ZONE)
                .policies(policies)
                .historyImport(BINDER)
                .historyImport(CLOSED_BINDER));
        fixture.registerInjectableResource(
                new FakeCatalogue().with(PRACTICE, VIAL).with(PRACTICE, AMPOULE));
        fixture.registerInjectableResource(new FakeLocations()
                .with(PRACTICE, SAFE)
                .with(PRACTICE, SAFE_2)
                .elsewhere(PRACTICE, ANNEX, "BA6125341"));
        fixture.registerInjectableResource(new FakeClients().with(new ClientRef(PRACTICE, CLIENT_ID)));
        fixture.registerInjectableResource(practitioners);
        fixture.registerInjectableResource(consents);
        fixture.registerInjectableResource(history);
        fixture.registerInjectableResource(sessions());
        return fixture;
    }

    /** The shared fixture's session, in progress for the shared client. */
    static FakeSessions sessions() {
        return new FakeSessions().inProgress(PRACTICE, SESSION_ID, CLIENT_ID);
    }

    static Quantity ml(String amount) {
        return Quantity.of(amount, StockUnit.ML);
    }

    static BigDecimal mg(String amount) {
        return new BigDecimal(amount);
    }
}
