package dev.sift.core.pipeline;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Answers every sample of a run's dataset with one chat request and saves each answer as a
 * {@code generated} candidate as soon as it arrives.
 *
 * <p>The request is the spec's system prompt (or the sample's own) and the sample's instruction and
 * input as the user turn, with the spec's model and parameters (and the run's seed when the
 * parameters have none). Samples run one after another on the job's thread; concurrency belongs to
 * the client decorators.
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

    /** @param client the client for the run's endpoint, normally a caching client bound to this run */
    public GenerateResponsesJob(long runId, ProjectStore store, LlmClient client) {
        this.runId = runId;
        this.store = store;
        this.client = client;
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
            return new RunSummary(runId, status, ids.length, progress.alreadyDone, progress.generated,
                    progress.failed, stopReason);
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
            for (Sample sample : store.samples().fetch(ids, from, Math.min(ids.length, from + PAGE))) {
                context.checkCancelled();
                if (contains(done, sample.id())) {
                    continue;
                }
                ChatResponse response;
                try {
                    response = client.chat(request(spec, parameters, sample.content()));
                } catch (LlmException e) {
                    if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
                        throw new JobCancelledException();
                    }
                    if (e.kind() == LlmException.Kind.REFUSED) {
                        return String.valueOf(e.getMessage());
                    }
                    recordFailure(context, sample, e);
                    progress.failed++;
                    context.progress(progress.processed(), ids.length);
                    continue;
                }
                SampleContent c = sample.content();
                store.candidates().add(new NewCandidate(sample.id(), runId, spec.agentPairId(),
                        CandidateOrigin.GENERATED, OptionalInt.empty(), c.instruction(), c.input(),
                        response.text()));
                progress.generated++;
                store.runs().updateProgress(runId, progress.withCandidate(), ids.length);
                context.progress(progress.processed(), ids.length);
                context.publish(new JobEvent.ItemDone(context.jobId(), Instant.now(), item(sample),
                        response.usage().completionTokens() + " tokens"));
            }
        }
        return "";
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
            case SUCCEEDED -> progress.generated + " generated, " + progress.failed + " failed";
            case STOPPED -> "stopped early: " + reason;
            case CANCELLED -> "cancelled after " + progress.generated + " generated";
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

    /** Counters of one job. */
    private static final class Progress {
        final int total;
        final int alreadyDone;
        int generated;
        int failed;

        Progress(int total, int alreadyDone) {
            this.total = total;
            this.alreadyDone = alreadyDone;
        }

        int withCandidate() {
            return alreadyDone + generated;
        }

        int processed() {
            return alreadyDone + generated + failed;
        }
    }
}
