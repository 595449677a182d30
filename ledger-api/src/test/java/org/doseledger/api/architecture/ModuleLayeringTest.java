package org.doseledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * Layering across the modules: the HTTP layer and the read models send commands and read views; they
 * never hold an aggregate, and the read models never reach into the HTTP layer.
 */
@AnalyzeClasses(packages = "org.doseledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleLayeringTest {

    /** An event-sourced aggregate of the core: a class with an {@code @AggregateIdentifier} field. */
    private static final DescribedPredicate<JavaClass> AGGREGATES = new DescribedPredicate<>("aggregates") {
        @Override
        public boolean test(JavaClass type) {
            return type.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(AggregateIdentifier.class));
        }
    };

    @ArchTest
    static final ArchRule theApiNeverTouchesAnAggregate = noClasses()
            .that()
            .resideInAnyPackage("org.doseledger.api..", "org.doseledger.projections..")
            // the wiring registers the aggregates with Axon; nothing else names them
            .and()
            .resideOutsideOfPackage("org.doseledger.api.config..")
            .should()
            .dependOnClassesThat(AGGREGATES)
            .as("the API and the read models reach aggregates only through commands");

    @ArchTest
    static final ArchRule readModelsDoNotDependOnTheApi = noClasses()
            .that()
            .resideInAPackage("org.doseledger.projections..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.doseledger.api..");

    /** The read models' feature packages form no cycle: a read model reads another's views at most one way. */
    @ArchTest
    static final ArchRule readModelPackagesAreFreeOfCycles =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("org.doseledger.projections.(*)..")
                    .should()
                    .beFreeOfCycles();

    @ArchTest
    static final ArchRule theCoreDependsOnNeitherTheApiNorTheReadModels = noClasses()
            .that()
            .resideInAPackage("org.doseledger.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.doseledger.api..", "org.doseledger.projections..");

    /**
     * Controllers answer HTTP; they reach tables only through the read models' queries and the services
     * beside them, never with SQL of their own.
     */
    @ArchTest
    static final ArchRule controllersRunNoSql = noClasses()
            .that()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .or()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
            .as("controllers reach tables only through queries and services, never with SQL of their own");
}
