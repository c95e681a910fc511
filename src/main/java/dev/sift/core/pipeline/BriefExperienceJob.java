package dev.sift.core.pipeline;

import dev.sift.core.dedup.SampleEmbeddings;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.export.ExportJob;
import dev.sift.core.export.ExportRequest;
import dev.sift.core.export.ExportResult;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.scoring.KMeans;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

/**
 * Cherry's "learning from brief experience" (ALGORITHMS.md §3.1 Phase 1): picks a small, diverse subset of a dataset
 * for the user's own pre-experience fine-tune and writes it in a training format.
 *
 * <p>Steps: (1) instruction embeddings from the sentence model, reusing those stored for the dataset and saving the
 * missing ones (the same text as near-duplicate detection: instruction and input on separate lines, or a multi-turn
 * sample's first user turn); (2) each prompt's perplexity under the scorer, {@code exp} of the mean NLL over the
 * formatted prompt's tokens (truncated to the model's window; position 0 has no loss); (3) k-means and the middle
 * perplexity band per cluster ({@link dev.sift.core.scoring.BriefExperienceSampler}); (4) the chosen samples written
 * through {@link ExportJob}: atomic write, manifest beside it, export recorded in the project.
 *
 * <p>The paper clusters the scoring model's mean last hidden state; {@link CausalLmScorer} exposes no hidden states,
 * so the embeddings here always come from the sentence model. Samples whose prompt is a single token have no
 * perplexity and are left out. Runs on the calling (worker) thread; cancellation is checked between samples and
 * between embedding batches, and a cancelled job writes no file. Decisions are not touched. The job records a run
 * (recipe {@value BriefExperienceSpec#RECIPE}) with its settings, progress and outcome.
 */
public final class BriefExperienceJob implements Job<BriefExperienceSummary> {

    private static final int PAGE = 256;

    private final BriefExperienceSpec spec;
    private final ProjectStore store;
    private final CausalLmScorer scorer;
    private final SentenceEmbedder embedder;
    private final String siftVersion;

    public BriefExperienceJob(BriefExperienceSpec spec, ProjectStore store, CausalLmScorer scorer,
            SentenceEmbedder embedder, String siftVersion) {
        this.spec = spec;
        this.store = store;
        this.scorer = scorer;
        this.embedder = embedder;
        this.siftVersion = siftVersion;
    }

    @Override
    public String title() {
        return "Brief-experience sample to " + spec.target().getFileName();
    }

    /** Records a {@value BriefExperienceSpec#RECIPE} run with its settings, progress and outcome, then samples. */
    @Override
    public BriefExperienceSummary run(JobContext context) throws Exception {
        long datasetId = spec.datasetId();
        String datasetName = store.datasets().find(datasetId)
                .orElseThrow(() -> new StoreException("There is no dataset with id " + datasetId)).name();
        return new RunRecorder(store).record(
                RunRecorder.newRun(BriefExperienceSpec.RECIPE, datasetId, spec.toConfigJson(), spec.seed()),
                "brief-experience sample of " + datasetName + " with " + scorer.name(),
                runId -> sample(context, runId, datasetName),
                s -> "picked " + s.picked() + " of " + s.samples() + " samples from " + s.clusters()
                        + " clusters into " + s.file().getFileName());
    }

    private BriefExperienceSummary sample(JobContext context, long runId, String datasetName) throws Exception {
        long datasetId = spec.datasetId();
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        var embeddings = new SampleEmbeddings(store, embedder);
        Map<Long, float[]> vectors = embeddings.stored(datasetId);
        long[] missing = SampleEmbeddings.missing(ids, vectors);
        long total = missing.length + (long) ids.length;

        context.message("Embedding " + missing.length + " of " + ids.length + " instructions of " + datasetName
                + " with " + embedder.modelName());
        embeddings.embedMissing(missing, vectors, context, done -> context.progress(done, total));

        context.message("Measuring the prompt perplexity of " + ids.length + " samples with " + scorer.name());
        var usedIds = new ArrayList<Long>(ids.length);
        var points = new ArrayList<double[]>(ids.length);
        var perplexities = new ArrayList<Double>(ids.length);
        int done = 0;
        for (int from = 0; from < ids.length; from += PAGE) {
            for (Sample sample : store.samples().fetch(ids, from, Math.min(ids.length, from + PAGE))) {
                context.checkCancelled();
                float[] vector = vectors.get(sample.id());
                double perplexity = promptPerplexity(scorer, spec.template(), sample.content());
                if (vector != null && Double.isFinite(perplexity)) {
                    usedIds.add(sample.id());
                    points.add(toDoubles(vector));
                    perplexities.add(perplexity);
                }
                context.progress(missing.length + (long) ++done, total);
            }
            store.runs().updateProgress(runId, missing.length + (long) done, total);
        }
        if (usedIds.isEmpty()) {
            throw new IllegalStateException("Dataset " + datasetName + " has no sample with a prompt perplexity");
        }

        context.checkCancelled();
        KMeans.Fit fit = spec.sampler().kMeans().fit(points.toArray(double[][]::new));
        int[] chosen = spec.sampler().sampleClusters(fit.labels(),
                perplexities.stream().mapToDouble(Double::doubleValue).toArray());
        var picked = new ArrayList<Long>(chosen.length);
        for (int index : chosen) {
            picked.add(usedIds.get(index));
        }
        int clusters = fit.centroids().length;
        context.message("Picked " + picked.size() + " samples from " + clusters + " clusters");

        var request = new ExportRequest(SampleQuery.dataset(datasetId).withSampleIds(picked), spec.format(),
                spec.target(), false);
        ExportResult written = new ExportJob(request, store, siftVersion).run(context);
        return new BriefExperienceSummary(runId, ids.length, ids.length - usedIds.size(), missing.length,
                embedder.modelName(), clusters, picked, written.file(), written.manifest());
    }

    /**
     * The perplexity of a sample's formatted prompt: {@code exp} of the mean NLL of its tokens after the first
     * (BOS included when the model has one), truncated to the model's window. NaN for a one-token prompt.
     */
    static double promptPerplexity(CausalLmScorer scorer, PromptTemplate template, SampleContent content) {
        String[] prompt = prompt(content);
        int[] tokens = scorer.encode(template.format(prompt[0], prompt[1]), true);
        if (tokens.length > scorer.maxLength()) {
            tokens = Arrays.copyOf(tokens, scorer.maxLength());
        }
        if (tokens.length < 2) {
            return Double.NaN;
        }
        double[] nll = scorer.tokenNll(tokens);
        double sum = 0;
        for (int t = 1; t < nll.length; t++) {
            sum += nll[t];
        }
        return Math.exp(sum / (nll.length - 1));
    }

    /** Instruction and input of the prompt; a multi-turn sample's first user turn as the instruction. */
    private static String[] prompt(SampleContent content) {
        if (content.isMultiTurn()) {
            for (Message turn : content.messages()) {
                if (turn.role().equals(Message.USER)) {
                    return new String[] {turn.content(), ""};
                }
            }
        }
        return new String[] {content.instruction(), content.input()};
    }

    private static double[] toDoubles(float[] vector) {
        double[] result = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i];
        }
        return result;
    }
}
