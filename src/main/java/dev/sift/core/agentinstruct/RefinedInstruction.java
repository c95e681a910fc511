package dev.sift.core.agentinstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of the refinement flow for one seed instruction: the chain (round 0 the seed instruction, then one
 * step per round with the variant the chain went on with) and every variant the editor wrote, by round.
 */
public record RefinedInstruction(List<ChainStep> chain, List<List<String>> variants) {

    public RefinedInstruction {
        chain = List.copyOf(chain);
        variants = variants.stream().map(List::copyOf).toList();
    }

    /** An instruction to answer, with the steps that led to it. */
    public record Emitted(int round, String instruction, List<ChainStep> steps) {
        public Emitted {
            steps = List.copyOf(steps);
        }
    }

    /** The instructions that become pairs under {@code emit}, in chain order. */
    public List<Emitted> emitted(Emit emit) {
        ChainStep last = chain.get(chain.size() - 1);
        if (emit == Emit.FINAL) {
            return List.of(new Emitted(last.round(), last.instruction(), chain));
        }
        List<Emitted> out = new ArrayList<>();
        out.add(new Emitted(0, chain.get(0).instruction(), chain.subList(0, 1)));
        for (int r = 1; r < chain.size(); r++) {
            ChainStep step = chain.get(r);
            for (String variant : variants.get(r - 1)) {
                List<ChainStep> steps = new ArrayList<>(chain.subList(0, r));
                steps.add(new ChainStep(r, step.suggestions(), variant));
                out.add(new Emitted(r, variant, steps));
            }
        }
        return out;
    }
}
