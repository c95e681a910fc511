package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentPair;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Endpoint;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewLlmCall;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunCandidateAndCallStoreTest {

    private static final String HASH_A = "a".repeat(64);
    private static final String HASH_B = "0123456789abcdef".repeat(4);

    @TempDir
    Path dir;

    private SqliteProjectStore store;
    private long datasetId;
    private long[] samples;

    @BeforeEach
    void open() throws StoreException {
        store = SqliteProjectStore.create(dir.resolve("p.sift"));
        datasetId = store.datasets().importDataset(new NewDataset("d", "d.jsonl", DatasetFormat.ALPACA_JSONL), sink -> {
            for (int i = 0; i < 3; i++) {
                sink.add(i, SampleContent.single("Task " + i, "", "Out " + i));
            }
        }).id();
        samples = store.samples().ids(SampleQuery.dataset(datasetId));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Run newRun() throws StoreException {
        return store.runs().create(new NewRun("generate-responses", datasetId, "{\"model\":\"m\"}", 42,
                OptionalDouble.of(5.0)));
    }

    @Test
    void aRunIsCreatedQueuedAndMovesThroughItsLifecycle() throws Exception {
        Run run = newRun();
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.seed()).isEqualTo(42);
        assertThat(run.budgetUsd()).hasValue(5.0);
        assertThat(run.startedAt()).isEmpty();

        store.runs().setStatus(run.id(), RunStatus.RUNNING, "");
        store.runs().updateProgress(run.id(), 2, 3);
        store.runs().addUsage(run.id(), 100, 20, 0.25);
        store.runs().setStatus(run.id(), RunStatus.FAILED, "server down");
        Run failed = store.runs().find(run.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).isEqualTo("server down");
        assertThat(failed.startedAt()).isPresent();
        assertThat(failed.finishedAt()).isPresent();
        assertThat(failed.doneItems()).isEqualTo(2);
        assertThat(failed.totalItems()).isEqualTo(3);
        assertThat(failed.tokensIn()).isEqualTo(100);
        assertThat(failed.costUsd()).isEqualTo(0.25);

        store.runs().setStatus(run.id(), RunStatus.RUNNING, "");
        Run resumed = store.runs().find(run.id()).orElseThrow();
        assertThat(resumed.startedAt()).isEqualTo(failed.startedAt());
        assertThat(resumed.finishedAt()).isEmpty();
        assertThat(resumed.error()).isEmpty();

        assertThat(store.runs().list()).extracting(Run::id).containsExactly(run.id());
        assertThatThrownBy(() -> store.runs().setStatus(999, RunStatus.RUNNING, ""))
                .hasMessage("There is no run with id 999");
    }

    @Test
    void runEventsAreAppendedAndReadInOrderFromAnId() throws Exception {
        Run run = newRun();
        RunEvent first = store.runs().appendEvent(run.id(), "started", "go", "");
        store.runs().appendEvent(run.id(), "item_failed", "sample 1: 500", "{\"sample_id\":1}");
        store.runs().appendEvent(run.id(), "succeeded", "done", null);
        assertThat(store.runs().events(run.id(), 0, 100)).extracting(RunEvent::kind)
                .containsExactly("started", "item_failed", "succeeded");
        assertThat(store.runs().events(run.id(), first.id(), 1)).singleElement()
                .satisfies(e -> assertThat(e.dataJson()).isEqualTo("{\"sample_id\":1}"));
    }

    @Test
    void candidatesAreListedBySampleAndRunAndAnswerTheResumeQuestion() throws Exception {
        Run run = newRun();
        Candidate original = store.candidates().add(new NewCandidate(samples[0], 0, 0, CandidateOrigin.ORIGINAL,
                OptionalInt.empty(), "Task 0", "", "Out 0"));
        Candidate generated = store.candidates().add(NewCandidate.generated(samples[0], run.id(), "Task 0", "", "New 0"));
        store.candidates().add(NewCandidate.generated(samples[2], run.id(), "Task 2", "in", "New 2"));

        assertThat(store.candidates().listBySample(samples[0])).containsExactly(original, generated);
        assertThat(store.candidates().listByRun(run.id())).extracting(Candidate::response).containsExactly("New 0", "New 2");
        assertThat(store.candidates().countByRun(run.id())).isEqualTo(2);
        assertThat(store.candidates().existsForSample(run.id(), samples[0])).isTrue();
        assertThat(store.candidates().existsForSample(run.id(), samples[1])).isFalse();
        assertThat(store.candidates().sampleIdsWithCandidates(run.id())).containsExactly(samples[0], samples[2]);
        assertThat(original.runId()).isZero();
        assertThat(store.candidates().listBySample(samples[0]).get(0).origin()).isEqualTo(CandidateOrigin.ORIGINAL);

        assertThatThrownBy(() -> store.candidates().add(NewCandidate.generated(999_999, run.id(), "x", "", "y")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void aPairThatMadeCandidatesIsKept() throws Exception {
        Endpoint e = store.endpoints().add(Endpoint.openAi("vllm", "http://127.0.0.1:8000/v1", ""));
        long a = store.agents().add(new Agent(0, "a", e.id(), "", "m", AgentRole.INSTRUCTION_REWRITER, "", "{}")).id();
        long b = store.agents().add(new Agent(0, "b", e.id(), "", "m", AgentRole.RESPONDER, "", "{}")).id();
        AgentPair pair = store.agents().addPair(new AgentPair(0, "ab", a, b));
        store.candidates().add(new NewCandidate(samples[1], newRun().id(), pair.id(), CandidateOrigin.GENERATED,
                OptionalInt.of(1), "i", "", "r"));
        assertThatThrownBy(() -> store.agents().deletePair(pair.id()))
                .hasMessageContaining("it is kept so those results still say who made them");
    }

    @Test
    void recordingACallAddsItsTokensAndCostToItsRunAndTheLatestOkAnswersTheHash() throws Exception {
        Run run = newRun();
        store.llmCalls().record(call(HASH_A, run.id(), LlmCallStatus.OK, "{\"v\":1}", 100, 10, 0.01));
        store.llmCalls().record(call(HASH_A, run.id(), LlmCallStatus.ERROR, "", 0, 0, 0));
        store.llmCalls().record(call(HASH_A, run.id(), LlmCallStatus.OK, "{\"v\":2}", 50, 5, 0.005));
        store.llmCalls().record(call(HASH_A, run.id(), LlmCallStatus.CACHED, "{\"v\":2}", 0, 0, 0));

        assertThat(store.llmCalls().findLatestOk(HASH_A)).hasValueSatisfying(c -> {
            assertThat(c.responseJson()).isEqualTo("{\"v\":2}");
            assertThat(c.requestHash()).isEqualTo(HASH_A);
            assertThat(c.httpStatus()).hasValue(200);
        });
        assertThat(store.llmCalls().findLatestOk(HASH_B)).isEmpty();
        assertThat(store.llmCalls().listByRun(run.id())).extracting(c -> c.status())
                .containsExactly(LlmCallStatus.OK, LlmCallStatus.ERROR, LlmCallStatus.OK, LlmCallStatus.CACHED);
        assertThat(store.llmCalls().countByRun(run.id(), LlmCallStatus.OK)).isEqualTo(2);

        Run totals = store.runs().find(run.id()).orElseThrow();
        assertThat(totals.tokensIn()).isEqualTo(150);
        assertThat(totals.tokensOut()).isEqualTo(15);
        assertThat(totals.costUsd()).isCloseTo(0.015, within(1e-12));
    }

    private static NewLlmCall call(String hash, long runId, LlmCallStatus status, String response, long in, long out,
            double cost) {
        return new NewLlmCall(hash, runId, 0, "m", "{\"model\":\"m\"}", response, status,
                status == LlmCallStatus.OK ? OptionalInt.of(200) : OptionalInt.empty(), 12, in, out, cost,
                status == LlmCallStatus.ERROR ? "HTTP 500" : "");
    }
}
