package dev.sift.core.agentinstruct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws instruction types so that the output spreads over a skill's whole taxonomy: draw {@code p} is taken from a
 * shuffled cycle of all types, a fresh shuffle (seeded by the run's seed, the skill and the cycle number) for every
 * {@code n} draws of an {@code n}-type taxonomy. So every type appears exactly once in each block of {@code n}
 * consecutive draws, the order still looks random, and a draw depends only on its position.
 */
public final class TaxonomySampler {

    private final List<InstructionType> taxonomy;
    private final long seed;
    private final String skill;

    public TaxonomySampler(Skill skill, long seed) {
        this.taxonomy = skill.taxonomy();
        this.seed = seed;
        this.skill = skill.name();
    }

    /** The type of draw {@code position} (0-based). */
    public InstructionType draw(long position) {
        int n = taxonomy.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(UnitSeeds.of(seed, "taxonomy", skill, position / n)));
        return taxonomy.get(order.get((int) (position % n)));
    }
}
