package dev.sift.core.pipeline;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.Parallel;
import dev.sift.core.llm.ChatParameters;
import dev.sift.core.llm.engine.CostEstimate;
import dev.sift.core.llm.engine.CostEstimator;
import dev.sift.core.model.Endpoint;
import dev.sift.core.llm.ChatRequest;
import dev.sift.core.llm.ChatResponse;
import dev.sift.core.llm.LlmClient;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.cache.Redaction;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Answers every sample of a run's dataset with one chat request and saves each answer as a
 * {@code generated} candidate as soon as it arrives.
 *
 * <p>The request is the spec's system prompt (or the sample's own) and the sample's instruction and
 * input as the user turn, with the spec's model and parameters (and the run's seed when the
 * parameters have none). Up to {@code concurrency} samples are in flight at once
 * ({@link dev.sift.core.job.Parallel}), normally the endpoint's concurrency limit, which the client
 * decorators enforce in any case; answers are saved in the order they arrive.
 *
 * <p><b>Resume.</b> The configuration is read from the run, and samples that already have a
 * candidate from this run are skipped, so a new job for the same run after a cancel, a failure or a
 * crash finishes the work without asking twice. Wrap the client in a
 * {@link dev.sift.core.llm.cache.CachingLlmClient} so that an answer paid for just before a crash
 * (logged, but not yet saved as a candidate) is served from the cache.
 *
 * <p><b>Failures.</b> A failed call is recorded ({@code ItemFailed} and an {@code item_failed} run
 * event) and the run goes on; the sample stays without a candidate and a resume tries it again. A
 * call refused by a budget cap or a circuit breaker ({@link LlmException.Kind#REFUSED}) ends the run
 * cleanly as {@link RunStatus#STOPPED}. Cancellation is checked between samples and ends the run as
 * {@link RunStatus#CANCELLED}; a store failure ends it as {@link RunStatus#FAILED}.
 */
public final class GenerateResponsesJob implements Job<RunSummary> {

    private static final int PAGE = 256;

    private final long runId;
    private final ProjectStore store;
    private final LlmClient client;
    private final int concurrency;

    /**
     * @param client the client for the run's endpoint, normally a caching client bound to this run
     * @param concurrency how many samples may be in flight at once, at least 1
     */
    public GenerateResponsesJob(long runId, ProjectStore store, LlmClient client, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.runId = runId;
        this.store = store;
        this.client = client;
        this.concurrency = concurrency;
    }

    /** Creates a queued run of this recipe over a dataset. */
    public static Run createRun(ProjectStore store, long datasetId, GenerateResponsesSpec spec, long seed,
            OptionalDouble budgetUsd) throws StoreException {
        return store.runs().create(new NewRun(GenerateResponsesSpec.RECIPE, datasetId, spec.toConfigJson(), seed,
                budgetUsd));
    }

    @Override
    public String title() {
        return "Generate responses (run " + runId + ")";
    }

    @Override
    public RunSummary run(JobContext context) throws Exception {
        Run run = store.runs().find(runId).orElseThrow(() -> new StoreException("There is no run " + runId));
        if (!GenerateResponsesSpec.RECIPE.equals(run.recipe()) || run.datasetId() == 0) {
            throw new StoreException("Run " + runId + " is not a generate-responses run over a dataset");
        }
        GenerateResponsesSpec spec = GenerateResponsesSpec.fromConfigJson(run.configJson());
        ChatParameters parameters = spec.parameters().seed().isPresent()
                ? spec.parameters() : spec.parameters().withSeed(run.seed());
        long[] ids = store.samples().ids(SampleQuery.dataset(run.datasetId()));
        long[] done = store.candidates().sampleIdsWithCandidates(runId);
        var progress = new Progress(ids.length, (int) Arrays.stream(ids).filter(id -> contains(done, id)).count());

        store.runs().setStatus(runId, RunStatus.RUNNING, "");
        store.runs().appendEvent(runId, run.startedAt().isPresent() ? "resumed" : "started",
                progress.alreadyDone + " of " + ids.length + " samples already done", "");
        store.runs().updateProgress(runId, progress.withCandidate(), ids.length);
        context.progress(progress.processed(), ids.length);
        try {
            String stopReason = generateAll(context, spec, parameters, ids, done, progress);
            RunStatus status = stopReason.isEmpty() ? RunStatus.SUCCEEDED : RunStatus.STOPPED;
            finish(status, stopReason, progress);
            return new RunSummary(runId, status, ids.length, progress.alreadyDone, progress.generatedCount(),
                    progress.failedCount(), stopReason);
        } catch (JobCancelledException e) {
            finish(RunStatus.CANCELLED, "", progress);
            throw e;
        } catch (Exception e) {
            try {
                finish(RunStatus.FAILED, Redaction.redact(String.valueOf(e.getMessage())), progress);
            } catch (StoreException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** Works through the samples; returns why the run stopped early, or "" when every sample was tried. */
    private String generateAll(JobContext context, GenerateResponsesSpec spec, ChatParameters parameters, long[] ids,
            long[] done, Progress progress) throws Exception {
        for (int from = 0; from < ids.length; from += PAGE) {
            context.checkCancelled();
            List<Sample> pending = new ArrayList<>();
            for (Sample sample : store.samples().fetch(ids, from, Math.min(ids.length, from + PAGE))) {
                if (!contains(done, sample.id())) {
                    pending.add(sample);
                }
            }
            try {
                Parallel.forEach(pending, concurrency, context,
                        sample -> generateOne(context, spec, parameters, sample, progress));
            } catch (Refused refused) {
                return refused.getMessage();
            }
        }
        return "";
    }

    /** Asks for one sample's answer and saves it, or records why it failed; throws {@link Refused} to stop. */
    private void generateOne(JobContext context, GenerateResponsesSpec spec, ChatParameters parameters, Sample sample,
            Progress progress) throws Exception {
        ChatResponse response;
        try {
            response = client.chat(request(spec, parameters, sample.content()));
        } catch (LlmException e) {
            if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new JobCancelledException();
            }
            if (e.kind() == LlmException.Kind.REFUSED) {
                throw new Refused(String.valueOf(e.getMessage()));
            }
            recordFailure(context, sample, e);
            context.progress(progress.failed(), progress.total);
            return;
        }
        SampleContent c = sample.content();
        store.candidates().add(new NewCandidate(sample.id(), runId, spec.agentPairId(), CandidateOrigin.GENERATED,
                OptionalInt.empty(), c.instruction(), c.input(), response.text()));
        long processed = progress.generated();
        store.runs().updateProgress(runId, progress.withCandidate(), progress.total);
        context.progress(processed, progress.total);
        context.publish(new JobEvent.ItemDone(context.jobId(), Instant.now(), item(sample),
                response.usage().completionTokens() + " tokens"));
    }

    /**
     * What a run of {@code spec} over the dataset would cost on {@code endpoint}: one call per sample,
     * prompt tokens from the requests' text, and {@code max_tokens} (or {@code expectedOutputTokens}
     * when the parameters set none) times n completion tokens per call. Streams the samples.
     */
    public static CostEstimate estimate(ProjectStore store, long datasetId, GenerateResponsesSpec spec,
            Endpoint endpoint, int expectedOutputTokens) throws StoreException {
        var calls = new long[1];
        var promptChars = new long[1];
        store.samples().forEach(SampleQuery.dataset(datasetId), sample -> {
            calls[0]++;
            for (Message m : request(spec, spec.parameters(), sample.content()).messages()) {
                promptChars[0] += m.content().length();
            }
        });
        ChatParameters p = spec.parameters();
        return new CostEstimator().estimate(endpoint, calls[0], promptChars[0],
                (long) p.maxTokens().orElse(expectedOutputTokens) * p.n());
    }

    /** The chat request for one sample. */
    static ChatRequest request(GenerateResponsesSpec spec, ChatParameters parameters, SampleContent content) {
        List<Message> messages = new ArrayList<>();
        String system = spec.systemPrompt().isBlank() ? content.system() : spec.systemPrompt();
        if (!system.isBlank()) {
            messages.add(new Message(Message.SYSTEM, system));
        }
        String user = content.input().isEmpty() ? content.instruction() : content.instruction() + "\n\n" + content.input();
        messages.add(new Message(Message.USER, user));
        return new ChatRequest(spec.model(), messages, parameters);
    }

    private void recordFailure(JobContext context, Sample sample, LlmException e) throws StoreException {
        String reason = Redaction.redact(String.valueOf(e.getMessage()));
        context.publish(new JobEvent.ItemFailed(context.jobId(), Instant.now(), item(sample), reason));
        String data = "{\"sample_id\":" + sample.id() + ",\"kind\":\"" + e.kind().name().toLowerCase(Locale.ROOT)
                + "\",\"http_status\":" + e.httpStatus() + "}";
        store.runs().appendEvent(runId, "item_failed", item(sample) + ": " + reason, data);
    }

    private void finish(RunStatus status, String reason, Progress progress) throws StoreException {
        store.runs().updateProgress(runId, progress.withCandidate(), progress.total);
        store.runs().setStatus(runId, status, reason);
        String message = switch (status) {
            case SUCCEEDED -> progress.generatedCount() + " generated, " + progress.failedCount() + " failed";
            case STOPPED -> "stopped early: " + reason;
            case CANCELLED -> "cancelled after " + progress.generatedCount() + " generated";
            default -> "failed: " + reason;
        };
        store.runs().appendEvent(runId, status.id(), message, "");
    }

    private static String item(Sample sample) {
        return "sample " + sample.id();
    }

    private static boolean contains(long[] sorted, long id) {
        return Arrays.binarySearch(sorted, id) >= 0;
    }

    /** Counters of one job, shared by its workers. */
    private static final class Progress {
        final int total;
        final int alreadyDone;
        private final AtomicInteger generated = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Progress(int total, int alreadyDone) {
            this.total = total;
            this.alreadyDone = alreadyDone;
        }

        /** Counts one more answer; returns the samples processed so far. */
        int generated() {
            generated.incrementAndGet();
            return processed();
        }

        /** Counts one more failure; returns the samples processed so far. */
        int failed() {
            failed.incrementAndGet();
            return processed();
        }

        int generatedCount() {
            return generated.get();
        }

        int failedCount() {
            return failed.get();
        }

        int withCandidate() {
            return alreadyDone + generated.get();
        }

        int processed() {
            return alreadyDone + generated.get() + failed.get();
        }
    }

    /** A call refused by a budget cap or a circuit breaker: the run stops cleanly. */
    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }
}
