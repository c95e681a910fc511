package dev.sift;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/ARCHITECTURE.md, checked on every build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sift");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void layersOnlyDependDownwards() {
        // dev.sift.Main is outside every layer: it is the one class that picks the CLI or the workbench.
        check(layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Core").definedBy("dev.sift.core..")
                .layer("App").definedBy("dev.sift.app..")
                .layer("Cli").definedBy("dev.sift.cli..")
                .layer("Ui").definedBy("dev.sift.ui..")
                .whereLayer("Ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayOnlyBeAccessedByLayers("Cli", "Ui")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("App", "Cli", "Ui"));
    }

    @Test
    void coreKnowsNoUserInterface() {
        check(noClasses().that().resideInAPackage("dev.sift.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "picocli..", "java.awt..", "javax.swing..",
                        "dev.sift.app..", "dev.sift.cli..", "dev.sift.ui.."));
    }

    @Test
    void modelIsALeaf() {
        check(classes().that().resideInAPackage("dev.sift.core.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.sift.core.model.."));
    }

    @Test
    void jdbcOnlyInTheStore() {
        check(noClasses().that().resideOutsideOfPackage("dev.sift.core.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite.."));
    }

    @Test
    void httpOnlyInTheLlmClients() {
        check(noClasses().that().resideOutsideOfPackage("dev.sift.core.llm..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "java.net.http..")
                .allowEmptyShould(true));
    }

    @Test
    void corePackagesHaveNoCycles() {
        check(slices().matching("dev.sift.core.(*)..").should().beFreeOfCycles());
    }

    @Test
    void uiFeaturesTalkOnlyThroughSharedState() {
        check(slices().matching("dev.sift.ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.sift.ui.common.."))
                .allowEmptyShould(true));
    }

    @Test
    void viewModelsDoNotTouchNodes() {
        check(classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideInAPackage("dev.sift.ui..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages(
                        "javafx.scene..", "javafx.stage..", "javafx.concurrent..")
                .allowEmptyShould(true));
    }

    @Test
    void onlyUiCommonTouchesTheFxThread() {
        check(noClasses().that().resideOutsideOfPackage("dev.sift.ui.common..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .orShould().callMethod(javafx.application.Platform.class, "isFxApplicationThread"));
    }

    @Test
    void onlyTheRunnersCreateThreads() {
        // The CLI creates one Thread object: the shutdown hook that cancels a job on Ctrl-C.
        check(noClasses().that().resideOutsideOfPackages(
                        "dev.sift.core.job..", "dev.sift.core.store.sqlite..", "dev.sift.ui.common..", "dev.sift.cli")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().callConstructor(Thread.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class));
    }

    @Test
    void standardStreamsOnlyInTheCli() {
        check(noClasses().that().resideOutsideOfPackage("dev.sift.cli..")
                .and().doNotHaveFullyQualifiedName("dev.sift.Main")
                .should(ACCESS_STANDARD_STREAMS));
    }

    @Test
    void generalCodingRules() {
        check(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
        check(NO_CLASSES_SHOULD_USE_FIELD_INJECTION);
        check(NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS);
    }

    @Test
    void namesSayWhereClassesLive() {
        check(classes().that().haveSimpleNameEndingWith("Command").and().areTopLevelClasses()
                .should().resideInAPackage("dev.sift.cli.command"));
        check(classes().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("ViewModel")
                .should().resideInAPackage("dev.sift.ui..").allowEmptyShould(true));
        check(classes().that().haveSimpleNameStartingWith("Sqlite")
                .should().resideInAPackage("dev.sift.core.store.sqlite"));
        check(noClasses().should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Helper"));
    }
}
