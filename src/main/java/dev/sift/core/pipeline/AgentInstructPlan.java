package dev.sift.core.pipeline;

import dev.sift.core.agentinstruct.InstructionType;
import dev.sift.core.agentinstruct.Skill;
import dev.sift.core.agentinstruct.TaxonomySampler;
import dev.sift.core.agentinstruct.Transformation;
import dev.sift.core.agentinstruct.UnitSeeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The work of an AgentInstruct run, laid out before any agent is asked and the same on every resume: for each seed
 * chunk in reading order, {@code skillsPerChunk} skills drawn by mix weight among those that take the chunk's kind;
 * for each, {@code transformationsPerChunk} of the skill's transformations drawn without replacement; for each
 * content, {@code instructionsPerContent} slots whose instruction types are the next draws of the skill's
 * {@link TaxonomySampler}, so the types spread over the whole taxonomy across the run. Every draw is seeded from the
 * run's seed and the chunk, so the plan depends on nothing but the configuration and the collection.
 */
final class AgentInstructPlan {

    private AgentInstructPlan() {}

    /** A seed chunk as the plan needs it. */
    record ChunkRef(long id, String kind) {}

    /** One instruction to write: its position among the content's slots and its drawn type. */
    record Slot(int index, InstructionType type) {}

    /** One (chunk, skill, transformation) content and the instructions to write about it. */
    record ContentUnit(long chunkId, Skill skill, Transformation transformation, List<Slot> slots) {

        /** The slot's key, stable across resumes: {@code chunk/skill/transformation/slot}. */
        String key(Slot slot) {
            return chunkId + "/" + skill.name() + "/" + transformation.name() + "/" + slot.index();
        }
    }

    /** The units of a run over these chunks, in order. */
    static List<ContentUnit> plan(List<ChunkRef> chunks, Map<String, Double> weights, Map<String, Skill> skills,
            AgentInstructSpec spec) {
        Map<String, TaxonomySampler> samplers = new HashMap<>();
        Map<String, Long> positions = new HashMap<>();
        skills.forEach((name, skill) -> samplers.put(name, new TaxonomySampler(skill, spec.seed())));
        List<ContentUnit> out = new ArrayList<>();
        for (ChunkRef chunk : chunks) {
            for (String name : drawSkills(chunk, weights, skills, spec)) {
                Skill skill = skills.get(name);
                for (Transformation t : drawTransformations(chunk, skill, spec)) {
                    List<Slot> slots = new ArrayList<>();
                    for (int i = 0; i < spec.instructionsPerContent(); i++) {
                        long p = positions.merge(name, 1L, Long::sum) - 1;
                        slots.add(new Slot(i, samplers.get(name).draw(p)));
                    }
                    out.add(new ContentUnit(chunk.id(), skill, t, slots));
                }
            }
        }
        return out;
    }

    /** Skills for a chunk, drawn without replacement in proportion to their weights among those taking its kind. */
    private static List<String> drawSkills(ChunkRef chunk, Map<String, Double> weights, Map<String, Skill> skills,
            AgentInstructSpec spec) {
        Map<String, Double> eligible = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            if (w > 0 && skills.get(name).accepts(chunk.kind())) {
                eligible.put(name, w);
            }
        });
        SplittableRandom random = new SplittableRandom(UnitSeeds.of(spec.seed(), "skills", chunk.id()));
        List<String> drawn = new ArrayList<>();
        while (drawn.size() < spec.skillsPerChunk() && !eligible.isEmpty()) {
            double total = eligible.values().stream().mapToDouble(Double::doubleValue).sum();
            double u = random.nextDouble() * total;
            String pick = null;
            for (var e : eligible.entrySet()) {
                pick = e.getKey();
                u -= e.getValue();
                if (u < 0) {
                    break;
                }
            }
            drawn.add(pick);
            eligible.remove(pick);
        }
        return drawn;
    }

    private static List<Transformation> drawTransformations(ChunkRef chunk, Skill skill, AgentInstructSpec spec) {
        List<Transformation> all = new ArrayList<>(skill.transformations());
        Collections.shuffle(all, new Random(UnitSeeds.of(spec.seed(), "transformations", chunk.id(), skill.name())));
        List<Transformation> drawn = new ArrayList<>(all.subList(0, Math.min(spec.transformationsPerChunk(),
                all.size())));
        drawn.sort(java.util.Comparator.comparingInt(skill.transformations()::indexOf));
        return drawn;
    }
}
