package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.FacilityLocation;
import dev.sift.core.scoring.IfdSelection;
import dev.sift.core.scoring.RefusalFilter;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.Score;
import dev.sift.core.store.ScoreGroup;
import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Selects samples of a dataset by their saved IFD scores (Cherry v1/v2 or Superfiltering, optionally with the refusal
 * filter and Superfiltering.D's facility-location pass), and records one algorithm decision per sample in one
 * transaction: {@code choose} for the selected, {@code reject} for the rest, each with its reason.
 *
 * <p>Samples without a score count as NaN and are rejected. Cherry uses the score value (IFD_loss); Superfiltering
 * uses IFD_ppl from the score's details. The job is short and not resumable: a cancelled run records no decisions.
 */
public final class SelectJob implements Job<SelectSummary> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long runId;
    private final ProjectStore store;
    private final SentenceEmbedder embedder;

    /** @param embedder the embedder for the diversity pass; may be null when the spec asks for none */
    public SelectJob(long runId, ProjectStore store, SentenceEmbedder embedder) {
        this.runId = runId;
        this.store = store;
        this.embedder = embedder;
    }

    /** Creates a queued selection run over a dataset. */
    public static Run createRun(ProjectStore store, long datasetId, SelectSpec spec) throws StoreException {
        return store.runs().create(new NewRun(spec.method().recipe(), datasetId, spec.toConfigJson(), 0,
                OptionalDouble.empty()));
    }

    @Override
    public String title() {
        return "Select by IFD (run " + runId + ")";
    }

    @Override
    public SelectSummary run(JobContext context) throws Exception {
        Run run = store.runs().find(runId).orElseThrow(() -> new StoreException("There is no run " + runId));
        SelectSpec spec = SelectSpec.fromConfigJson(run.configJson());
        store.runs().setStatus(runId, RunStatus.RUNNING, "");
        try {
            SelectSummary summary = select(context, run.datasetId(), spec);
            store.runs().updateProgress(runId, summary.total(), summary.total());
            store.runs().setStatus(runId, RunStatus.SUCCEEDED, "");
            store.runs().appendEvent(runId, RunStatus.SUCCEEDED.id(), String.format(Locale.ROOT,
                    "%d selected of %d (%d kept), threshold %s %.4f", summary.selected(), summary.total(),
                    summary.kept(), summary.metric(), summary.threshold()), "");
            return summary;
        } catch (JobCancelledException e) {
            store.runs().setStatus(runId, RunStatus.CANCELLED, "");
            store.runs().appendEvent(runId, RunStatus.CANCELLED.id(), "cancelled; no decisions recorded", "");
            throw e;
        } catch (Exception | Error e) {
            try {
                store.runs().setStatus(runId, RunStatus.FAILED, String.valueOf(e.getMessage()));
            } catch (StoreException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private SelectSummary select(JobContext context, long datasetId, SelectSpec spec) throws Exception {
        ScoreGroup group = group(datasetId, spec);
        boolean ppl = spec.method() == SelectSpec.Method.SUPERFILTERING;
        String metric = ppl ? "ifd_ppl" : "ifd_loss";
        store.runs().appendEvent(runId, "started", "selecting by " + metric + " of " + group.scorer() + " ("
                + group.template() + ")", "");
        Map<Long, Score> bySample = new HashMap<>();
        for (Score s : store.scores().list(datasetId, ScoreIfdSpec.METRIC, group.scorer(), group.template())) {
            bySample.putIfAbsent(s.sampleId(), s);
        }
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        int n = samples.size();
        double[] values = new double[n];
        String[] why = new String[n];
        RefusalFilter refusals = spec.refusalFilter() ? RefusalFilter.withDefaults() : null;
        for (int i = 0; i < n; i++) {
            Score score = bySample.get(samples.get(i).id());
            values[i] = score == null ? Double.NaN : value(score, ppl);
            if (score == null) {
                why[i] = "not scored";
            } else if (Double.isNaN(values[i])) {
                why[i] = "not scorable (" + skipReason(score) + ")";
            }
            if (refusals != null) {
                Optional<String> phrase = refusals.firstMatch(samples.get(i).content().output());
                if (phrase.isPresent()) {
                    values[i] = Double.NaN;
                    why[i] = "refusal: \"" + phrase.get() + "\"";
                }
            }
        }
        context.checkCancelled();
        IfdSelection rule = switch (spec.method()) {
            case CHERRY_V1 -> IfdSelection.CHERRY_V1;
            case CHERRY_V2 -> IfdSelection.CHERRY_V2;
            case SUPERFILTERING -> IfdSelection.SUPERFILTERING;
        };
        int[] kept = rule.kept(values);
        int[] chosen = spec.rate().isPresent()
                ? rule.select(values, spec.rate().getAsDouble())
                : rule.selectCount(values, spec.count().getAsInt());
        int[] afterDiversity = diverse(context, spec, samples, chosen);
        context.checkCancelled();

        int[] rank = ranks(values, kept);
        boolean[] inChosen = flags(n, chosen);
        boolean[] inFinal = flags(n, afterDiversity);
        var decisions = new ArrayList<NewDecision>(n);
        double threshold = Double.NaN;
        for (int i = 0; i < n; i++) {
            Score score = bySample.get(samples.get(i).id());
            long candidateId = score == null ? 0 : score.candidateId();
            String ifd = String.format(Locale.ROOT, "IFD %.4f", values[i]);
            String reason;
            if (inFinal[i]) {
                reason = ifd + ", rank " + rank[i] + " of " + kept.length;
                threshold = Double.isNaN(threshold) ? values[i] : Math.min(threshold, values[i]);
            } else if (inChosen[i]) {
                reason = ifd + ", rank " + rank[i] + " of " + kept.length + ", left out for diversity";
            } else if (rank[i] > 0) {
                reason = ifd + ", rank " + rank[i] + " of " + kept.length + ", below the cut";
            } else if (why[i] != null) {
                reason = why[i];
            } else {
                reason = ifd + (ppl ? ", not below 1" : ", above 1");
            }
            decisions.add(NewDecision.byAlgorithm(samples.get(i).id(), candidateId,
                    inFinal[i] ? DecisionAction.CHOOSE : DecisionAction.REJECT, runId, reason));
        }
        store.decisions().addAll(decisions);
        return new SelectSummary(runId, n, kept.length, afterDiversity.length, threshold, metric, group.scorer(),
                group.template());
    }

    private ScoreGroup group(long datasetId, SelectSpec spec) throws StoreException {
        List<ScoreGroup> groups = store.scores().groups(datasetId, ScoreIfdSpec.METRIC);
        if (!spec.scorer().isEmpty()) {
            return groups.stream()
                    .filter(g -> g.scorer().equals(spec.scorer())
                            && (spec.scoreKey().isEmpty() || g.template().equals(spec.scoreKey())))
                    .findFirst()
                    .orElseThrow(() -> new StoreException("The dataset has no IFD scores by " + spec.scorer()));
        }
        if (groups.isEmpty()) {
            throw new StoreException("The dataset has no IFD scores; score it first (sift score ifd)");
        }
        return groups.get(0);
    }

    /** Superfiltering.D: facility location on sentence embeddings down to {@code diverse}; else unchanged. */
    private int[] diverse(JobContext context, SelectSpec spec, List<Sample> samples, int[] chosen) {
        if (spec.diverse().isEmpty() || spec.diverse().getAsInt() >= chosen.length) {
            return chosen;
        }
        if (embedder == null) {
            throw new IllegalStateException("The diversity pass needs a sentence embedder");
        }
        context.message("Embedding " + chosen.length + " selected samples");
        var texts = new ArrayList<String>(chosen.length);
        for (int i : chosen) {
            SampleContent c = samples.get(i).content();
            texts.add(c.instruction() + "\n" + c.input() + "\n" + c.output());
        }
        List<float[]> embeddings = embedder.embed(texts);
        double[][] vectors = new double[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            float[] e = embeddings.get(i);
            vectors[i] = new double[e.length];
            for (int j = 0; j < e.length; j++) {
                vectors[i][j] = e[j];
            }
        }
        int[] picked = FacilityLocation.defaults().select(vectors, spec.diverse().getAsInt());
        int[] result = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            result[i] = chosen[picked[i]];
        }
        Arrays.sort(result);
        return result;
    }

    /** 1-based rank among the kept samples by (score descending, index ascending); 0 for samples not kept. */
    private static int[] ranks(double[] values, int[] kept) {
        Integer[] order = Arrays.stream(kept).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : a - b);
        int[] rank = new int[values.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }

    private static boolean[] flags(int n, int[] indices) {
        boolean[] flags = new boolean[n];
        for (int i : indices) {
            flags[i] = true;
        }
        return flags;
    }

    /** IFD_loss is the score's value; IFD_ppl comes from its details. */
    static double value(Score score, boolean ppl) {
        if (!ppl) {
            return score.value();
        }
        JsonNode node = details(score).path("ifd_ppl");
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String skipReason(Score score) {
        return details(score).path("skip").asText("unknown");
    }

    private static JsonNode details(Score score) {
        if (score.detailsJson().isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(score.detailsJson());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
