package dev.sift.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.reflection.ReflectionSelection;
import dev.sift.core.reflection.ReflectionVersion;
import dev.sift.core.reflection.StudentStats;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.Score;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Selective Reflection-Tuning against the scripted loopback teacher with the tiny in-process model as the student:
 * each sample takes its known branch, the decisions carry the reasons, all four versions are scored, a teacher answer
 * without tags is asked once more and then falls back to the original, and a cancelled run resumes without asking
 * the teacher again.
 */
class ReflectionJobTest extends LoopbackJobTest<ReflectionLoopback> {

    ReflectionJobTest() {
        super(ReflectionLoopback::new, ReflectionLoopback::setUpProject);
    }

    long newRun(ProjectStore store, String extra) throws Exception {
        ReflectionSpec spec = ReflectionSpec.fromJson(ReflectionLoopback.config(tinyFolder, extra), "run.json");
        return ReflectionJob.createRun(store, store.datasets().findByName("reflect").orElseThrow().id(), spec).id();
    }

    ReflectionJob job(ProjectStore store, long runId) throws Exception {
        return new ReflectionJob(runId, store,
                ScriptedChatLoopback.cachedClients(store, runId), tiny);
    }

    /** Sample index (0-based, in import order) → the current decision of the run. */
    static Map<Integer, Decision> decisions(ProjectStore store, long runId) throws Exception {
        long first = store.samples().ids(dev.sift.core.store.SampleQuery.dataset(
                store.datasets().findByName("reflect").orElseThrow().id()))[0];
        Map<Integer, Decision> out = new TreeMap<>();
        for (Decision d : store.decisions().listByRun(runId)) {
            out.put((int) (d.sampleId() - first), d);
        }
        return out;
    }

    static String sourceOf(ProjectStore store, Decision d) throws Exception {
        Candidate c = store.candidates().listBySample(d.sampleId()).stream().filter(x -> x.id() == d.candidateId())
                .findFirst().orElseThrow();
        return c.origin() == CandidateOrigin.ORIGINAL ? "ori" : c.source();
    }

