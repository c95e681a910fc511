package dev.sift.ui.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.JobContext;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Score;
import dev.sift.core.store.ScoreGroup;
import dev.sift.core.store.StoreException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Reads a dataset's IFD scores, decisions and the plotted responses' lengths; runs off the UI thread. */
final class IfdLoader {

    /** The metric name IFD scores are saved under. */
    static final String METRIC = "ifd";
    /** The details key holding IFD ppl. */
    static final String PPL_KEY = "ifd_ppl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxPoints;

    IfdLoader(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    /** Loads {@code preferred} when the dataset still has that group, else its largest group. */
    IfdSnapshot load(ProjectStore store, long datasetId, ScoreGroup preferred, JobContext ctx) throws Exception {
        List<ScoreGroup> groups = store.scores().groups(datasetId, METRIC);
        Set<Long> chosenSamples = chosenSamples(store, datasetId);
        if (groups.isEmpty()) {
            return IfdSnapshot.empty(groups, chosenSamples.size());
        }
        ScoreGroup group = groups.stream().filter(g -> sameGroup(g, preferred)).findFirst().orElse(groups.get(0));
        List<Score> scores = store.scores().list(datasetId, METRIC, group.scorer(), group.template());
        int n = scores.size();
        double[] loss = new double[n];
        double[] ppl = new double[n];
        boolean[] chosen = new boolean[n];
        for (int i = 0; i < n; i++) {
            Score s = scores.get(i);
            loss[i] = s.value();
            ppl[i] = Double.isFinite(s.value()) ? ppl(s.detailsJson()) : Double.NaN;
            chosen[i] = chosenSamples.contains(s.sampleId());
        }
        int[] finite = IntStream.range(0, n).filter(i -> Double.isFinite(loss[i])).toArray();
        int[] finiteChosen = IntStream.of(finite).filter(i -> chosen[i]).toArray();
        int[] plotted = evenlySpaced(finite, maxPoints);
        int[] plottedChosen = evenlySpaced(finiteChosen, maxPoints);
        int[] chars = new int[n];
        java.util.Arrays.fill(chars, -1);
        fillLengths(store, scores, IntStream.concat(IntStream.of(plotted), IntStream.of(plottedChosen)).toArray(),
                chars, ctx);
        return new IfdSnapshot(List.copyOf(groups), group, loss, ppl, chosen, chars, plotted, plottedChosen,
                finite.length, finiteChosen.length, chosenSamples.size());
    }

    static boolean sameGroup(ScoreGroup a, ScoreGroup b) {
        return a != null && b != null && a.scorer().equals(b.scorer()) && a.template().equals(b.template());
    }

    private static Set<Long> chosenSamples(ProjectStore store, long datasetId) throws StoreException {
        Set<Long> chosen = new HashSet<>();
        for (Decision d : store.decisions().currentByDataset(datasetId)) {
            if (d.action() == DecisionAction.CHOOSE) {
                chosen.add(d.sampleId());
            }
        }
        return chosen;
    }

    /** The scored candidate's response length for each index, read in one query. */
    private static void fillLengths(ProjectStore store, List<Score> scores, int[] indices, int[] chars, JobContext ctx)
            throws Exception {
        ctx.checkCancelled();
        long[] candidates = IntStream.of(indices).mapToLong(i -> scores.get(i).candidateId()).distinct().toArray();
        java.util.Map<Long, Integer> lengths = store.candidates().responseLengths(candidates);
        for (int i : indices) {
            chars[i] = lengths.getOrDefault(scores.get(i).candidateId(), -1);
        }
    }

    /** IFD ppl from a score's details; NaN when absent, null or unreadable. */
    static double ppl(String detailsJson) {
        if (detailsJson == null || detailsJson.isBlank()) {
            return Double.NaN;
        }
        try {
            JsonNode node = JSON.readTree(detailsJson).path(PPL_KEY);
            return node.isNumber() ? node.doubleValue() : Double.NaN;
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    /** At most {@code max} of {@code indices}, evenly spaced, first one included. */
    static int[] evenlySpaced(int[] indices, int max) {
        if (indices.length <= max) {
            return indices;
        }
        int[] picked = new int[max];
        for (int k = 0; k < max; k++) {
            picked[k] = indices[(int) ((long) k * indices.length / max)];
        }
        return picked;
    }
}
