package dev.sift.ui.review;

import dev.sift.core.model.Sample;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.ui.testsupport.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A reviewable project: six samples ("Task i about apples|pears"), each with its original and one generated candidate
 * ("Better answer i"), IFD and judge scores on both, and a selection run's decisions: samples 0 and 1 keep the
 * generated candidate, 2 is rejected, 3 keeps the original; 4 and 5 are undecided.
 */
final class ReviewFixture {

    /** IFD of the original candidates; sample 2 has none. */
    static final double[] IFD = {0.5, 0.8, Double.NaN, 1.2, 0.3, 0.9};
    /** Judge scores of the original candidates. */
    static final double[] JUDGE = {8, 3, 9, 8, 2, 7};

    final ProjectStore store;
    final long[] samples;
    final long[] originals;
    final long[] generated;
    final long runId;

    private ReviewFixture(ProjectStore store, long[] samples, long[] originals, long[] generated, long runId) {
        this.store = store;
        this.samples = samples;
        this.originals = originals;
        this.generated = generated;
        this.runId = runId;
    }

    static ReviewFixture create(Path dir, String name) throws Exception {
        ProjectStore store = TestProjects.withSamples(dir, name, 6);
        long datasetId = store.datasets().list().get(0).id();
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        List<Sample> samples = store.samples().fetch(ids, 0, ids.length);
        long run = store.runs().create(new NewRun("select", datasetId, "{}", 1, OptionalDouble.empty())).id();
        long[] originals = new long[ids.length];
        long[] generated = new long[ids.length];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            originals[i] = store.candidates().add(new NewCandidate(s.id(), 0, 0, CandidateOrigin.ORIGINAL,
                    OptionalInt.empty(), s.content().instruction(), "", s.content().output())).id();
            generated[i] = store.candidates().add(NewCandidate.generated(s.id(), run, s.content().instruction(), "",
                    "Better answer " + i)).id();
            if (!Double.isNaN(IFD[i])) {
                store.scores().save(new NewScore(originals[i], "ifd", IFD[i], "tiny", "alpaca", 64, null, null,
                        "{\"ifd_ppl\":" + (IFD[i] / 2) + "}"));
            }
            store.scores().save(new NewScore(generated[i], "ifd", 0.1 * (i + 1), "tiny", "alpaca", 64, null, null, ""));
            store.scores().save(new NewScore(originals[i], "judge", JUDGE[i], "judge-model", "v1", 0, null, null, ""));
        }
        var decisions = new ArrayList<NewDecision>();
        decisions.add(NewDecision.byAlgorithm(ids[0], generated[0], DecisionAction.CHOOSE, run, "IFD rank 1"));
        decisions.add(NewDecision.byAlgorithm(ids[1], generated[1], DecisionAction.CHOOSE, run, "IFD rank 2"));
        decisions.add(NewDecision.byAlgorithm(ids[2], originals[2], DecisionAction.REJECT, run, "no IFD"));
        decisions.add(NewDecision.byAlgorithm(ids[3], originals[3], DecisionAction.CHOOSE, run, "IFD rank 3"));
        store.decisions().addAll(decisions);
        return new ReviewFixture(store, ids, originals, generated, run);
    }
}
