package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.AddedPair;
import dev.sift.core.store.InstructProvenance;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.PairCount;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.RefinementDepth;
import dev.sift.core.store.RefinementStep;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.SeedChunkKind;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteInstructStoreTest {

    private static final Map<String, String> AGENTS = Map.of(PairProvenance.TRANSFORMER, "writer",
            PairProvenance.GENERATOR, "asker", PairProvenance.RESPONDER, "answerer");

    @TempDir
    Path dir;

    private SqliteProjectStore store;
    private long runId;
    private long datasetId;
    private long chunkId;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        long collection = store.seeds().importCollection("seeds", "{}", sink -> sink.add(new NewSeedChunk("tides.md",
                SeedChunkKind.MARKDOWN, "", 0, "Tides follow the moon.", 5))).id();
        chunkId = store.seeds().chunkIds(collection)[0];
        datasetId = store.datasets().importDataset(new NewDataset("generated", "agentinstruct", DatasetFormat.ALPACA_JSONL),
                sink -> sink.add(0, SampleContent.single("Existing task", "", "Existing answer"))).id();
        runId = store.runs().create(new NewRun("agentinstruct", 0, "{}", 7, OptionalDouble.empty())).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long content(String transformation) throws StoreException {
        return store.instruct().saveContent(runId, chunkId, "reading-comprehension", transformation, 0,
                transformation + " about tides");
    }

    private static PairProvenance provenance(long contentId, String type, int rounds) {
        var steps = new java.util.ArrayList<RefinementStep>();
        for (int r = 1; r <= rounds; r++) {
            steps.add(new RefinementStep(r, List.of("harder " + r, "add context " + r), "Refined question " + r));
        }
        return new PairProvenance(contentId, "reading-comprehension", type, rounds, AGENTS, steps);
    }

    @Test
    void savingTheSameContentAgainReturnsTheExistingRow() throws StoreException {
        long first = content("debate");
        long again = store.instruct().saveContent(runId, chunkId, "reading-comprehension", "debate", 0, "other text");
        long other = content("poem");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(store.instruct().contents(runId)).extracting(c -> c.transformation() + ":" + c.text())
                .containsExactly("debate:debate about tides", "poem:poem about tides");
        assertThat(store.instruct().content(first).orElseThrow().seedChunkId()).isEqualTo(chunkId);
    }

    @Test
    void aPairBecomesTheNextSampleOfTheDatasetWithItsProvenance() throws StoreException {
        long contentId = content("debate");
        var sample = new SampleContent("Be brief.", "Why do tides rise?", "", "The moon pulls the sea.", List.of(), "");

        AddedPair added = store.instruct().addPair(runId, datasetId, sample, provenance(contentId, "inference", 2));

        assertThat(added.duplicate()).isFalse();
        Dataset dataset = store.datasets().find(datasetId).orElseThrow();
        assertThat(dataset.records()).isEqualTo(2);
        assertThat(dataset.samples()).isEqualTo(2);
        Sample stored = store.samples().fetch(new long[] {added.sampleId()}, 0, 1).get(0);
        assertThat(stored.recordIndex()).isEqualTo(1);
        assertThat(stored.content()).isEqualTo(sample);

        InstructProvenance lineage = store.instruct().provenance(added.sampleId()).orElseThrow();
        assertThat(lineage.pair().runId()).isEqualTo(runId);
        assertThat(lineage.pair().provenance()).isEqualTo(provenance(contentId, "inference", 2));
        assertThat(lineage.pair().provenance().agents()).containsEntry(PairProvenance.GENERATOR, "asker");
        assertThat(lineage.pair().provenance().steps().get(1).suggestions()).containsExactly("harder 2",
                "add context 2");
        assertThat(lineage.content().text()).isEqualTo("debate about tides");
        assertThat(lineage.seed().orElseThrow().text()).isEqualTo("Tides follow the moon.");
        assertThat(store.instruct().pair(added.sampleId())).contains(lineage.pair());
        long original = store.samples().ids(SampleQuery.dataset(datasetId))[0];
        assertThat(store.instruct().pair(original)).isEmpty();
        assertThat(store.instruct().provenance(original)).isEmpty();
    }

    @Test
    void aDuplicatePairIsReportedAndCountedNotInsertedTwice() throws StoreException {
        long contentId = content("debate");
        var sample = SampleContent.single("Why do tides rise?", "", "The moon.");
        AddedPair first = store.instruct().addPair(runId, datasetId, sample, provenance(contentId, "inference", 0));

        AddedPair second = store.instruct().addPair(runId, datasetId, sample, provenance(contentId, "main-idea", 1));
        AddedPair existing = store.instruct().addPair(runId, datasetId,
                SampleContent.single("Existing task", "", "Existing answer"), provenance(contentId, "inference", 0));

        assertThat(second).isEqualTo(new AddedPair(first.sampleId(), true));
        assertThat(existing.duplicate()).isTrue();
        Dataset dataset = store.datasets().find(datasetId).orElseThrow();
        assertThat(dataset.samples()).isEqualTo(2);
        assertThat(dataset.records()).isEqualTo(4);
        assertThat(dataset.duplicates()).isEqualTo(2);
        assertThat(store.instruct().pairs(runId)).hasSize(1);
        assertThat(store.instruct().pair(first.sampleId()).orElseThrow().provenance().instructionType())
                .isEqualTo("inference");
    }

    @Test
    void aPairOfUnknownContentIsRefusedAndLeavesTheDatasetAsItWas() throws StoreException {
        assertThatThrownBy(() -> store.instruct().addPair(runId, datasetId, SampleContent.single("Q", "", "A"),
                provenance(999, "inference", 0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("content 999");
        assertThatThrownBy(() -> store.instruct().addPair(runId, 555, SampleContent.single("Q", "", "A"),
                provenance(content("debate"), "inference", 0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("No dataset with id 555");

        assertThat(store.samples().count(SampleQuery.dataset(datasetId))).isEqualTo(1);
        assertThat(store.datasets().find(datasetId).orElseThrow().records()).isEqualTo(1);
    }

    @Test
    void countsPairsPerSkillAndTypeAndRefinementDepth() throws StoreException {
        long debate = content("debate");
        long poem = content("poem");
        store.instruct().addPair(runId, datasetId, SampleContent.single("Q1", "", "A"), provenance(debate, "inference", 0));
        store.instruct().addPair(runId, datasetId, SampleContent.single("Q2", "", "A"), provenance(poem, "inference", 2));
        store.instruct().addPair(runId, datasetId, SampleContent.single("Q3", "", "A"), provenance(poem, "main-idea", 2));
        store.instruct().addPair(runId, datasetId, new SampleContent("", "Hi", "", "Hello", List.of(
                new Message(Message.USER, "Hi"), new Message(Message.ASSISTANT, "Hello"),
                new Message(Message.USER, "More?"), new Message(Message.ASSISTANT, "Sure.")), ""),
                new PairProvenance(debate, "conversation", "follow-up", 1, AGENTS, List.of()));

        List<PairCount> expected = List.of(new PairCount("conversation", "follow-up", 1),
                new PairCount("reading-comprehension", "inference", 2),
                new PairCount("reading-comprehension", "main-idea", 1));
        assertThat(store.instruct().pairCountsOfDataset(datasetId)).isEqualTo(expected);
        assertThat(store.instruct().pairCountsOfRun(runId)).isEqualTo(expected);
        List<RefinementDepth> depths = List.of(new RefinementDepth(0, 1), new RefinementDepth(1, 1),
                new RefinementDepth(2, 2));
        assertThat(store.instruct().refinementDepthsOfDataset(datasetId)).isEqualTo(depths);
        assertThat(store.instruct().refinementDepthsOfRun(runId)).isEqualTo(depths);
        assertThat(store.instruct().pairCountsOfRun(runId + 1)).isEmpty();

        store.datasets().delete(datasetId);
        assertThat(store.instruct().pairs(runId)).as("pairs go with their samples").isEmpty();
    }
}
