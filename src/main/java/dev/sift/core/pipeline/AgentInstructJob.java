package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.agentinstruct.SkillLibrary;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.Parallel;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.InstructContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AgentInstruct recipe (ALGORITHMS.md §2): over the chunks of a seed collection, the content-transformation,
 * seed-instruction and refinement flows of each drawn skill, then the responder; every pair is added to the run's
 * dataset (created with the run) with its provenance as soon as it is answered. The job's message counts each flow
 * ("transformed 12 · instructions 40 · refined 80 · answered 75 · pairs 75") and each finished instruction slot is a
 * {@code flow} run event.
 *
 * <p><b>Resume.</b> The configuration, with the text of its skills, is read from the run; the plan
 * ({@link AgentInstructPlan}) is derived from it and the collection alone, so it is the same on every resume. Slots
 * logged as done are skipped and saved contents are reused. Give the clients a call cache bound to the run so an
 * answer paid for before a crash is not paid again.
 *
 * <p><b>Failures.</b> A failed call leaves its slot open ({@code item_failed} event) and the run ends
 * {@link RunStatus#STOPPED} so a resume retries it; an answer the flows cannot read is logged with the slot, which
 * counts as done (the cache would give the same answer again). A call refused by the budget or a breaker stops the
 * run; cancellation ends it {@link RunStatus#CANCELLED}.
 */
public final class AgentInstructJob implements Job<AgentInstructSummary> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long runId;
    private final ProjectStore store;
    private final AgentInstructSetup setup;
    private final AgentInstructStages stages = new AgentInstructStages();
    private final RecordedRun recorded;

    public AgentInstructJob(long runId, ProjectStore store, AgentInstructSetup setup) {
        this.runId = runId;
        this.store = store;
        this.setup = setup;
        this.recorded = new RecordedRun(store, runId);
    }

    /**
     * Checks a configuration against the project and the skills of {@code library}, creates its (empty) output
     * dataset and a queued run that writes to it, keeping the skills' text with the run.
     *
     * @throws IllegalArgumentException naming the field when the configuration does not fit the project
     */
    public static Run createRun(ProjectStore store, AgentInstructSpec spec, SkillLibrary library)
            throws StoreException {
        AgentInstructSpec checked = AgentInstructSetup.check(store, spec, library);
        Dataset dataset = store.datasets().importDataset(new NewDataset(spec.dataset(), "agentinstruct:"
                + spec.seeds(), DatasetFormat.MESSAGES_JSONL), sink -> { });
        return store.runs().create(new NewRun(AgentInstructSpec.RECIPE, dataset.id(), checked.toConfigJson(),
                spec.seed(), spec.budgetUsd()));
    }

    /** The configuration's seed collection, by name or id. */
    static SeedCollection collection(ProjectStore store, AgentInstructSpec spec) throws StoreException {
        var byName = store.seeds().findCollection(spec.seeds());
        if (byName.isPresent()) {
            return byName.get();
        }
        if (spec.seeds().matches("\\d+")) {
            var byId = store.seeds().findCollection(Long.parseLong(spec.seeds()));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        throw new IllegalArgumentException("field 'seeds': there is no seed collection '" + spec.seeds()
                + "'; import one with 'sift seeds import'");
    }

    @Override
    public String title() {
        return "AgentInstruct (run " + runId + ")";
    }

    @Override
    public AgentInstructSummary run(JobContext context) throws Exception {
        Run run = recorded.load(AgentInstructSpec.RECIPE, "an agentinstruct run with an output dataset");
        AgentInstructSpec spec;
        AgentInstructSetup.Resolved resolved;
        List<AgentInstructPlan.ChunkRef> chunks = new ArrayList<>();
        try {
            spec = AgentInstructSpec.fromJson(run.configJson(), "run " + runId);
            resolved = setup.resolve(store, spec);
            store.seeds().forEachChunk(collection(store, spec).id(), c -> chunks.add(
                    new AgentInstructPlan.ChunkRef(c.id(), c.kind().id())));
        } catch (Exception e) { // the project changed since the run was created: say why on the run
            throw recorded.fail(e);
        }
        List<AgentInstructPlan.ContentUnit> plan = AgentInstructPlan.plan(chunks, spec.skills(), resolved.skills(),
                spec);
        Set<String> done = doneSlots();
        Map<String, InstructContent> contents = new ConcurrentHashMap<>();
        for (InstructContent c : store.instruct().contents(runId)) {
            contents.put(AgentInstructWork.contentKey(c.seedChunkId(), c.skill(), c.transformation()), c);
        }
        var pairs = new AtomicInteger(store.instruct().pairs(runId).size());
        int slots = plan.stream().mapToInt(u -> u.slots().size()).sum();
        var slotsDone = new AtomicInteger((int) plan.stream().flatMap(u -> u.slots().stream().map(u::key))
                .filter(done::contains).count());
        recorded.start(run.startedAt().isPresent(), chunks.size() + " seed chunks, " + plan.size() + " contents, "
                + slotsDone + " of " + slots + " instructions done, " + pairs + " pairs");
        recorded.progress(context, slotsDone.get(), slots);
        var work = new AgentInstructWork(store, runId, run.datasetId(), resolved, contents, done, stages, pairs);
        var failures = new ItemFailures(store, runId);
        return recorded.guard(() -> {
            context.message(stages.line());
            Parallel.forEach(plan, spec.concurrency(), context, unit -> {
                if (failures.refused()) {
                    return;
                }
                try {
                    work.process(unit, () -> {
                        try {
                            recorded.progress(context, slotsDone.incrementAndGet(), slots);
                        } catch (StoreException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                        context.message(stages.line());
                    });
                    context.publish(new JobEvent.ItemDone(context.jobId(), Instant.now(), item(unit), stages.line()));
                } catch (LlmException e) {
                    failures.record(context, item(unit), JSON.createObjectNode().put("chunk", unit.chunkId())
                            .put("skill", unit.skill().name()).put("transformation", unit.transformation().name())
                            .toString(), e);
                }
            });
            String stop = failures.stop("contents");
            String end = pairs + " pairs, " + slotsDone + " of " + slots + " instructions"
                    + (work.full() ? " (reached maxPairs)" : "") + "; " + stages.line();
            RunStatus status = recorded.conclude(stop, end, "; " + end);
            return new AgentInstructSummary(runId, status, run.datasetId(), slotsDone.get(), slots, pairs.get(),
                    stages.line(), stop);
        }, () -> "cancelled after " + pairs + " pairs; " + stages.line());
    }

    private static String item(AgentInstructPlan.ContentUnit unit) {
        return "chunk " + unit.chunkId() + " " + unit.skill().name() + "/" + unit.transformation().name();
    }

    /** The slots the run's {@code flow} events mark as done. */
    private Set<String> doneSlots() throws StoreException {
        Set<String> out = ConcurrentHashMap.newKeySet();
        long after = 0;
        while (true) {
            List<RunEvent> events = store.runs().events(runId, after, 1000);
            for (RunEvent e : events) {
                if (AgentInstructWork.FLOW_EVENT.equals(e.kind()) && !e.dataJson().isEmpty()) {
                    try {
                        JsonNode data = JSON.readTree(e.dataJson());
                        out.add(data.path("unit").asText());
                    } catch (java.io.IOException bad) {
                        throw new StoreException("run " + runId + ": event " + e.id() + " holds no JSON");
                    }
                }
                after = e.id();
            }
            if (events.size() < 1000) {
                return out;
            }
        }
    }
}
