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
