package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.job.ExecutorJobRunner;
import dev.sift.core.job.JobEvent;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.cache.CachingLlmClient;
import dev.sift.core.llm.cache.ScriptedLlmClient;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.KeyRef;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key handed to a client through the environment must end up in no file of the project folder. */
class KeySecrecyTest {

    @TempDir
    Path projectFolder;

    @Test
    void aKeyFromTheEnvironmentReachesNoFileEvenWhenTheServerRepeatsIt() throws Exception {
        String key = "sk-sift-canary-" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> environment = Map.of("SIFT_CANARY_KEY", key);
        Path file = projectFolder.resolve("secret-test.sift");
        var events = Collections.synchronizedList(new ArrayList<JobEvent>());

        try (var store = SqliteProjectStore.create(file); var runner = new ExecutorJobRunner()) {
            long datasetId = store.datasets().importDataset(new NewDataset("d", "d.jsonl", DatasetFormat.ALPACA_JSONL),
                    sink -> {
                        for (int i = 0; i < 4; i++) {
                            sink.add(i, SampleContent.single("Task " + i, "", "Out " + i));
                        }
                    }).id();
            Endpoint endpoint = store.endpoints().add(Endpoint.openAi("hosted", "https://api.example.com/v1",
                    "env:SIFT_CANARY_KEY"));
            String resolved = KeyRef.parse(endpoint.keyRef()).resolveFrom(environment).orElseThrow();
            var client = fakeHttpClient(resolved);
            long runId = GenerateResponsesJob.createRun(store, datasetId,
                    new GenerateResponsesSpec("gpt-x", "", ChatParameters.defaults(), 0), 1, OptionalDouble.empty()).id();

            RunSummary summary = runner.submit(new GenerateResponsesJob(runId, store,
                    new CachingLlmClient(client, store.llmCalls(), endpoint, runId, CacheMode.ON), 1), events::add)
                    .result().get(30, TimeUnit.SECONDS);

            assertThat(summary.failed()).as("the run had errors").isEqualTo(3);
            assertThat(events).filteredOn(e -> e instanceof JobEvent.ItemFailed)
                    .extracting(e -> ((JobEvent.ItemFailed) e).reason()).hasSize(3)
                    .allSatisfy(reason -> assertThat(reason).doesNotContain(key));
            assertNoFileContains(key, "while the project is open (WAL in use)");
        }
        assertNoFileContains(key, "after the project was closed");
    }

    /** Fails calls 1-3 in ways a careless server or client might, echoing the key; answers call 4. */
    private static ScriptedLlmClient fakeHttpClient(String apiKey) {
        return new ScriptedLlmClient((n, request) -> switch (n) {
            case 1 -> throw new LlmException(LlmException.Kind.PERMANENT,
                    "HTTP 401 from hosted: sent Authorization: Bearer " + apiKey, 401, null, null);
            case 2 -> throw new LlmException(LlmException.Kind.PERMANENT,
                    "HTTP 401 from hosted: Incorrect API key provided: " + apiKey, 401, null, null);
            case 3 -> throw new LlmException(LlmException.Kind.TRANSIENT, "HTTP 500 from hosted: canary-marker", 500,
                    null, null);
            default -> ScriptedLlmClient.echo(request);
        });
    }

    private void assertNoFileContains(String key, String when) throws IOException {
        byte[] needle = key.getBytes(StandardCharsets.UTF_8);
        byte[] marker = "canary-marker".getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(projectFolder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("project files " + when).isNotEmpty();
        boolean markerSeen = false;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(indexOf(bytes, needle)).as("the key in %s %s", f.getFileName(), when).isEqualTo(-1);
            markerSeen |= indexOf(bytes, marker) >= 0;
        }
        assertThat(markerSeen).as("the scan reads the logged errors " + when).isTrue();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
