package dev.sift.core.store.testing;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RefinementStep;
import dev.sift.core.store.SeedChunkKind;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A project as an AgentInstruct run leaves it, written through the store: a seed collection of two passages, the
 * run's transformed contents, and a dataset "generated" holding one ordinary sample and four pairs with provenance
 * (reading-comprehension: inference unrefined, inference after two rounds, main-idea after one; text-modification:
 * paraphrase unrefined).
 *
 * @param plainSampleId the ordinary sample, with no provenance
 * @param pairSampleIds the pairs' samples in the order above
 */
public record InstructFixture(Path file, long datasetId, long runId, long plainSampleId, List<Long> pairSampleIds) {

    public static final String SEED = "Tides rise twice a day because the Moon pulls the oceans toward it.";
    public static final String DEBATE = "Ana: The Moon alone makes the tides. Ben: The Sun plays its part too.";
    public static final String REFINED = "Using Ben's point, explain why spring tides are higher than neap tides.";
    public static final Map<String, String> AGENTS = Map.of(PairProvenance.TRANSFORMER, "debater",
            PairProvenance.GENERATOR, "questioner", PairProvenance.SUGGESTER, "critic", PairProvenance.EDITOR, "editor",
            PairProvenance.RESPONDER, "answerer");

    /** Creates the project at {@code dir/instruct.sift} and closes it. */
    public static InstructFixture create(Path dir) throws StoreException {
        try (ProjectStore store = SqliteProjectStore.create(dir.resolve("instruct.sift"))) {
            long collection = store.seeds().importCollection("oceans", "{}", sink -> {
                sink.add(new NewSeedChunk("oceans/tides.md", SeedChunkKind.MARKDOWN, "", 0, SEED, 16));
                sink.add(new NewSeedChunk("oceans/waves.txt", SeedChunkKind.TEXT, "", 0,
                        "Waves are wind energy moving through water.", 10));
            }).id();
            long[] chunks = store.seeds().chunkIds(collection);
            long datasetId = store.datasets().importDataset(new NewDataset("generated", "agentinstruct run",
                    DatasetFormat.ALPACA_JSONL), sink -> sink.add(0, SampleContent.single("Say hello", "", "Hello."))).id();
            long plain = store.samples().ids(dev.sift.core.store.SampleQuery.dataset(datasetId))[0];
            long runId = store.runs().create(new NewRun("agentinstruct", 0, "{}", 1, OptionalDouble.empty())).id();
            long debate = store.instruct().saveContent(runId, chunks[0], "reading-comprehension", "debate", 0, DEBATE);
            long plainText = store.instruct().saveContent(runId, chunks[1], "text-modification", "identity", 0,
                    "Waves are wind energy moving through water.");
            var steps = List.of(
                    new RefinementStep(0, List.of(), "What do spring tides depend on?"),
                    new RefinementStep(1, List.of("Ask about spring tides", "Bring in Ben's argument"),
                            "Why are spring tides higher, according to the passage?"),
                    new RefinementStep(2, List.of("Require using Ben's point"), REFINED));
            var ids = new ArrayList<Long>();
            ids.add(add(store, runId, datasetId, "What pulls the oceans?", "The Moon.",
                    new PairProvenance(debate, "reading-comprehension", "inference", 0, AGENTS, List.of())));
            ids.add(add(store, runId, datasetId, REFINED, "The Sun and Moon line up.",
                    new PairProvenance(debate, "reading-comprehension", "inference", 2, AGENTS, steps)));
            ids.add(add(store, runId, datasetId, "What is the main point of the debate?", "Tides have two causes.",
                    new PairProvenance(debate, "reading-comprehension", "main-idea", 1, AGENTS, steps.subList(0, 1))));
            ids.add(add(store, runId, datasetId, "Paraphrase: waves are wind energy.", "Wind energy travels as waves.",
                    new PairProvenance(plainText, "text-modification", "paraphrase", 0, AGENTS, List.of())));
            return new InstructFixture(store.file(), datasetId, runId, plain, List.copyOf(ids));
        }
    }

    private static long add(ProjectStore store, long runId, long datasetId, String instruction, String output,
            PairProvenance provenance) throws StoreException {
        return store.instruct().addPair(runId, datasetId, SampleContent.single(instruction, "", output), provenance)
                .sampleId();
    }
}
