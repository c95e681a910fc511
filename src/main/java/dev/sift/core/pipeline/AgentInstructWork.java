package dev.sift.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.agentinstruct.AgentOutputException;
import dev.sift.core.agentinstruct.Answer;
import dev.sift.core.agentinstruct.ContentTransformation;
import dev.sift.core.agentinstruct.InstructionGeneration;
import dev.sift.core.agentinstruct.InstructionRefinement;
import dev.sift.core.agentinstruct.RefinedInstruction;
import dev.sift.core.agentinstruct.ResponseGeneration;
import dev.sift.core.agentinstruct.SeedText;
import dev.sift.core.agentinstruct.SkillAgent;
import dev.sift.core.agentinstruct.UnitSeeds;
import dev.sift.core.judge.Grade;
import dev.sift.core.llm.LlmException;
import dev.sift.core.model.SampleContent;
import dev.sift.core.scoring.IfdResult;
import dev.sift.core.store.AddedPair;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.InstructContent;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RefinementStep;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work on one content unit of an AgentInstruct run: the transformation (or the content this run saved for it
 * before), then per slot not yet done the seed instruction, its refinement, an answer for each emitted instruction,
 * each pair added to the run's dataset with its provenance, and optionally judged and IFD-scored. A finished slot is
 * logged as a {@code flow} run event whose {@code unit} key marks it done for a resume; a slot redone after a crash
 * asks again through the run's call cache (nothing is paid twice) and its pairs, having the same content, are not
 * added twice.
 */
final class AgentInstructWork {

    static final String FLOW_EVENT = "flow";
    static final String JUDGE = "judge";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProjectStore store;
    private final long runId;
    private final long datasetId;
    private final AgentInstructSetup.Resolved resolved;
    private final Map<String, InstructContent> contents;
    private final Set<String> done;
    private final AgentInstructStages stages;
    private final AtomicInteger pairs;

    AgentInstructWork(ProjectStore store, long runId, long datasetId, AgentInstructSetup.Resolved resolved,
            Map<String, InstructContent> contents, Set<String> done, AgentInstructStages stages, AtomicInteger pairs) {
        this.store = store;
        this.runId = runId;
        this.datasetId = datasetId;
        this.resolved = resolved;
        this.contents = contents;
        this.done = done;
        this.stages = stages;
        this.pairs = pairs;
    }

    /** The key of a saved content: {@code chunk/skill/transformation}. */
    static String contentKey(long chunkId, String skill, String transformation) {
        return chunkId + "/" + skill + "/" + transformation;
    }

    /** Whether the run has added as many pairs as it may. */
    boolean full() {
        int max = resolved.spec().maxPairs();
        return max > 0 && pairs.get() >= max;
    }

    /** Works through the unit's open slots; {@code slotDone} is called after each. */
    void process(AgentInstructPlan.ContentUnit unit, Runnable slotDone) throws LlmException, StoreException {
        if (unit.slots().stream().allMatch(s -> done.contains(unit.key(s))) || full()) {
            return;
        }
        var spec = resolved.spec();
        var skill = unit.skill();
        var t = unit.transformation();
        InstructContent content = contents.get(contentKey(unit.chunkId(), skill.name(), t.name()));
        if (content == null) {
            SeedChunk chunk = store.seeds().chunk(unit.chunkId()).orElseThrow(() -> new StoreException(
                    "seed chunk " + unit.chunkId() + " is gone from its collection"));
            SkillAgent transformer = resolved.agents().get("transformer");
            String text = new ContentTransformation(transformer).transform(skill, t, new SeedText(chunk.text(),
                    chunk.source(), chunk.kind().id(), chunk.language()), UnitSeeds.of(spec.seed(),
                    contentKey(unit.chunkId(), skill.name(), t.name())));
            long id = store.instruct().saveContent(runId, chunk.id(), skill.name(), t.name(),
                    t.isIdentity() ? 0 : transformer.agent().id(), text);
            content = store.instruct().content(id).orElseThrow();
            contents.put(contentKey(unit.chunkId(), skill.name(), t.name()), content);
            if (!t.isIdentity()) {
                stages.transformed.incrementAndGet();
            }
        }
        for (AgentInstructPlan.Slot slot : unit.slots()) {
            String key = unit.key(slot);
            if (done.contains(key)) {
                continue;
            }
            if (full()) {
                return;
            }
            slot(unit, slot, key, content);
            done.add(key);
            slotDone.run();
        }
    }

