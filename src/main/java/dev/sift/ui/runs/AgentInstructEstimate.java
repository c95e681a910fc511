package dev.sift.ui.runs;

import dev.sift.core.agentinstruct.Emit;
import dev.sift.core.pipeline.AgentInstructSpec;
import java.util.Locale;

/**
 * The calls an AgentInstruct run will make at most, by role, from its configuration and the size of its seed
 * collection: per content one transformer call (none for the identity), per instruction one generator call, per
 * refinement round one suggester call and one editor call per suggestion, and one responder call (and one judge call)
 * per emitted instruction. A cap on pairs cuts the instructions.
 */
final class AgentInstructEstimate {

    private AgentInstructEstimate() {}

    static String describe(AgentInstructSpec spec, int chunks) {
        long contents = (long) chunks * spec.skillsPerChunk() * spec.transformationsPerChunk();
        long instructions = contents * spec.instructionsPerContent();
        long perInstruction = spec.emit() == Emit.FINAL ? 1 : 1 + (long) spec.rounds() * spec.suggestions();
        if (spec.maxPairs() > 0) {
            instructions = Math.min(instructions, (spec.maxPairs() + perInstruction - 1) / perInstruction);
            contents = Math.min(contents, instructions);
        }
        long suggester = instructions * spec.rounds();
        long editor = suggester * spec.suggestions();
        long answers = instructions * perInstruction;
        long judge = spec.judge().isPresent() ? answers : 0;
        long total = contents + instructions + suggester + editor + answers + judge;
        return String.format(Locale.ROOT, "At most %,d seed chunks → %,d contents → %,d instructions → %,d pairs: "
                + "up to %,d calls (transformer ≤%,d, generator %,d, suggester %,d, editor %,d, responder %,d%s)",
                chunks, contents, instructions, answers, total, contents, instructions, suggester, editor, answers,
                judge > 0 ? String.format(Locale.ROOT, ", judge %,d", judge) : "");
    }
}
