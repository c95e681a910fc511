package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.pipeline.StarAgentsSpec;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.testsupport.ScriptedDialogService;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarAgentsFormViewModelTest {

    @TempDir
    Path dir;

    private final WorkspaceState workspace = new WorkspaceState();
    private StarAgentsFormViewModel form;

    @BeforeEach
    void open() throws Exception {
        ProjectStore store = SqliteProjectStore.create(dir.resolve("p.sift"));
        StarAgentsProject.setUp(store, "http://127.0.0.1:9/v1");
        workspace.open(store);
        form = new StarAgentsFormViewModel(workspace.datasets());
        form.load(store);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private void fillValid() {
        pair("good").selectedProperty().set(true);
        pair("direct").selectedProperty().set(true);
        pair("direct").responseOnlyProperty().set(true);
        form.small().folderProperty().set("models/small");
        form.large().endpointProperty().set("loopback");
        form.large().modelProperty().set("big");
        form.judgeProperty().set("judge");
        form.field("k").set("2");
        form.field("batchSize").set("4");
        form.field("rounds").set("2");
        form.field("seed").set("7");
        form.field("budget").set("1.5");
    }

    private PairChoice pair(String name) {
        return form.pairs().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void offersTheProjectsDatasetsPairsEndpointsAndJudges() {
        assertThat(form.datasetProperty().get().name()).isEqualTo("seed");
        assertThat(form.pairs()).extracting(PairChoice::name).containsExactly("direct", "good", "weak");
        assertThat(pair("direct").description()).isEqualTo("keeper → weak");
        assertThat(form.endpoints()).containsExactly("", "loopback");
        assertThat(form.judges()).contains("", "judge", "good");
    }

    @Test
    void aValidFormBuildsTheSpecTheCommandLineWouldRead() {
        fillValid();

        StarAgentsSpec spec = form.spec().orElseThrow();
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(spec.pairs()).containsExactly("direct", "good");
        assertThat(spec.responseOnly()).containsExactly("direct");
        assertThat(spec.small()).isEqualTo(StarAgentsSpec.ScorerRef.local("models/small"));
        assertThat(spec.large()).isEqualTo(new StarAgentsSpec.ScorerRef("", "loopback", "big"));
        assertThat(spec.judge()).contains("judge");
        assertThat(spec.k()).isEqualTo(2);
        assertThat(spec.rounds()).isEqualTo(2);
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.budgetUsd()).hasValue(1.5);
        assertThat(StarAgentsSpec.fromJson(spec.toConfigJson(), "again")).isEqualTo(spec);
    }

    @Test
    void problemsNameTheFieldInTheSpecsOwnWords() {
        fillValid();
        form.field("k").set("5");
        assertThat(form.problemProperty().get()).contains("field 'k'").contains("between 1 and the number of pairs");
        assertThat(form.spec()).isEmpty();

        form.field("k").set("2");
        form.field("alpha").set("lots");
        assertThat(form.problemProperty().get()).contains("field 'alpha' must be a number");

        form.field("alpha").set("0.5");
        form.small().folderProperty().set("");
        assertThat(form.problemProperty().get()).contains("field 'smallScorer");

        form.small().folderProperty().set("m");
        pair("good").selectedProperty().set(false);
        pair("direct").selectedProperty().set(false);
        assertThat(form.problemProperty().get()).contains("field 'pairs'");
    }

    @Test
    void theEstimateCountsSeedsTimesKTimesCallsPerDrawAtTheEndpointsPrices() {
        fillValid();
        // 2 rounds × 4 seeds = 8 seeds, K 2; good: rewrite + respond + judge = 3, direct: respond + judge = 2 → 2.5
        // per draw rounds to 3 calls. Each call: 800 prompt chars = 200 tokens at $1/M plus 16 out at $2/M.
        assertThat(form.estimateProperty().get()).startsWith("Estimate: ≈ 48 calls (8 seeds × K 2 × 3.0 calls)");
        assertThat(form.estimateProperty().get()).contains("≈ $0.0093");
        form.field("rounds").set("0");
        assertThat(form.estimateProperty().get()).contains("12 seeds");
    }

    @Test
    void aChosenModelFolderReplacesAnEndpoint() {
        fillValid();
        form.chooseFolder(form.large(), new ScriptedDialogService().willChooseFolder(Path.of("models", "large")));
        assertThat(form.large().endpointProperty().get()).isEmpty();
        assertThat(form.spec().orElseThrow().large()).isEqualTo(StarAgentsSpec.ScorerRef.local(
                Path.of("models", "large").toString()));
    }
}
