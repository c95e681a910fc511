package dev.sift.ui.testsupport;

import dev.sift.app.LlmAccess;
import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.models.HubClient;
import dev.sift.core.llm.models.ModelsDirectory;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import dev.sift.ui.common.Debouncer;
import dev.sift.ui.common.UiServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Projects and services for view-model tests. */
public final class TestProjects {

    private TestProjects() {}

    /** A new project with one dataset of {@code n} samples: "Task i about apples|pears", output "Answer i". */
    public static ProjectStore withSamples(Path dir, String name, int n) throws StoreException {
        ProjectStore store = SqliteProjectStore.create(dir.resolve(name + ".sift"));
        addDataset(store, name, n);
        return store;
    }

    public static Dataset addDataset(ProjectStore store, String name, int n) throws StoreException {
        return store.datasets().importDataset(new NewDataset(name, name + ".jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < n; i++) {
                String topic = i % 2 == 0 ? "apples" : "pears";
                sink.add(i, new SampleContent("", "Task " + i + " about " + topic, "", "Answer " + i, List.of(),
                        i % 3 == 0 ? "qa" : "writing"));
            }
        });
    }

    /** Services whose model access has no keys and a credentials file that is never written. */
    public static UiServices services(ImmediateUiJobRunner jobs, ScriptedDialogService dialogs) {
        Credentials unused = new Credentials(Path.of("target", "test-credentials-unused"));
        return services(jobs, dialogs, new LlmAccess(new SecretResolver(Map.of(), unused), EngineSettings.defaults()),
                unused);
    }

    public static UiServices services(ImmediateUiJobRunner jobs, ScriptedDialogService dialogs, LlmAccess llm,
            Credentials credentials) {
        // No test reaches the Hub through these: the models folder is empty and the client points at a closed
        // loopback port, so a download started by mistake fails at once instead of going out to the network.
        return new UiServices(jobs, dialogs, Debouncer::immediate, WordEmbedder::new, "test", () -> llm, credentials,
                () -> new ModelsDirectory(Path.of("target", "test-models-unused")),
                () -> HubClient.create("http://127.0.0.1:9", Map.of()));
    }

    /** A repository file, e.g. {@code datasets/formats/alpaca.jsonl}. */
    public static Path repoFile(String relative) {
        Path file = Path.of(relative).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing test data " + relative);
        }
        return file;
    }

    /**
     * An embedder for tests: a normalised bag of lower-case words hashed into 64 dimensions, so texts
     * with the same words are identical and unrelated texts are far apart.
     */
    public static final class WordEmbedder implements SentenceEmbedder {
        @Override
        public String modelName() {
            return "test-words";
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            var vectors = new ArrayList<float[]>(texts.size());
            for (String text : texts) {
                float[] v = new float[64];
                for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    if (!word.isEmpty()) {
                        v[Math.floorMod(word.hashCode(), 64)] += 1;
                    }
                }
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                norm = Math.max(Math.sqrt(norm), 1e-9);
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) norm;
                }
                vectors.add(v);
            }
            return vectors;
        }
    }
}
