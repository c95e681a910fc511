package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareDatasetsJobTest {

    @TempDir
    Path dir;

    private ProjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("project.sift"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void normalisationFoldsWidthCaseAndWhiteSpace() {
        assertThat(CompareKeys.normalise("  Ｎａｍｅ\u00a0 a\tCOLOUR\n ")).isEqualTo("name a colour");
        var normalised = new CompareKeys(false);
        assertThat(normalised.of("Name  a colour", "")).isEqualTo(normalised.of("name a COLOUR ", ""));
        assertThat(normalised.of("a", "b c")).isNotEqualTo(normalised.of("a b", "c"));
        var exact = new CompareKeys(true);
        assertThat(exact.of("Name  a colour", "")).isNotEqualTo(exact.of("name a colour", ""));
        assertThat(exact.of("Name a colour", "x")).isEqualTo(exact.of("Name a colour", "x"));
    }

    @Test
    void addsTheOtherDatasetsAnswersAsCandidatesOfMatchingSamples() throws Exception {
        Dataset base = importSamples("alpaca", SampleContent.single("Name a colour", "", "Red"),
                SampleContent.single("Add", "2+2", "4"), SampleContent.single("Unmatched", "", "x"));
        Dataset gpt4 = importSamples("alpaca-gpt4", SampleContent.single("name  a COLOUR", "", "Blue, for instance."),
                SampleContent.single("Add", "2 + 2", "Four"), SampleContent.single("Only here", "", "y"));

        CompareDatasetsSummary summary = compare(base, List.of(gpt4), false);

        long[] ids = store.samples().ids(SampleQuery.dataset(base.id()));
        List<Candidate> first = store.candidates().listBySample(ids[0]);
        assertThat(first).singleElement().satisfies(c -> {
            assertThat(c.origin()).isEqualTo(CandidateOrigin.DATASET);
            assertThat(c.source()).isEqualTo("alpaca-gpt4");
            assertThat(c.instruction()).isEqualTo("name  a COLOUR");
            assertThat(c.response()).isEqualTo("Blue, for instance.");
            assertThat(c.runId()).isEqualTo(summary.runId());
        });
        assertThat(store.candidates().listBySample(ids[1])).isEmpty(); // "2 + 2" is another input
        assertThat(summary.baseSamples()).isEqualTo(3);
        assertThat(summary.others()).containsExactly(
                new CompareDatasetsSummary.Other("alpaca-gpt4", 3, 1, 2, 0, 1, 0));
    }

    @Test
    void exactMatchingNeedsTheSameText() throws Exception {
        Dataset base = importSamples("base", SampleContent.single("Name a colour", "", "Red"),
                SampleContent.single("Add", "2+2", "4"));
        Dataset other = importSamples("other", SampleContent.single("name a colour", "", "Blue"),
                SampleContent.single("Add", "2+2", "Four"));

        CompareDatasetsSummary summary = compare(base, List.of(other), true);

        assertThat(summary.others().get(0).matched()).isEqualTo(1);
        long[] ids = store.samples().ids(SampleQuery.dataset(base.id()));
        assertThat(store.candidates().listBySample(ids[1])).extracting(Candidate::response).containsExactly("Four");
    }

    @Test
    void reRunningAddsNothingTwiceAndRecordsEachRun() throws Exception {
        Dataset base = importSamples("base", SampleContent.single("Q1", "", "A1"), SampleContent.single("Q2", "", "A2"));
        Dataset other = importSamples("other", SampleContent.single("q1", "", "B1"), SampleContent.single("q2", "", "B2"));

        CompareDatasetsSummary first = compare(base, List.of(other), false);
        CompareDatasetsSummary second = compare(base, List.of(other), false);

        assertThat(first.added()).isEqualTo(2);
        assertThat(second.added()).isZero();
        assertThat(second.others().get(0).alreadyPresent()).isEqualTo(2);
        for (long id : store.samples().ids(SampleQuery.dataset(base.id()))) {
            assertThat(store.candidates().listBySample(id)).hasSize(1);
        }
        List<Run> runs = store.runs().list().stream()
                .filter(r -> r.recipe().equals(CompareDatasetsSpec.RECIPE)).toList();
        assertThat(runs).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(r.datasetId()).isEqualTo(base.id());
        });
        var config = new ObjectMapper().readTree(runs.get(0).configJson());
        assertThat(config.path("base").asText()).isEqualTo("base");
        assertThat(config.path("with").get(0).asText()).isEqualTo("other");
        assertThat(config.path("match").asText()).isEqualTo("normalized");
    }

    @Test
    void multiTurnRecordsAnswerWithTheirLastAssistantTurnAndWithoutOneAreSkipped() throws Exception {
        Dataset base = importSamples("base", SampleContent.single("Hi", "", "Hello"),
                SampleContent.single("Plan a trip", "", "Go north."));
        Dataset chats = importSamples("chats",
                conversation(new Message(Message.USER, "hi"), new Message(Message.ASSISTANT, "Hey"),
                        new Message(Message.USER, "More?"), new Message(Message.ASSISTANT, "Last answer")),
                new SampleContent("", "plan a trip", "", "", List.of(new Message(Message.USER, "plan a trip")), ""));

        CompareDatasetsSummary summary = compare(base, List.of(chats), false);

        long[] ids = store.samples().ids(SampleQuery.dataset(base.id()));
        assertThat(store.candidates().listBySample(ids[0])).extracting(Candidate::response)
                .containsExactly("Last answer");
        assertThat(store.candidates().listBySample(ids[1])).isEmpty();
        assertThat(summary.others().get(0).noResponse()).isEqualTo(1);
        assertThat(summary.others().get(0).matched()).isEqualTo(2);
    }

    @Test
    void duplicatesInTheBaseAllGetTheCandidate() throws Exception {
        Dataset base = importSamples("base", SampleContent.single("Q", "", "A"), SampleContent.single("q ", "", "A2"));
        Dataset one = importSamples("one", SampleContent.single("Q", "", "B"));
        Dataset two = importSamples("two", SampleContent.single("Q", "", "C"));

        CompareDatasetsSummary summary = compare(base, List.of(one, two), false);

        assertThat(summary.baseDuplicates()).isEqualTo(1);
        for (long id : store.samples().ids(SampleQuery.dataset(base.id()))) {
            assertThat(store.candidates().listBySample(id)).extracting(Candidate::source).containsExactly("one", "two");
        }
        assertThat(summary.added()).isEqualTo(4);
    }

    @Test
    void aDatasetIsNotComparedWithItself() throws Exception {
        Dataset base = importSamples("base", SampleContent.single("Q", "", "A"));
        assertThatThrownBy(() -> new CompareDatasetsSpec(base, List.of(base), false))
                .hasMessageContaining("itself");
        assertThatThrownBy(() -> new CompareDatasetsSpec(base, List.of(), false)).hasMessageContaining("at least");
    }

    private CompareDatasetsSummary compare(Dataset base, List<Dataset> others, boolean exact) throws Exception {
        return new CompareDatasetsJob(new CompareDatasetsSpec(base, others, exact), store).run(TestContext.running());
    }

    private Dataset importSamples(String name, SampleContent... samples) throws Exception {
        return store.datasets().importDataset(new NewDataset(name, name + ".json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 0; i < samples.length; i++) {
                sink.add(i, samples[i]);
            }
        });
    }

    private static SampleContent conversation(Message... turns) {
        return new SampleContent("", turns[0].content(), "", turns[1].content(), List.of(turns), "");
    }
}
