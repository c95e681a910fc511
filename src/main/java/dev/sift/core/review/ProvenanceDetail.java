package dev.sift.core.review;

import dev.sift.core.store.InstructProvenance;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.RefinementStep;
import dev.sift.core.store.SeedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where an AgentInstruct sample came from, as the review shows it: a one-line summary, the facts (skill, instruction
 * type, transformation, refinement, run, the agent of each role), the seed passage, the transformed content written
 * from it, and each refinement round with the Suggester's suggestions and the Editor's instruction.
 *
 * @param seedSource where the seed passage was read, or why it is not there
 * @param seedText the seed passage; empty when its collection has been deleted
 */
public record ProvenanceDetail(
        String summary, List<Fact> facts, String seedSource, String seedText, String content, List<Step> steps) {

    private static final List<String> ROLES = List.of(PairProvenance.TRANSFORMER, PairProvenance.GENERATOR,
            PairProvenance.SUGGESTER, PairProvenance.EDITOR, PairProvenance.RESPONDER);

    /** One labelled fact, e.g. ("Skill", "reading-comprehension"). */
    public record Fact(String label, String value) {}

    /** The seed instruction as generated, or one refinement round. */
    public record Step(String title, List<String> suggestions, String instruction) {
        public Step {
            suggestions = List.copyOf(suggestions);
        }
    }

    public ProvenanceDetail {
        facts = List.copyOf(facts);
        steps = List.copyOf(steps);
    }

    public static ProvenanceDetail of(InstructProvenance lineage) {
        PairProvenance p = lineage.pair().provenance();
        var facts = new ArrayList<Fact>();
        facts.add(new Fact("Skill", p.skill()));
        facts.add(new Fact("Instruction type", p.instructionType()));
        facts.add(new Fact("Transformation", lineage.content().transformation()));
        facts.add(new Fact("Refinement", rounds(p.refinementRound())));
        facts.add(new Fact("Run", "run " + lineage.pair().runId()));
        p.agents().entrySet().stream().sorted(Comparator.comparingInt(e -> roleOrder(e.getKey())))
                .forEach(agent -> facts.add(new Fact(capitalised(agent.getKey()), agent.getValue())));
        var steps = new ArrayList<Step>();
        for (RefinementStep step : p.steps()) {
            steps.add(new Step(step.round() == 0 ? "Seed instruction" : "Round " + step.round(), step.suggestions(),
                    step.instruction()));
        }
        String summary = String.format(Locale.ROOT, "AgentInstruct · %s · %s · %s", p.skill(), p.instructionType(),
                p.refinementRound() == 0 ? "unrefined" : rounds(p.refinementRound()) + " of refinement");
        return new ProvenanceDetail(summary, facts, lineage.seed().map(ProvenanceDetail::source)
                .orElse("The seed collection has been deleted since."), lineage.seed().map(SeedChunk::text).orElse(""),
                lineage.content().text(), steps);
    }

    /** The roles in the order the flows use them; other roles after them, as stored. */
    private static int roleOrder(String role) {
        int known = ROLES.indexOf(role);
        return known < 0 ? ROLES.size() : known;
    }

    private static String source(SeedChunk chunk) {
        String kind = chunk.language().isEmpty() ? chunk.kind().id() : chunk.kind().id() + ", " + chunk.language();
        return chunk.source() + ", chunk " + (chunk.chunkIndex() + 1) + " (" + kind + ")";
    }

    private static String rounds(int n) {
        return n == 0 ? "none" : n == 1 ? "1 round" : n + " rounds";
    }

    private static String capitalised(String role) {
        return role.isEmpty() ? role : Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }
}