    private void slot(AgentInstructPlan.ContentUnit unit, AgentInstructPlan.Slot slot, String key,
            InstructContent content) throws LlmException, StoreException {
        var spec = resolved.spec();
        var skill = unit.skill();
        String type = slot.type().type();
        long unitSeed = UnitSeeds.of(spec.seed(), key);
        ObjectNode data = JSON.createObjectNode().put("unit", key).put("chunk", unit.chunkId())
                .put("skill", skill.name()).put("transformation", unit.transformation().name()).put("type", type)
                .put("content", content.id());
        List<Long> samples = new ArrayList<>();
        try {
            String seedInstruction = new InstructionGeneration(resolved.agents().get("generator")).generate(skill,
                    unit.transformation().name(), content.text(), slot.type(), unitSeed);
            stages.instructions.incrementAndGet();
            RefinedInstruction refined = spec.rounds() == 0
                    ? new RefinedInstruction(List.of(new dev.sift.core.agentinstruct.ChainStep(0, List.of(),
                            seedInstruction)), List.of())
                    : new InstructionRefinement(resolved.agents().get("suggester"), resolved.agents().get("editor"),
                            spec.rounds(), spec.suggestions()).refine(skill, content.text(), type, seedInstruction,
                            unitSeed);
            refined.variants().forEach(v -> stages.refined.addAndGet(v.size()));
            var responder = new ResponseGeneration(resolved.agents().get("responder"));
            for (RefinedInstruction.Emitted e : refined.emitted(spec.emit())) {
                if (full()) {
                    break;
                }
                Answer answer = responder.respond(skill, content.text(), type, e.instruction(),
                        UnitSeeds.of(unitSeed, "answer", e.round(), e.instruction()));
                stages.answered.incrementAndGet();
                var sample = new SampleContent(answer.system(), answer.prompt(), "", answer.text(), List.of(),
                        skill.name() + "/" + type);
                AddedPair added = store.instruct().addPair(runId, datasetId, sample, new PairProvenance(content.id(),
                        skill.name(), type, e.round(), agents(unit), steps(e)));
                if (!added.duplicate()) {
                    pairs.incrementAndGet();
                    stages.pairs.incrementAndGet();
                    samples.add(added.sampleId());
                    score(added.sampleId(), sample);
                }
            }
        } catch (AgentOutputException e) {
            stages.unparsed.incrementAndGet();
            data.put("error", String.valueOf(e.getMessage()));
        }
        samples.forEach(data.putArray("samples")::add);
        data.put("pairs", samples.size());
        String message = "chunk " + unit.chunkId() + " · " + skill.name() + "/" + unit.transformation().name() + " · "
                + type + ": " + (data.has("error") ? "unreadable answer: " + data.get("error").asText()
                        : samples.size() + (samples.size() == 1 ? " pair" : " pairs")) + " — " + stages.line();
        store.runs().appendEvent(runId, FLOW_EVENT, message, data.toString());
    }

    /** The agent of each role that took part, by role. */
    private Map<String, String> agents(AgentInstructPlan.ContentUnit unit) {
        Map<String, String> out = new LinkedHashMap<>();
        resolved.agents().forEach((role, agent) -> {
            boolean tookPart = switch (role) {
                case "transformer" -> !unit.transformation().isIdentity();
                case "suggester", "editor" -> resolved.spec().rounds() > 0;
                default -> true;
            };
            if (tookPart) {
                out.put(role, agent.name());
            }
        });
        return out;
    }

    private static List<RefinementStep> steps(RefinedInstruction.Emitted e) {
        return e.steps().stream().map(s -> new RefinementStep(s.round(), s.suggestions(), s.instruction())).toList();
    }

    private void score(long sampleId, SampleContent sample) throws LlmException, StoreException {
        if (resolved.judge().isEmpty() && resolved.ifd().isEmpty()) {
            return;
        }
        Candidate c = store.candidates().add(new NewCandidate(sampleId, runId, 0, CandidateOrigin.ORIGINAL,
                OptionalInt.empty(), sample.instruction(), "", sample.output(), AgentInstructSpec.RECIPE));
        List<NewScore> scores = new ArrayList<>();
        if (resolved.judge().isPresent()) {
            Grade g = resolved.judge().get().grade(sample.instruction(), sample.output());
            ObjectNode d = JSON.createObjectNode().put("rationale", g.rationale()).put("unparsed", g.unparsed())
                    .put("raw", g.rawOutput()).put("promptHash", g.promptHash());
            scores.add(new NewScore(c.id(), JUDGE, g.score().orElse(Double.NaN), resolved.spec().judge().get(),
                    "single-1-10", 0, null, null, d.toString()));
            stages.judged.incrementAndGet();
        }
        if (resolved.ifd().isPresent()) {
            // scorers are thread-safe (CausalLmScorer): an in-process model runs one call at a time by itself
            IfdResult r = resolved.ifd().get().score(sample.instruction(), "", sample.output());
            scores.add(new NewScore(c.id(), ScoreIfdSpec.METRIC, r.ifdLoss(), r.scorerName(),
                    ScoreIfdSpec.key(r.options()), r.options().maxLength(), r.conditionalNll(), r.directNll(),
                    ScoreIfdJob.details(r)));
            stages.scored.incrementAndGet();
        }
        store.scores().saveAll(scores);
    }
}
