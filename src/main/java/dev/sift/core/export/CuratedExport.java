package dev.sift.core.export;

import dev.sift.core.job.JobContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.Run;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.Score;
import dev.sift.core.store.StoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walks the curated dataset: every sample the query matches, classified by its current decision (kept, rejected or
 * undecided, from the review's rows), and for each kept sample the content its decision keeps ({@link KeptContent})
 * and, when asked, its preference pairs ({@link PreferencePairs}). Samples are streamed; the review's columnar rows are
 * the only per-sample state held. Also gathers what the manifest tells of the curation: counts, the runs whose
 * decisions or candidates are in the export, and the scorers of the scores present.
 */
final class CuratedExport {

    /** Receives each kept sample, in id order. */
    @FunctionalInterface
    interface Visitor {
        void visit(Sample exported, List<PreferencePair> pairs) throws Exception;
    }

    /** What a walk saw. */
    static final class Curation {
        long kept;
        long rejected;
        long undecided;
        long pairs;
        long withoutPairs;
        final TreeMap<Long, String> runs = new TreeMap<>();
        final TreeSet<String> scorers = new TreeSet<>();

        CurationCounts counts() {
            return new CurationCounts(kept, rejected, undecided, pairs, withoutPairs);
        }
    }

    private static final int CHECK_EVERY = 256;

    private final ProjectStore store;
    private final Map<Long, Optional<Run>> runs = new HashMap<>();

    CuratedExport(ProjectStore store) {
        this.store = store;
    }

    /**
     * Visits the kept samples of {@code query} (its chosen-only flag aside), at most {@code limit}.
     *
     * @param pairs whether to build preference pairs
     */
    Curation walk(SampleQuery query, Map<Long, Dataset> datasets, boolean pairs, long limit, JobContext context,
            Visitor visitor) throws Exception {
        long[] datasetIds = (query.datasetIds().isEmpty() ? List.copyOf(datasets.keySet()) : query.datasetIds())
                .stream().mapToLong(Long::longValue).toArray();
        ReviewRows rows = store.review().rows(datasetIds, List.of());
        var curation = new Curation();
        long[] seen = {0};
        SampleQuery all = new SampleQuery(query.datasetIds(), query.text(), false, query.sampleIds());
        try {
            store.samples().<Exception>forEach(all, sample -> {
                if (++seen[0] % CHECK_EVERY == 0) {
                    context.checkCancelled();
                }
                ReviewState state = rows.rowOf(sample.id()).stream().mapToObj(rows::state).findFirst()
                        .orElse(ReviewState.UNDECIDED);
                if (state == ReviewState.REJECTED) {
                    curation.rejected++;
                } else if (!state.kept()) {
                    curation.undecided++;
                } else if (curation.kept < limit) {
                    kept(sample, pairs, curation, visitor);
                } else {
                    throw new Enough();
                }
            });
        } catch (Enough enough) {
            // the preview has its records
        }
        return curation;
    }

    private void kept(Sample sample, boolean withPairs, Curation curation, Visitor visitor) throws Exception {
        Decision decision = store.decisions().current(sample.id()).orElseThrow(() -> new ExportException(
                "Sample " + sample.id() + " changed its decision during the export; export again"));
        List<Candidate> candidates = store.candidates().listBySample(sample.id());
        List<Score> scores = store.scores().listBySample(sample.id());
        Optional<Candidate> kept = candidates.stream().filter(c -> c.id() == decision.candidateId()).findFirst();
        if (decision.candidateId() != 0 && kept.isEmpty()) {
            throw new ExportException("Sample " + sample.id() + " keeps candidate " + decision.candidateId()
                    + ", which it does not have");
        }
        curation.kept++;
        addRun(curation, decision.runId());
        if (kept.isPresent()) {
            addRun(curation, kept.get().runId());
        }
        for (Score s : scores) {
            curation.scorers.add(s.metric() + " by " + s.scorer() + (s.template().isEmpty() ? "" : " (" + s.template()
                    + ")"));
        }
        List<PreferencePair> pairs = List.of();
        if (withPairs) {
            Optional<DecisionMetric> metric = decision.decidedBy() == DecidedBy.ALGORITHM
                    ? run(decision.runId()).flatMap(DecisionMetric::of)
                    : Optional.empty();
            pairs = PreferencePairs.of(sample, decision, candidates, scores, metric);
            if (sample.content().isMultiTurn()) {
                curation.withoutPairs++;
            }
            curation.pairs += pairs.size();
            for (PreferencePair p : pairs) {
                for (Candidate c : candidates) {
                    if (c.id() == p.rejectedCandidate()) {
                        addRun(curation, c.runId());
                    }
                }
            }
        }
        visitor.visit(KeptContent.of(sample, kept), pairs);
    }

    private void addRun(Curation curation, long runId) throws StoreException {
        if (runId != 0 && !curation.runs.containsKey(runId)) {
            curation.runs.put(runId, run(runId).map(Run::recipe).orElse(""));
        }
    }

    /** The run, read once per export. */
    private Optional<Run> run(long runId) throws StoreException {
        if (runId == 0) {
            return Optional.empty();
        }
        Optional<Run> known = runs.get(runId);
        if (known == null) {
            known = store.runs().find(runId);
            runs.put(runId, known);
        }
        return known;
    }

    /** Stops the walk once the preview has its records. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
