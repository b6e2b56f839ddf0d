package vn.qms.doccontrol.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries the design relies on, checked on every build. */
@AnalyzeClasses(packages = "vn.qms.doccontrol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideNeverImportsTheCommandSide = noClasses()
            .that().resideInAPackage("vn.qms.doccontrol.query..")
            .should().dependOnClassesThat().resideInAPackage("vn.qms.doccontrol.command..");

    @ArchTest
    static final ArchRule commandSideNeverImportsTheQuerySide = noClasses()
            .that().resideInAPackage("vn.qms.doccontrol.command..")
            .should().dependOnClassesThat().resideInAPackage("vn.qms.doccontrol.query..");

    @ArchTest
    static final ArchRule sharedEventsDependOnNothingOfOurs = noClasses()
            .that().resideInAPackage("vn.qms.doccontrol.events..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "vn.qms.doccontrol.platform..", "vn.qms.doccontrol.command..", "vn.qms.doccontrol.query..", "vn.qms.doccontrol.app..");

    @ArchTest
    static final ArchRule sharedEventsStayFreeOfInfrastructure = noClasses()
            .that().resideInAPackage("vn.qms.doccontrol.events..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml..");

    @ArchTest
    static final ArchRule theDomainKeepsMongoDbOut = noClasses()
            .that().resideInAPackage("vn.qms.doccontrol.command.document..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "org.springframework.web..");

    @ArchTest
    static final ArchRule platformKnowsNoSide = noClasses()
            .that().resideInAPackage("vn.qms.doccontrol.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.qms.doccontrol.command..", "vn.qms.doccontrol.query..");
}
