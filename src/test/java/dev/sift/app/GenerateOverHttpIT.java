package dev.sift.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.config.Credentials;
import dev.sift.core.config.SecretResolver;
import dev.sift.core.job.ExecutorJobRunner;
import dev.sift.core.job.JobEvent;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.Usage;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.engine.Budget;
import dev.sift.core.llm.engine.CostMeter;
import dev.sift.core.llm.engine.EngineSettings;
import dev.sift.core.llm.engine.RetryPolicy;
import dev.sift.core.llm.testing.ScriptedOpenAiServer;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.SampleContent;
import dev.sift.core.pipeline.GenerateResponsesJob;
import dev.sift.core.pipeline.GenerateResponsesSpec;
import dev.sift.core.pipeline.RunSummary;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generation run through the whole stack (call log and cache, engine with retries, OkHttp client)
 * against a loopback server that injects the failures real servers produce. Every sample ends either
 * with its answer or with a clear reason; nothing hangs, nothing is lost, and a resume pays only for
 * what had not been answered.
 */
class GenerateOverHttpIT {

    private static final int ATTEMPTS = 3;

    @TempDir
    Path dir;

    private ScriptedOpenAiServer server;
    private ProjectStore store;
    private LlmAccess access;
    private Agent agent;
    private Dataset dataset;

    @BeforeEach
    void setUp() throws Exception {
        server = ScriptedOpenAiServer.start();
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        var retry = RetryPolicy.defaults().withMaxAttempts(ATTEMPTS)
                .withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(20)).withMaxWait(Duration.ofSeconds(2));
        access = new LlmAccess(new SecretResolver(Map.of(), new Credentials(dir.resolve("credentials"))),
                EngineSettings.defaults().withRetry(retry));
        Endpoint endpoint = store.endpoints().add(Endpoint.openAi("local", server.baseUrl(), ""));
        agent = store.agents().add(new Agent(0, "answerer", endpoint.id(), "", "tiny", AgentRole.RESPONDER, "", "{}"));
        dataset = store.datasets().importDataset(new NewDataset("d", "d.json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 1; i <= 6; i++) {
                sink.add(i - 1, SampleContent.single("Question " + i, "", ""));
            }
        });
    }

    @AfterEach
    void tearDown() {
        store.close();
        server.close();
    }

    private void ok(String text) {
        server.chatReply(text, new Usage(10, 3));
    }

    private void status(int code, Map<String, String> headers) {
        server.error(code, "{\"error\":{\"message\":\"status " + code + "\"}}", headers);
    }

    private RunSummary run(long runId, List<JobEvent> events) throws Exception {
        var client = access.forAgent(store, agent, runId, CacheMode.ON, Budget.unlimited(new CostMeter()));
        try (var runner = new ExecutorJobRunner()) {
            return runner.submit(new GenerateResponsesJob(runId, store, client, 1), events::add).result()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void transientFailuresAreRetriedPermanentOnesReportedAndAResumeRepaysNothing() throws Exception {
        ok("answer 1");
        status(429, Map.of("Retry-After", "0"));
        ok("answer 2");
        status(500, Map.of());
        status(503, Map.of());
        ok("answer 3");
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        ok("answer 4");
        server.json(200, "{\"choices\": [ {\"message\": ");                   // malformed: not retried
        for (int i = 0; i < ATTEMPTS; i++) {
            status(500, Map.of());                                           // sample 6 gives up
        }
        long runId = GenerateResponsesJob.createRun(store, dataset.id(),
                new GenerateResponsesSpec("tiny", "", ChatParameters.defaults(), 0), 7, OptionalDouble.empty()).id();
        List<JobEvent> events = new CopyOnWriteArrayList<>();

        RunSummary first = run(runId, events);

        assertThat(first.generated()).isEqualTo(4);
        assertThat(first.failed()).isEqualTo(2);
        assertThat(events).filteredOn(JobEvent.ItemFailed.class::isInstance).map(e -> ((JobEvent.ItemFailed) e).reason())
                .anySatisfy(reason -> assertThat(reason).containsIgnoringCase("json"))
                .anySatisfy(reason -> assertThat(reason).contains("after " + ATTEMPTS + " attempts"));
        assertThat(server.requestCount()).isEqualTo(1 + 2 + 3 + 2 + 1 + ATTEMPTS);

        ok("answer 5");
        ok("answer 6");
        RunSummary resumed = run(runId, new CopyOnWriteArrayList<>());

        assertThat(resumed.alreadyDone()).isEqualTo(4);
        assertThat(resumed.generated()).isEqualTo(2);
        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(server.requestCount()).as("only the two failed samples were asked again")
                .isEqualTo(1 + 2 + 3 + 2 + 1 + ATTEMPTS + 2);
        assertThat(store.candidates().listByRun(runId)).extracting(c -> c.response())
                .containsExactlyInAnyOrder("answer 1", "answer 2", "answer 3", "answer 4", "answer 5", "answer 6");
        assertThat(store.llmCalls().countByRun(runId, LlmCallStatus.OK)).isEqualTo(6);
    }

    @Test
    void aSecondRunWithTheSameRequestsIsServedFromTheCallLogAtNoCost() throws Exception {
        for (int i = 1; i <= 6; i++) {
            ok("answer " + i);
        }
        var spec = new GenerateResponsesSpec("tiny", "", ChatParameters.defaults(), 0);
        long first = GenerateResponsesJob.createRun(store, dataset.id(), spec, 7, OptionalDouble.empty()).id();
        run(first, new CopyOnWriteArrayList<>());
        long second = GenerateResponsesJob.createRun(store, dataset.id(), spec, 7, OptionalDouble.empty()).id();

        RunSummary again = run(second, new CopyOnWriteArrayList<>());

        assertThat(again.generated()).isEqualTo(6);
        assertThat(server.requestCount()).isEqualTo(6);
        assertThat(store.llmCalls().countByRun(second, LlmCallStatus.CACHED)).isEqualTo(6);
        assertThat(store.runs().find(second).orElseThrow().costUsd()).isZero();
    }
}
