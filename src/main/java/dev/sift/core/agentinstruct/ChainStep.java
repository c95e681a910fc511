package dev.sift.core.agentinstruct;

import java.util.List;

/**
 * One step of an instruction's refinement chain: round 0 is the generator's seed instruction (no suggestions);
 * round r the suggestions the suggester made for the instruction of round r-1 and the instruction the chain went on
 * with (or, for an emitted variant that was not chosen, that variant).
 */
public record ChainStep(int round, List<String> suggestions, String instruction) {

    public ChainStep {
        suggestions = List.copyOf(suggestions);
    }
}
