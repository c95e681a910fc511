package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.scoring.IfdScorer;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
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
 * Scores the IFD (ALGORITHMS.md §0) of every sample of a run's dataset with an in-process causal LM, and saves each
 * score as soon as it is computed.
 *
 * <p>The scored text is the sample's original candidate (the imported record itself), created when missing. The score
 * row has metric {@value ScoreIfdSpec#METRIC}, value IFD_loss (NaN when the IFD rules skip the sample), the raw
 * per-token losses, and details holding IFD_ppl, the four means and the skip reason, so that every selection variant
 * can be computed later without the model.
 *
 * <p><b>Batches.</b> Samples are read 256 at a time, tokenized, sorted by length and scored
 * {@link ScoreIfdSpec#batchSize()} at a time with one forward pass per batch (both sequences of each sample
 * together, and never more than {@link ScoreIfdBatches#MAX_PADDED_TOKENS} padded tokens beyond one sample), on the
 * job's thread. Each sample's score is saved as soon as its batch is done. The losses equal one-by-one scoring up to
 * the model's float rounding.
 *
 * <p><b>Resume.</b> Candidates that already have a score from the same scorer with the same settings key are
 * skipped, whichever run made it. Cancellation is checked between batches and ends the run as
 * {@link RunStatus#CANCELLED}, with every finished batch saved; any failure ends it as {@link RunStatus#FAILED}.
 */
public final class ScoreIfdJob implements Job<ScoreIfdSummary> {

    private static final int PAGE = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long runId;
    private final ProjectStore store;
    private final CausalLmScorer scorer;

    /** @param scorer the model to score with; the run's options must fit its window */
    public ScoreIfdJob(long runId, ProjectStore store, CausalLmScorer scorer) {
        this.runId = runId;
        this.store = store;
        this.scorer = scorer;
    }

    /** Creates a queued run of this recipe over a dataset. */
    public static Run createRun(ProjectStore store, long datasetId, ScoreIfdSpec spec) throws StoreException {
        return store.runs().create(new NewRun(ScoreIfdSpec.RECIPE, datasetId, spec.toConfigJson(), 0,
                OptionalDouble.empty()));
    }

    @Override
    public String title() {
        return "Score IFD (run " + runId + ")";
    }

    @Override
    public ScoreIfdSummary run(JobContext context) throws Exception {
        Run run = store.runs().find(runId).orElseThrow(() -> new StoreException("There is no run " + runId));
        if (!ScoreIfdSpec.RECIPE.equals(run.recipe()) || run.datasetId() == 0) {
            throw new StoreException("Run " + runId + " is not a score-ifd run over a dataset");
        }
        ScoreIfdSpec spec = ScoreIfdSpec.fromConfigJson(run.configJson());
        var ifd = new IfdScorer(scorer, spec.options());
        long[] ids = store.samples().ids(SampleQuery.dataset(run.datasetId()));
        long[] done = store.scores().scoredCandidateIds(run.datasetId(), ScoreIfdSpec.METRIC, scorer.name(),
                spec.scoreKey());
        var counts = new int[3]; // already done, scored, unscorable
        store.runs().setStatus(runId, RunStatus.RUNNING, "");
        store.runs().appendEvent(runId, run.startedAt().isPresent() ? "resumed" : "started",
                "scoring " + ids.length + " samples with " + scorer.name() + " (" + spec.scoreKey() + ")", "");
        try {
            for (int from = 0; from < ids.length; from += PAGE) {
                context.checkCancelled();
                List<Pending> pending = new ArrayList<>();
                for (Sample sample : store.samples().fetch(ids, from, Math.min(ids.length, from + PAGE))) {
                    Candidate original = original(sample);
                    if (Arrays.binarySearch(done, original.id()) >= 0) {
                        counts[0]++;
                        progress(context, counts, ids.length);
                    } else {
                        pending.add(new Pending(sample, original, ifd.prepare(original.instruction(),
                                original.input(), original.response())));
                    }
                }
                for (List<Pending> batch : ScoreIfdBatches.of(pending, Pending::prepared, spec.batchSize())) {
                    context.checkCancelled();
                    List<IfdResult> results = ifd.score(batch.stream().map(Pending::prepared).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        save(context, spec, batch.get(i), results.get(i), counts);
                        progress(context, counts, ids.length);
                    }
                }
            }
            finish(RunStatus.SUCCEEDED, "", counts, ids.length);
            return new ScoreIfdSummary(runId, RunStatus.SUCCEEDED, ids.length, counts[0], counts[1], counts[2]);
        } catch (JobCancelledException e) {
            finish(RunStatus.CANCELLED, "", counts, ids.length);
            throw e;
        } catch (Exception | Error e) {
            if (context.isCancelled()) {
                // a remote scorer interrupted by the cancel fails its call: that is the cancel, not a failure
                finish(RunStatus.CANCELLED, "", counts, ids.length);
                JobCancelledException cancelled = new JobCancelledException();
                cancelled.addSuppressed(e);
                throw cancelled;
            }
            try {
                finish(RunStatus.FAILED, String.valueOf(e.getMessage()), counts, ids.length);
            } catch (StoreException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** A sample whose original still needs a score, tokenized for the model. */
    private record Pending(Sample sample, Candidate original, IfdScorer.Prepared prepared) {}

    private void progress(JobContext context, int[] counts, int total) throws StoreException {
        int processed = counts[0] + counts[1] + counts[2];
        context.progress(processed, total);
        if (processed % 16 == 0 || processed == total) {
            store.runs().updateProgress(runId, processed, total);
        }
    }

    private void save(JobContext context, ScoreIfdSpec spec, Pending pending, IfdResult result, int[] counts)
            throws StoreException {
        Sample sample = pending.sample();
        store.scores().save(new NewScore(pending.original().id(), ScoreIfdSpec.METRIC, result.ifdLoss(), scorer.name(),
                spec.scoreKey(), spec.options().maxLength(), result.conditionalNll(), result.directNll(),
                details(result)));
        counts[result.scored() ? 1 : 2]++;
        String detail = result.scored()
                ? String.format(Locale.ROOT, "IFD %.4f", result.ifdLoss())
                : "not scorable: " + lower(result.skip().name());
        context.publish(new JobEvent.ItemDone(context.jobId(), Instant.now(), "sample " + sample.id(), detail));
    }

    /** The sample's original candidate, created from the record when it has none yet. */
    private Candidate original(Sample sample) throws StoreException {
        for (Candidate c : store.candidates().listBySample(sample.id())) {
            if (c.origin() == CandidateOrigin.ORIGINAL) {
                return c;
            }
        }
        SampleContent content = sample.content();
        return store.candidates().add(new NewCandidate(sample.id(), 0, 0, CandidateOrigin.ORIGINAL,
                OptionalInt.empty(), content.instruction(), content.input(), content.output()));
    }

    /** The details of a score: both ratios, the four means and how it was computed. NaN is written as null. */
    static String details(IfdResult result) {
        ObjectNode node = JSON.createObjectNode();
        put(node, "ifd_loss", result.ifdLoss());
        put(node, "ifd_ppl", result.ifdPpl());
        put(node, "conditional_loss", result.conditionalLoss());
        put(node, "direct_loss", result.directLoss());
        put(node, "conditional_ppl", result.conditionalPpl());
        put(node, "direct_ppl", result.directPpl());
        node.put("skip", lower(result.skip().name()));
        node.put("span_mode", lower(result.options().spanMode().name()));
        node.put("direct_mode", lower(result.options().directMode().name()));
        node.put("template", lower(result.options().template().name()));
        return node.toString();
    }

    private static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private void finish(RunStatus status, String reason, int[] counts, int total) throws StoreException {
        store.runs().updateProgress(runId, counts[0] + counts[1] + counts[2], total);
        store.runs().setStatus(runId, status, reason);
        String message = switch (status) {
            case SUCCEEDED -> counts[1] + " scored, " + counts[2] + " not scorable, " + counts[0] + " already done";
            case CANCELLED -> "cancelled after " + (counts[1] + counts[2]) + " scored";
            default -> "failed: " + reason;
        };
        store.runs().appendEvent(runId, status.id(), message, "");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
