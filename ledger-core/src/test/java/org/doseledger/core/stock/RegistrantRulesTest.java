package org.doseledger.core.stock;

import static org.doseledger.core.stock.StockEvents.received;
import static org.doseledger.core.stock.StockFixtures.AMPOULE;
import static org.doseledger.core.stock.StockFixtures.CLIENT_ID;
import static org.doseledger.core.stock.StockFixtures.CLOCK;
import static org.doseledger.core.stock.StockFixtures.EXPIRES_ON;
import static org.doseledger.core.stock.StockFixtures.LOT;
import static org.doseledger.core.stock.StockFixtures.NURSE;
import static org.doseledger.core.stock.StockFixtures.PRACTICE;
import static org.doseledger.core.stock.StockFixtures.PRESCRIBER;
import static org.doseledger.core.stock.StockFixtures.PRESCRIPTION;
import static org.doseledger.core.stock.StockFixtures.SAFE;
import static org.doseledger.core.stock.StockFixtures.SAFE_2;
import static org.doseledger.core.stock.StockFixtures.VIAL;
import static org.doseledger.core.stock.StockFixtures.ZONE;
import static org.doseledger.core.stock.StockFixtures.ml;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.practice.api.PracticePolicies;
import org.doseledger.core.shared.ClientRef;
import org.doseledger.core.shared.PostalAddress;
import org.doseledger.core.shared.Route;
import org.doseledger.core.stock.api.DispenseDoseCommand;
import org.doseledger.core.stock.api.DoseDispensedEvent;
import org.doseledger.core.stock.api.ReceiveStockCommand;
import org.doseledger.core.stock.api.StockLotRef;
import org.doseledger.core.stock.api.Supplier;
import org.doseledger.core.stock.api.SupplierIsTheRegistrantException;
import org.doseledger.core.stock.api.TakeHomeDispensingNotPermittedException;
import org.junit.jupiter.api.Test;

/** Who the registrant deals with: the supplier of a receipt, and who dispenses take-home doses in its name. */
class RegistrantRulesTest {

    private static final String PRACTICE_DEA = "BK1234563";
    private static final String ANNEX_DEA = "BA6125341";
    private static final Instant AT = Instant.parse("2026-11-20T17:00:00Z");
    private static final PracticePolicies NURSES_DISPENSE =
            new PracticePolicies(false, 25, 24, 0, false, 30, false, true);

    private static FixtureConfiguration<StockLot> fixture(PracticePolicies policies) {
        FixtureConfiguration<StockLot> fixture = new AggregateTestFixture<>(StockLot.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(
                new FakePractices().with(PRACTICE, ZONE).policies(policies).deaNumber(PRACTICE, PRACTICE_DEA));
        fixture.registerInjectableResource(
                new FakeCatalogue().with(PRACTICE, VIAL).with(PRACTICE, AMPOULE));
        fixture.registerInjectableResource(new FakeLocations()
                .with(PRACTICE, SAFE)
                .with(PRACTICE, SAFE_2)
                .elsewhere(PRACTICE, StockFixtures.ANNEX, ANNEX_DEA));
        fixture.registerInjectableResource(new FakeClients().with(new ClientRef(PRACTICE, CLIENT_ID)));
        fixture.registerInjectableResource(StockFixtures.practitioners());
        fixture.registerInjectableResource(new FakeConsents());
        fixture.registerInjectableResource(new FakeDosingHistory());
        return fixture;
    }

    @Test
    void cannotReceiveFromASupplierWithThePracticesOwnDeaNumber() {
        Supplier itself = new Supplier(
                "Ourselves", new PostalAddress("1 Main St", null, "Springfield", "IL", "62701"), PRACTICE_DEA);

        fixture(PracticePolicies.DEFAULTS)
                .givenNoPriorActivity()
                .when(new ReceiveStockCommand(LOT, "receipt-1", EXPIRES_ON, 5, itself, "INV-1", NURSE, AT, null))
                .expectNoEvents()
                .expectException(SupplierIsTheRegistrantException.class)
                .expectExceptionMessage("The supplier's DEA number BK1234563 is practice clinic-1's own registration:"
                        + " a receipt must name the registrant that shipped the stock");
    }

    @Test
    void aLocationUnderItsOwnRegistrationReceivesFromThePracticeButNotFromItself() {
        StockLotRef annexLot = new StockLotRef(PRACTICE, StockFixtures.ANNEX, LOT.ndc(), LOT.lotNumber());
        PostalAddress main = new PostalAddress("1 Main St", null, "Springfield", "IL", "62701");

        // the practice's registration distributes to the annex's: a receipt there names the practice
        fixture(PracticePolicies.DEFAULTS)
                .givenNoPriorActivity()
                .when(new ReceiveStockCommand(
                        annexLot,
                        "receipt-1",
                        EXPIRES_ON,
                        1,
                        new Supplier("Springfield clinic", main, PRACTICE_DEA),
                        "INV-1",
                        NURSE,
                        AT,
                        null))
                .expectSuccessfulHandlerExecution();
        fixture(PracticePolicies.DEFAULTS)
                .givenNoPriorActivity()
                .when(new ReceiveStockCommand(
                        annexLot,
                        "receipt-1",
                        EXPIRES_ON,
                        1,
                        new Supplier("Annex", main, ANNEX_DEA),
                        "INV-1",
                        NURSE,
                        AT,
                        null))
                .expectNoEvents()
                .expectException(SupplierIsTheRegistrantException.class);
    }

    @Test
    void aNurseCannotDispenseATakeHomeDoseUnlessThePracticesPolicyPermitsIt() {
        fixture(PracticePolicies.DEFAULTS)
                .given(received())
                .when(dispense(NURSE))
                .expectNoEvents()
                .expectException(TakeHomeDispensingNotPermittedException.class);
    }

    @Test
    void aNurseMayDispenseATakeHomeDoseWhereThePracticesPolicyPermitsIt() {
        fixture(NURSES_DISPENSE)
                .given(received())
                .when(dispense(NURSE))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(DoseDispensedEvent.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aPrescriberDispensesATakeHomeDoseWhateverThePolicy() {
        fixture(PracticePolicies.DEFAULTS)
                .given(received())
                .when(dispense(PRESCRIBER))
                .expectSuccessfulHandlerExecution();
    }

    private static DispenseDoseCommand dispense(String dispensedBy) {
        return new DispenseDoseCommand(
                LOT,
                "dispensation-1",
                ml("2"),
                Route.SUBLINGUAL,
                CLIENT_ID,
                PRESCRIBER,
                dispensedBy,
                7,
                PRESCRIPTION,
                AT,
                null);
    }
}
