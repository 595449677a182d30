package org.doseledger.core;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import org.axonframework.serialization.Revision;

@AnalyzeClasses(packages = "org.doseledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreUsesNoFrameworkOrPersistenceTypes = noClasses()
            .that()
            .resideInAPackage("org.doseledger.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "javax.persistence..",
                    "jakarta.servlet..",
                    "org.axonframework.spring..",
                    "java.sql..");

    /**
     * A feature reaches another only through that feature's {@code api} package (its commands, events,
     * exceptions and the lookups it offers), never its aggregate or rules.
     */
    @ArchTest
    static final ArchRule featuresMeetOnlyThroughTheirApi =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("org.doseledger.core.(*)..")
                    .should()
                    .notDependOnEachOther()
                    .ignoreDependency(
                            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                    "org.doseledger.core.*.api..", "org.doseledger.core.shared.."))
                    .as("features of the core depend on each other only through their api packages");

    /** The shared kernel depends on no feature. */
    @ArchTest
    static final ArchRule sharedDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.doseledger.core.shared..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.doseledger.core.access..",
                    "org.doseledger.core.apikey..",
                    "org.doseledger.core.client..",
                    "org.doseledger.core.compliance..",
                    "org.doseledger.core.export..",
                    "org.doseledger.core.integrity..",
                    "org.doseledger.core.location..",
                    "org.doseledger.core.practice..",
                    "org.doseledger.core.practitioner..",
                    "org.doseledger.core.product..",
                    "org.doseledger.core.session..",
                    "org.doseledger.core.stock..");

    /** The features' api packages form no cycle. */
    @ArchTest
    static final ArchRule apiPackagesAreFreeOfCycles =
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("org.doseledger.core.(*).api..")
                    .should()
                    .beFreeOfCycles();

    @ArchTest
    static final ArchRule eventsAreRevisionedRecords = classes()
            .that()
            .resideInAPackage("..api..")
            .and()
            .haveSimpleNameEndingWith("Event")
            .should(beARecord())
            .andShould(beAnnotatedWithRevision());

    @ArchTest
    static final ArchRule commandsAreRecords =
            classes().that().haveSimpleNameEndingWith("Command").should(beARecord());

    private static ArchCondition<JavaClass> beARecord() {
        return new ArchCondition<>("be a record") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean isRecord = javaClass
                        .getRawSuperclass()
                        .map(superclass -> superclass.isEquivalentTo(Record.class))
                        .orElse(false);
                if (!isRecord) {
                    events.add(violated(javaClass, javaClass.getName() + " is not a record"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beAnnotatedWithRevision() {
        return new ArchCondition<>("be annotated with @Revision") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!javaClass.isAnnotatedWith(Revision.class)) {
                    events.add(violated(javaClass, javaClass.getName() + " is not annotated with @Revision"));
                }
            }
        };
    }
}
