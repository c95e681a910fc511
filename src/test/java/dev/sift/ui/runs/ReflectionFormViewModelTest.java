package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.pipeline.ReflectionLoopback;
import dev.sift.core.pipeline.ReflectionSpec;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reflection launch form's logic, without a toolkit. */
class ReflectionFormViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theFormBuildsTheConfigurationAndNamesTheFieldThatIsWrong() throws Exception {
        try (ProjectStore store = SqliteProjectStore.create(dir.resolve("p.sift"))) {
            ReflectionLoopback.setUpProject(store, "http://127.0.0.1:9/v1");
            Dataset dataset = store.datasets().findByName("reflect").orElseThrow();
            var vm = new ReflectionFormViewModel(FXCollections.observableArrayList(dataset));
            vm.load(store);

            assertThat(vm.teachers()).containsExactly("teacher");
            assertThat(vm.teacherProperty().get()).as("the only teacher is chosen").isEqualTo("teacher");
            assertThat(vm.problemProperty().get()).contains("field 'student.model'");
            assertThat(vm.spec()).isEmpty();

            vm.student().folderProperty().set("/models/tiny");
            vm.field("template").set("none");
            vm.field("topK").set("2");
            vm.field("budget").set("1.5");
            vm.flag("keepOriginal").set(true);
            assertThat(vm.problemProperty().get()).isEmpty();
            ReflectionSpec spec = vm.spec().orElseThrow();
            assertThat(spec.template()).isEqualTo(PromptTemplate.NONE);
            assertThat(spec.topK()).hasValue(2);
            assertThat(spec.keepOriginal()).isTrue();
            assertThat(spec.keepQOnly()).isFalse();
            assertThat(spec.budgetUsd()).hasValue(1.5);
            assertThat(spec.maxLength()).isEqualTo(2048);
            assertThat(vm.estimateProperty().get()).startsWith("Estimate: ≈ 12 teacher calls (4 samples × 3 "
                    + "reflections, at most 24 with retries)").contains("$");

            vm.field("topK").set("zero");
            assertThat(vm.problemProperty().get()).isEqualTo("run settings: field 'topK' must be a whole number");
            vm.field("topK").set("");
            vm.field("concurrency").set("0");
            assertThat(vm.problemProperty().get()).contains("field 'concurrency' must be at least 1");
        }
    }

    @Test
    void withoutADatasetTheFormSaysSo() {
        var vm = new ReflectionFormViewModel(FXCollections.<Dataset>observableArrayList());

        assertThat(vm.problemProperty().get()).isEqualTo("field 'dataset' must name the dataset");
    }
}
