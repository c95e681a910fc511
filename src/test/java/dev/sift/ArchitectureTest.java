package dev.sift;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        // core <- app <- {cli, ui}; cli and ui know nothing of each other. dev.sift.Main is outside every
        // layer: it is the one class that picks the CLI or the workbench.
        check(noClasses().that().resideInAPackage("dev.sift.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sift.cli..", "dev.sift.ui.."));
        check(noClasses().that().resideInAPackage("dev.sift.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.sift.ui.."));
        check(noClasses().that().resideInAPackage("dev.sift.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.sift.cli.."));
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
        Map<String, Set<String>> edges = sliceDependencies("dev.sift.core.");
        assertThat(edges).as("core packages found").containsKeys("model", "store", "dataset", "llm");
        List<String> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            findCycle(start, start, edges, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertThat(cycles).as("cycles between core packages").isEmpty();
    }

    @Test
    void uiFeaturesTalkOnlyThroughSharedState() {
        Map<String, Set<String>> edges = sliceDependencies("dev.sift.ui.");
        assertThat(edges.get("datasets")).as("features are seen using ui.common").contains("common");
        edges.forEach((feature, uses) -> {
            if (!feature.equals("common")) {
                Set<String> others = new TreeSet<>(uses);
                others.remove("common");
                assertThat(others).as("ui feature %s may use only ui.common", feature).isEmpty();
            }
        });
    }

    /** For packages {@code prefix + X + ...}: which other such packages each X depends on. */
    private static Map<String, Set<String>> sliceDependencies(String prefix) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (JavaClass c : classes) {
            String from = slice(c, prefix);
            if (from == null) {
                continue;
            }
            Set<String> targets = edges.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = slice(d.getTargetClass(), prefix);
                if (to != null && !to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return edges;
    }

    private static String slice(JavaClass c, String prefix) {
        String name = c.getPackageName() + ".";
        if (!name.startsWith(prefix) || name.length() <= prefix.length()) {
            return null;
        }
        String rest = name.substring(prefix.length());
        return rest.substring(0, rest.indexOf('.'));
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> edges, List<String> path,
            Set<String> seen, List<String> cycles) {
        for (String next : edges.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, edges, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
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
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace"));
    }

    @Test
    void generalCodingRules() {
        check(noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging.."));
        List<String> violations = new ArrayList<>();
        for (JavaClass c : classes) {
            c.getFields().forEach(f -> f.getAnnotations().forEach(a -> {
                String name = a.getRawType().getSimpleName();
                if (name.equals("Inject") || name.equals("Autowired") || name.equals("Resource")) {
                    violations.add("field injection: " + f.getFullName());
                }
            }));
            c.getConstructorCallsFromSelf().forEach(call -> {
                String owner = call.getTargetOwner().getName();
                boolean superCall = call.getOrigin().getOwner().isAssignableTo(owner) && call.getOrigin().getName().equals("<init>");
                if (!superCall && List.of("java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException",
                        "java.lang.Error").contains(owner)) {
                    violations.add("generic exception thrown: " + call.getDescription());
                }
            });
        }
        assertThat(violations).isEmpty();
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
