package org.doseledger.core.product;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.doseledger.core.product.api.ProductRegisteredEvent;
import org.doseledger.core.product.api.ProductUnitMismatchException;
import org.doseledger.core.product.api.RegisterProductCommand;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.DosageForm;
import org.doseledger.core.shared.PracticeId;
import org.doseledger.core.shared.Quantity;
import org.doseledger.core.shared.StockUnit;
import org.doseledger.core.shared.Strength;
import org.doseledger.core.shared.Substance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final PracticeId PRACTICE = PracticeId.of("clinic-1");
    private static final String NDC = "42023-0113-10";
    private static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
    private static final Strength FIFTY_MG_PER_ML = new Strength(new BigDecimal("50"), StockUnit.ML);
    private static final Quantity TEN_ML = Quantity.of("10", StockUnit.ML);

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void canRegisterAProduct() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(
                        PRACTICE,
                        NDC,
                        "Ketamine HCl 500 mg/10 mL vial",
                        Substance.KETAMINE,
                        ControlledSchedule.IIIN,
                        DosageForm.INJECTABLE_SOLUTION,
                        "ketamine HCl injection 50 mg/mL",
                        FIFTY_MG_PER_ML,
                        TEN_ML))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductRegisteredEvent(
                        PRACTICE,
                        NDC,
                        "Ketamine HCl 500 mg/10 mL vial",
                        Substance.KETAMINE,
                        ControlledSchedule.IIIN,
                        DosageForm.INJECTABLE_SOLUTION,
                        "ketamine HCl injection 50 mg/mL",
                        FIFTY_MG_PER_ML,
                        TEN_ML,
                        NOW));
    }

    @Test
    void strengthAndContainerMustBeInTheSameUnit() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProductCommand(
                        PRACTICE,
                        "12345-678-90",
                        "Ketamine troche 200 mg",
                        Substance.KETAMINE,
                        ControlledSchedule.IIIN,
                        DosageForm.TROCHE,
                        "ketamine HCl troche 200 mg",
                        new Strength(new BigDecimal("200"), StockUnit.EACH),
                        TEN_ML))
                .expectNoEvents()
                .expectException(ProductUnitMismatchException.class);
    }
}