    @Test
    void everySampleTakesItsBranchAndTheDecisionSaysWhy() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "");

        ReflectionSummary summary = job(store, runId).run(TestContext.running());

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(summary.decided()).isEqualTo(ReflectionLoopback.SAMPLES);
        Map<Integer, Decision> d = decisions(store, runId);
        assertThat(d.get(0).action()).isEqualTo(DecisionAction.CHOOSE);
        assertThat(sourceOf(store, d.get(0))).isEqualTo("QA");
        assertThat(d.get(0).reason()).isEqualTo("Q accepted: IFD rose 0.56→0.86; QA accepted: r-IFD fell 0.70→0.64");
        assertThat(sourceOf(store, d.get(1))).isEqualTo("A");
        assertThat(d.get(1).reason()).isEqualTo("Q rejected: IFD 0.37 did not rise above 0.92; A accepted: r-IFD fell "
                + "0.90→0.59");
        assertThat(d.get(2).action()).isEqualTo(DecisionAction.REJECT);
        assertThat(sourceOf(store, d.get(2))).as("a rejection points at the original").isEqualTo("ori");
        assertThat(d.get(2).reason()).isEqualTo("Q rejected: IFD 0.37 did not rise above 0.64; A rejected: r-IFD 0.77 "
                + "did not fall below 0.59; dropped");
        assertThat(sourceOf(store, d.get(3))).isEqualTo("A");
        assertThat(summary.branches()).containsEntry(ReflectionBranch.QA_ACCEPTED, 1)
                .containsEntry(ReflectionBranch.A_ACCEPTED, 2).containsEntry(ReflectionBranch.DROPPED, 1)
                .containsEntry(ReflectionBranch.OUTSIDE_TOP_K, 0);
        assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void allFourVersionsAreStoredAndScoredInBothVariantsAndTheRuleReappliesOffline() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "");
        job(store, runId).run(TestContext.running());

        for (Decision d : decisions(store, runId).values()) {
            List<Candidate> candidates = store.candidates().listBySample(d.sampleId());
            assertThat(candidates.stream().filter(c -> c.origin() == CandidateOrigin.REFLECTION).map(Candidate::source))
                    .containsExactlyInAnyOrder("Q", "A", "QA");
            assertThat(candidates).filteredOn(c -> c.origin() == CandidateOrigin.ORIGINAL).hasSize(1);
            List<Score> scores = store.scores().listBySample(d.sampleId());
            Map<ReflectionVersion, StudentStats> stats = new EnumMap<>(ReflectionVersion.class);
            for (Candidate c : candidates) {
                ReflectionVersion v = c.origin() == CandidateOrigin.ORIGINAL ? ReflectionVersion.ORIGINAL
                        : ReflectionVersion.ofSource(c.source()).orElseThrow();
                Score ifd = one(scores, c, "ifd");
                Score rifd = one(scores, c, "rifd");
                assertThat(ifd.detailsJson()).contains("\"ifd_ppl\"", "\"ifd_loss\"", "\"version\":\"" + v.label());
                assertThat(rifd.detailsJson()).contains("\"rifd_ppl\"", "\"rifd_loss\"");
                assertThat(store.scores().losses(ifd.id()).orElseThrow().conditioned()).isNotEmpty();
                stats.put(v, new StudentStats(ReflectionStudent.valueOf(ifd, ReflectionSpec.Variant.PPL),
                        ReflectionStudent.valueOf(rifd, ReflectionSpec.Variant.PPL)));
            }
            assertThat(ReflectionSelection.select(stats, false, false).reason()).isEqualTo(d.reason());
        }
    }

    @Test
    void theReviewSaysWhichReflectionMadeEachCandidateAndShowsItsScores() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "");
        job(store, runId).run(TestContext.running());

        long sample = decisions(store, runId).get(0).sampleId();
        var detail = dev.sift.core.review.SampleDetail.load(store, sample);

        assertThat(detail.candidates()).extracting(dev.sift.core.review.CandidateDetail::madeBy).containsExactly(
                "original", "reflection Q (run " + runId + ")", "reflection A (run " + runId + ")",
                "reflection QA (run " + runId + ")");
        assertThat(detail.candidates()).allSatisfy(c -> assertThat(c.scores()).extracting(Score::metric)
                .containsExactlyInAnyOrder("ifd", "rifd"));
        assertThat(detail.candidates().get(3).current()).as("the decision chose QA").isTrue();
    }

    static Score one(List<Score> scores, Candidate c, String metric) {
        List<Score> found = scores.stream().filter(s -> s.candidateId() == c.id() && s.metric().equals(metric))
                .collect(Collectors.toList());
        assertThat(found).as(metric + " of candidate " + c.id()).hasSize(1);
        return found.get(0);
    }

    @Test
    void aTeacherAnswerWithoutTagsIsAskedOnceMoreThenTheOriginalIsKept() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "");
        job(store, runId).run(TestContext.running());

        Decision last = decisions(store, runId).get(3);
        Candidate q = store.candidates().listBySample(last.sampleId()).stream()
                .filter(c -> "Q".equals(c.source())).findFirst().orElseThrow();
        assertThat(q.instruction()).isEqualTo(ReflectionLoopback.POEM);
        assertThat(q.response()).isEqualTo("it is a very happy day .");
        List<dev.sift.core.store.LlmCall> calls = store.llmCalls().listByRun(runId);
        assertThat(calls.stream().filter(c -> c.requestJson().contains("rather not") || c.responseJson()
                .contains("rather not")).count()).as("the instruction reflection of the last sample, asked twice")
                .isEqualTo(2);
        assertThat(store.runs().events(runId, 0, 100)).extracting(RunEvent::message)
                .contains("sample " + last.sampleId() + ", Q: instruction and answer kept from the original after 2 "
                        + "teacher calls");
        // 3 + 3 + 2 + 3: sample 3's QA asks what sample 2's QA asked, and the last sample's QA what its A asked
        assertThat(server.calls()).isEqualTo(11);
    }

    @Test
    void flagsKeepTheOriginalAndTopKRejectsTheRest() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "\"keepOriginal\":true,\"topK\":2");

        ReflectionSummary summary = job(store, runId).run(TestContext.running());

        Map<Integer, Decision> d = decisions(store, runId);
        // kept before the top-k: QA (IFD 0.72), A (0.64), ori (0.64, kept by the flag), A (0.56)
        assertThat(d.get(0).action()).isEqualTo(DecisionAction.CHOOSE);
        assertThat(d.get(1).action()).isEqualTo(DecisionAction.CHOOSE);
        assertThat(d.get(2).action()).isEqualTo(DecisionAction.REJECT);
        assertThat(d.get(2).reason()).startsWith("outside top-k: student IFD 0.64 ranks 3 of 4, k = 2 (Q rejected")
                .endsWith("original kept)");
        assertThat(d.get(3).reason()).startsWith("outside top-k: student IFD 0.56 ranks 4 of 4");
        assertThat(summary.branches()).containsEntry(ReflectionBranch.QA_ACCEPTED, 1)
                .containsEntry(ReflectionBranch.A_ACCEPTED, 1).containsEntry(ReflectionBranch.OUTSIDE_TOP_K, 2);
        assertThat(ReflectionBranches.count(store, runId)).isEqualTo(summary.branches());

        job(store, runId).run(TestContext.running());
        assertThat(decisions(store, runId)).as("a repeated top-k changes nothing").isEqualTo(d);
    }

    @Test
    void aFailedTeacherCallLeavesItsSampleUndecidedAndAResumeRetriesIt() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "\"topK\":1");
        server.failNext(1);

        ReflectionSummary stopped = job(store, runId).run(TestContext.running());

        assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(stopped.stopReason()).isEqualTo("1 samples failed; resume to retry them");
        assertThat(stopped.decided()).isEqualTo(ReflectionLoopback.SAMPLES - 1);
        assertThat(decisions(store, runId)).doesNotContainKey(0).hasSize(3);
        assertThat(store.runs().events(runId, 0, 100)).extracting(RunEvent::kind).contains("item_failed")
                .doesNotContain("top_k");
        assertThat(stopped.branches()).as("no top-k while a sample is undecided")
                .containsEntry(ReflectionBranch.OUTSIDE_TOP_K, 0);

        ReflectionSummary resumed = job(store, runId).run(TestContext.running());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sourceOf(store, decisions(store, runId).get(0))).isEqualTo("QA");
        assertThat(resumed.branches()).containsEntry(ReflectionBranch.QA_ACCEPTED, 1)
                .containsEntry(ReflectionBranch.OUTSIDE_TOP_K, 2);
        assertThat(server.calls()).as("the failed call and the 11 answered ones").isEqualTo(12);
    }

    @Test
    void compatibilityModeScoresWithTheReferenceSpanLocation() throws Exception {
        ProjectStore store = project("p");
        long runId = newRun(store, "\"referenceCompat\":true");

        ReflectionSummary summary = job(store, runId).run(TestContext.running());

        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        long sample = decisions(store, runId).get(0).sampleId();
        assertThat(store.scores().listBySample(sample)).isNotEmpty().allSatisfy(s -> {
            assertThat(s.detailsJson()).contains("\"span_mode\":\"reference_compat\"");
            assertThat(s.template()).isEqualTo("none/response_only/reference_compat/64");
        });
    }

    @Test
    void aCancelledRunResumesWithoutAskingTheTeacherAgain() throws Exception {
        ProjectStore straight = project("straight");
        long a = newRun(straight, "");
        job(straight, a).run(TestContext.running());
        int uninterrupted = server.calls();

        ProjectStore broken = project("broken");
        long b = newRun(broken, "");
        int before = server.calls();
        assertThatThrownBy(() -> job(broken, b).run(TestContext.cancelledAfter(2)))
                .isInstanceOf(JobCancelledException.class);
        assertThat(broken.runs().find(b).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(decisions(broken, b)).hasSizeLessThan(ReflectionLoopback.SAMPLES);
        int afterCancel = server.calls() - before;
        ReflectionSummary resumed = job(broken, b).run(TestContext.running());

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(server.calls() - before).as("the second project asks what the first did, once")
                .isEqualTo(uninterrupted);
        assertThat(afterCancel).isPositive();
        assertThat(decisions(broken, b).values()).extracting(Decision::reason)
                .isEqualTo(decisions(straight, a).values().stream().map(Decision::reason).toList());
        assertThat(broken.runs().events(b, 0, 100)).extracting(RunEvent::kind).contains("cancelled", "resumed");
    }
}
