package dev.sift.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A ui feature may use ui.common and the shared WorkspaceState of the ui root, nothing else of the ui. */
class UiArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sift.ui");

    @Test
    void featuresUseOnlyCommonAndTheSharedState() {
        noClasses().that().resideInAnyPackage("dev.sift.ui.(*)..").and().resideOutsideOfPackage("dev.sift.ui.common..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "ui root classes other than WorkspaceState",
                        c -> c.getPackageName().equals("dev.sift.ui") && !c.getSimpleName().equals("WorkspaceState")))
                .check(classes);
    }

    @Test
    void commonKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.sift.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sift.ui")
                .check(classes);
    }
}
