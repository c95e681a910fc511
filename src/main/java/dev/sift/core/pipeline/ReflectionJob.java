package dev.sift.core.pipeline;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.Parallel;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Agent;
import dev.sift.core.model.AgentRole;
import dev.sift.core.model.Sample;
import dev.sift.core.reflection.ReflectionBranch;
import dev.sift.core.reflection.ReflectionBranches;
import dev.sift.core.reflection.ReflectionSelection;
import dev.sift.core.reflection.ReflectionTeacher;
import dev.sift.core.scoring.CausalLmScorer;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Selective Reflection-Tuning (ALGORITHMS.md §4): for every sample of the run's dataset, the teacher's instruction
 * reflection Q, response reflection A and the response reflection QA of Q; the student's IFD and r-IFD of the original
 * and the three reflections; and the selection rule's outcome as the sample's decision, with the reason. When the
 * run has a top-k, a last stage keeps only the k kept samples with the highest student IFD.
 *
 * <p><b>Resume.</b> The configuration is read from the run. Samples already decided in the run are skipped; a sample
 * redone after a crash reuses the reflections already saved for it; give the teacher's client a call cache bound to
 * the run, so an answer paid for just before a crash is not paid again. The top-k stage may be repeated safely.
 *
 * <p><b>Failures.</b> A failed teacher call leaves its sample undecided ({@code item_failed} event), the top-k stage
 * is not applied, and the run ends {@link RunStatus#STOPPED} so a resume retries those samples. A call refused by a
 * budget cap or breaker stops the run too; cancellation ends it {@link RunStatus#CANCELLED}.
 */
public final class ReflectionJob implements Job<ReflectionSummary> {

    private final long runId;
    private final ProjectStore store;
    private final AgentClients clients;
    private final CausalLmScorer scorer;
    private final RecordedRun recorded;

    /**
     * @param clients the client the teacher agent is asked through (normally its full stack, cache bound to the run)
     * @param scorer the student, opened by the caller from the run's configuration
     */
    public ReflectionJob(long runId, ProjectStore store, AgentClients clients, CausalLmScorer scorer) {
        this.runId = runId;
        this.store = store;
        this.clients = clients;
        this.scorer = scorer;
        this.recorded = new RecordedRun(store, runId);
    }

    /** Creates a queued run of this recipe over a dataset. */
    public static Run createRun(ProjectStore store, long datasetId, ReflectionSpec spec) throws StoreException {
        return store.runs().create(new NewRun(ReflectionSpec.RECIPE, datasetId, spec.toConfigJson(), spec.seed(),
                spec.budgetUsd()));
    }

    @Override
    public String title() {
        return "Reflection (run " + runId + ")";
    }

    @Override
    public ReflectionSummary run(JobContext context) throws Exception {
        Run run = recorded.load(ReflectionSpec.RECIPE, "a reflection run over a dataset");
        ReflectionSpec spec = ReflectionSpec.fromJson(run.configJson(), "run " + runId);
        long[] ids = store.samples().ids(SampleQuery.dataset(run.datasetId()));
        Set<Long> decided = ConcurrentHashMap.newKeySet();
        store.decisions().listByRun(runId).forEach(d -> decided.add(d.sampleId()));
        var done = new AtomicInteger((int) Arrays.stream(ids).filter(decided::contains).count());
        recorded.start(done.get() > 0, done + " of " + ids.length + " samples decided");
        return recorded.guard(() -> {
            var student = new ReflectionStudent(store, scorer, spec.ifdOptions(), spec.variant());
            var work = new ReflectionSample(store, runId, spec, teacher(spec), student, scorer);
            recorded.progress(context, done.get(), ids.length);
            String stop = decideAll(context, work, spec.concurrency(), ids, decided, done);
            if (stop.isEmpty() && spec.topK().isPresent()) {
                context.checkCancelled();
                context.message("top-" + spec.topK().getAsInt() + " by student IFD");
                int outside = ReflectionTopK.apply(store, runId, run.datasetId(), spec, student);
                store.runs().appendEvent(runId, "top_k", outside + " kept samples outside the top "
                        + spec.topK().getAsInt(), "{\"k\":" + spec.topK().getAsInt() + ",\"outside\":" + outside + "}");
            }
            Map<ReflectionBranch, Integer> branches = ReflectionBranches.count(store, runId);
            RunStatus status = recorded.conclude(stop, done + " samples decided: " + line(branches));
            return new ReflectionSummary(runId, status, done.get(), ids.length, branches, stop);
        }, () -> "cancelled after " + done + " samples");
    }

    /** Works through the undecided samples; returns why the run must stop, or "" when every sample is decided. */
    private String decideAll(JobContext context, ReflectionSample work, int concurrency, long[] ids,
            Set<Long> decided, AtomicInteger done) throws Exception {
        long[] pending = Arrays.stream(ids).filter(id -> !decided.contains(id)).toArray();
        var failures = new ItemFailures(store, runId);
        int total = ids.length;
        for (int from = 0; from < pending.length && !failures.refused(); from += 256) {
            context.checkCancelled();
            List<Sample> samples = store.samples().fetch(pending, from, Math.min(from + 256, pending.length));
            Parallel.forEach(samples, concurrency, context, sample -> {
                if (failures.refused()) {
                    return;
                }
                try {
                    ReflectionSelection.Choice choice = work.process(sample);
                    decided.add(sample.id());
                    recorded.progress(context, done.incrementAndGet(), total);
                    context.message(String.format(Locale.ROOT, "%,d of %,d samples decided · sample %d: %s",
                            done.get(), total, sample.id(), choice.branch().text()));
                    context.publish(new JobEvent.ItemDone(context.jobId(), Instant.now(), "sample " + sample.id(),
                            choice.reason()));
                } catch (LlmException e) {
                    failures.record(context, "sample " + sample.id(), "{\"sample_id\":" + sample.id() + "}", e);
                }
            });
        }
        return failures.stop("samples");
    }

    private ReflectionTeacher teacher(ReflectionSpec spec) throws Exception {
        Agent agent = RunAgents.named(store, spec.teacher(), "teacher", AgentRole.TEACHER);
        return new ReflectionTeacher(agent, clients.forAgent(agent), spec.seed());
    }

    /** E.g. "QA accepted 3, A accepted 2, dropped 1". */
    static String line(Map<ReflectionBranch, Integer> branches) {
        StringBuilder out = new StringBuilder();
        for (ReflectionBranch b : ReflectionBranch.values()) {
            int n = branches.getOrDefault(b, 0);
            if (n > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(b.text()).append(' ').append(n);
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }
}
