package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.ExecutorJobRunner;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.JobHandle;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.cache.CacheMode;
import dev.sift.core.llm.cache.CachingLlmClient;
import dev.sift.core.llm.cache.ScriptedLlmClient;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateResponsesJobTest {

    static final int SAMPLES = 6;
    static final GenerateResponsesSpec SPEC =
            new GenerateResponsesSpec("qwen2.5-7b", "You are helpful.", ChatParameters.defaults().withMaxTokens(64), 0);

    @TempDir
    Path dir;

    Path file;
    SqliteProjectStore store;
    Endpoint endpoint;
    long datasetId;
    final ExecutorJobRunner runner = new ExecutorJobRunner();
    final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open() throws StoreException {
        file = dir.resolve("project.sift");
        store = SqliteProjectStore.create(file);
        datasetId = store.datasets().importDataset(new NewDataset("seed", "seed.jsonl", DatasetFormat.ALPACA_JSONL),
                sink -> {
                    for (int i = 0; i < SAMPLES; i++) {
                        sink.add(i, SampleContent.single("Task " + i, i == 0 ? "with input" : "", "Out " + i));
                    }
                }).id();
        endpoint = store.endpoints().add(new Endpoint(0, "hosted", EndpointKind.OPENAI, "https://api.example.com/v1",
                "", "env:SIFT_TEST_KEY", 4, OptionalInt.empty(), OptionalInt.empty(), 1.0, 2.0, ""));
    }

    @AfterEach
    void close() {
        runner.close();
        store.close();
    }

    long newRun() throws StoreException {
        return GenerateResponsesJob.createRun(store, datasetId, SPEC, 1234, OptionalDouble.empty()).id();
    }

    LlmClient caching(ProjectStore project, LlmClient delegate, long runId) {
        return new CachingLlmClient(delegate, project.llmCalls(), endpoint, runId, CacheMode.ON);
    }

    JobHandle<RunSummary> submit(ProjectStore project, long runId, LlmClient client) {
        return submit(project, runId, client, 1);
    }

    JobHandle<RunSummary> submit(ProjectStore project, long runId, LlmClient client, int concurrency) {
        return runner.submit(new GenerateResponsesJob(runId, project, client, concurrency), events::add);
    }

    RunSummary runToEnd(ProjectStore project, long runId, LlmClient client) throws Exception {
        return submit(project, runId, client).result().get(30, TimeUnit.SECONDS);
    }

    void assertEverySampleHasExactlyOneCandidate(ProjectStore project, long runId) throws StoreException {
        for (long sampleId : project.samples().ids(SampleQuery.dataset(datasetId))) {
            assertThat(project.candidates().listBySample(sampleId)).as("candidates of sample %d", sampleId)
                    .singleElement().satisfies(c -> assertThat(c.runId()).isEqualTo(runId));
        }
    }

    @Test
    void answersEverySampleOnceAndSavesGeneratedCandidates() throws Exception {
        long runId = newRun();
        var delegate = ScriptedLlmClient.echoing();

        RunSummary summary = runToEnd(store, runId, caching(store, delegate, runId));

        assertThat(summary).isEqualTo(new RunSummary(runId, RunStatus.SUCCEEDED, SAMPLES, 0, SAMPLES, 0, ""));
        assertThat(delegate.requests().get(0).messages()).containsExactly(
                new Message("system", "You are helpful."), new Message("user", "Task 0\n\nwith input"));
        assertThat(delegate.requests().get(0).parameters().seed()).as("the run's seed").hasValue(1234);
        assertThat(delegate.requests().get(0).parameters().maxTokens()).hasValue(64);
        List<Candidate> candidates = store.candidates().listByRun(runId);
        assertThat(candidates).hasSize(SAMPLES).allSatisfy(c -> assertThat(c.origin().id()).isEqualTo("generated"));
        assertThat(candidates.get(1).instruction()).isEqualTo("Task 1");
        assertThat(candidates.get(1).response()).isEqualTo("answer to: Task 1");
        var run = store.runs().find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.doneItems()).isEqualTo(SAMPLES);
        assertThat(run.totalItems()).isEqualTo(SAMPLES);
        assertThat(run.tokensIn()).isEqualTo(10L * SAMPLES);
        assertThat(store.runs().events(runId, 0, 100)).extracting(RunEvent::kind).containsExactly("started", "succeeded");
        assertThat(events).filteredOn(e -> e instanceof JobEvent.ItemDone).hasSize(SAMPLES);
    }

    @Test
    void withConcurrencyTheSamplesAreInFlightTogetherAndEachIsAnsweredOnce() throws Exception {
        long runId = newRun();
        var inFlight = new java.util.concurrent.atomic.AtomicInteger();
        var peak = new java.util.concurrent.atomic.AtomicInteger();
        var allThreeIn = new java.util.concurrent.CountDownLatch(3);
        var delegate = new ScriptedLlmClient((n, r) -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allThreeIn.countDown();
            try {
                allThreeIn.await(5, TimeUnit.SECONDS); // the first three calls wait for each other
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return ScriptedLlmClient.echo(r);
        });

        RunSummary summary = submit(store, runId, caching(store, delegate, runId), 3).result().get(30, TimeUnit.SECONDS);

        assertThat(summary).isEqualTo(new RunSummary(runId, RunStatus.SUCCEEDED, SAMPLES, 0, SAMPLES, 0, ""));
        assertThat(peak.get()).isEqualTo(3);
        assertThat(delegate.calls()).isEqualTo(SAMPLES);
        assertEverySampleHasExactlyOneCandidate(store, runId);
        assertThat(store.runs().find(runId).orElseThrow().doneItems()).isEqualTo(SAMPLES);
        assertThat(events).filteredOn(e -> e instanceof JobEvent.ItemDone).hasSize(SAMPLES);
    }

    @Test
    void withConcurrencyARefusedCallStillStopsTheRunCleanly() throws Exception {
        long runId = newRun();
        var delegate = new ScriptedLlmClient((n, r) -> {
            if (n >= 3) {
                throw new LlmException(LlmException.Kind.REFUSED, "Budget of $1.00 reached");
            }
            return ScriptedLlmClient.echo(r);
        });

        RunSummary summary = submit(store, runId, caching(store, delegate, runId), 2).result().get(30, TimeUnit.SECONDS);

        assertThat(summary.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(summary.stopReason()).isEqualTo("Budget of $1.00 reached");
        assertThat(summary.generated()).isEqualTo(2);
        assertThat(store.candidates().listByRun(runId)).hasSize(2);
        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
    }

    @Test
    void aFailedItemIsRecordedTheRunGoesOnAndAResumeRetriesOnlyIt() throws Exception {
        long runId = newRun();
        var delegate = new ScriptedLlmClient((n, r) -> {
            if (n == 2) {
                throw new LlmException(LlmException.Kind.PERMANENT, "HTTP 400 from hosted: context too long", 400, null,
                        null);
            }
            return ScriptedLlmClient.echo(r);
        });

        RunSummary summary = runToEnd(store, runId, caching(store, delegate, runId));

        assertThat(summary.generated()).isEqualTo(SAMPLES - 1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(events).filteredOn(e -> e instanceof JobEvent.ItemFailed).singleElement()
                .satisfies(e -> assertThat(((JobEvent.ItemFailed) e).reason()).contains("context too long"));
        assertThat(store.runs().events(runId, 0, 100)).filteredOn(e -> e.kind().equals("item_failed")).singleElement()
                .satisfies(e -> assertThat(e.dataJson()).contains("\"kind\":\"permanent\"", "\"http_status\":400"));

        var retry = ScriptedLlmClient.echoing();
        RunSummary resumed = runToEnd(store, runId, caching(store, retry, runId));
        assertThat(retry.calls()).isEqualTo(1);
        assertThat(resumed).isEqualTo(new RunSummary(runId, RunStatus.SUCCEEDED, SAMPLES, SAMPLES - 1, 1, 0, ""));
        assertEverySampleHasExactlyOneCandidate(store, runId);
    }

    @Test
    void aRefusedCallStopsTheRunCleanly() throws Exception {
        long runId = newRun();
        var delegate = new ScriptedLlmClient((n, r) -> {
            if (n == 3) {
                throw new LlmException(LlmException.Kind.REFUSED, "Budget of $1.00 reached");
            }
            return ScriptedLlmClient.echo(r);
        });

        RunSummary summary = runToEnd(store, runId, caching(store, delegate, runId));

        assertThat(summary).isEqualTo(new RunSummary(runId, RunStatus.STOPPED, SAMPLES, 0, 2, 0,
                "Budget of $1.00 reached"));
        assertThat(delegate.calls()).isEqualTo(3);
        var run = store.runs().find(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(run.error()).isEqualTo("Budget of $1.00 reached");
        assertThat(events).filteredOn(JobEvent::isTerminal).singleElement().isInstanceOf(JobEvent.Succeeded.class);
    }

    @Test
    void aCancelledRunResumedByANewJobEndsWithOneCandidatePerSampleAndNoRepeatedCalls() throws Exception {
        long runId = newRun();
        var reachedThird = new java.util.concurrent.CountDownLatch(1);
        var first = new ScriptedLlmClient((n, r) -> {
            if (n == 3) {
                reachedThird.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LlmException(LlmException.Kind.TRANSIENT, "call to hosted interrupted", 0, null, e);
                }
            }
            return ScriptedLlmClient.echo(r);
        });

        JobHandle<RunSummary> handle = submit(store, runId, caching(store, first, runId));
        assertThat(reachedThird.await(30, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThatThrownBy(() -> handle.result().get(30, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);

        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(store.candidates().countByRun(runId)).isEqualTo(2);
        List<String> answeredBefore = store.candidates().listByRun(runId).stream().map(Candidate::instruction).toList();

        var second = ScriptedLlmClient.echoing();
        RunSummary summary = runToEnd(store, runId, caching(store, second, runId));

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(summary.alreadyDone()).isEqualTo(2);
        assertThat(second.calls()).isEqualTo(SAMPLES - 2);
        assertThat(second.requests()).extracting(r -> r.messages().get(1).content())
                .noneMatch(text -> answeredBefore.stream().anyMatch(text::startsWith));
        assertEverySampleHasExactlyOneCandidate(store, runId);
        assertThat(store.llmCalls().countByRun(runId, LlmCallStatus.OK)).isEqualTo(SAMPLES);
        assertThat(store.runs().events(runId, 0, 100)).extracting(RunEvent::kind)
                .containsExactly("started", "cancelled", "resumed", "succeeded");
    }

    @Test
    void afterACrashTheReopenedProjectResumesWithoutPayingTwice() throws Exception {
        long runId = newRun();
        var paidBeforeCrash = ScriptedLlmClient.echoing();
        LlmClient logged = caching(store, paidBeforeCrash, runId);
        // the process dies right after the third answer was logged, before it became a candidate
        var dying = new ScriptedLlmClient((n, r) -> {
            var answer = logged.chat(r);
            if (n == 3) {
                throw new Error("simulated crash");
            }
            return answer;
        });
        assertThatThrownBy(() -> runToEnd(store, runId, dying)).hasRootCauseMessage("simulated crash");
        assertThat(paidBeforeCrash.calls()).isEqualTo(3);
        assertThat(store.runs().find(runId).orElseThrow().status()).as("nobody was left to finish it")
                .isEqualTo(RunStatus.RUNNING);

        // a new process opens the file the dead one left behind (without having closed it)
        try (var reopened = SqliteProjectStore.open(file)) {
            var paidAfterCrash = ScriptedLlmClient.echoing();
            RunSummary summary = runToEnd(reopened, runId, caching(reopened, paidAfterCrash, runId));

            assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(summary.alreadyDone()).isEqualTo(2);
            assertThat(paidAfterCrash.calls()).as("samples 4..6 only; sample 3 comes from the cache")
                    .isEqualTo(SAMPLES - 3);
            assertThat(paidBeforeCrash.calls() + paidAfterCrash.calls()).isEqualTo(SAMPLES);
            assertThat(reopened.llmCalls().countByRun(runId, LlmCallStatus.OK)).isEqualTo(SAMPLES);
            assertThat(reopened.llmCalls().countByRun(runId, LlmCallStatus.CACHED)).isEqualTo(1);
            assertEverySampleHasExactlyOneCandidate(reopened, runId);
            var run = reopened.runs().find(runId).orElseThrow();
            assertThat(run.tokensIn()).as("paid calls only").isEqualTo(10L * SAMPLES);
            assertThat(run.costUsd()).isEqualTo(endpoint.cost(10, 5) * SAMPLES, org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
