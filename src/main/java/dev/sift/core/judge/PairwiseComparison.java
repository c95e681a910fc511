package dev.sift.core.judge;

import java.util.Objects;
import java.util.Optional;

/**
 * One item judged in both orders: {@code forward} showed m1's answer as Assistant 1, {@code reverse}
 * showed m2's answer as Assistant 1 (so its scores are m2's, then m1's).
 */
public record PairwiseComparison(OrderedJudgement forward, OrderedJudgement reverse) {

    public PairwiseComparison {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(reverse, "reverse");
    }

    /** Flagged when either order's scores could not be read. */
    public boolean unparsed() {
        return forward.unparsed() || reverse.unparsed();
    }

    /** The §5.2 verdict for m1; empty when the item is flagged. */
    public Optional<Verdict> verdict() {
        if (unparsed()) {
            return Optional.empty();
        }
        ScorePair f = forward.scores().orElseThrow();
        ScorePair r = reverse.scores().orElseThrow();
        return Optional.of(Verdict.of(f.first(), f.second(), r.second(), r.first()));
    }

    /**
     * Whether the preferred model (m1, m2 or neither) differs between the two orders; empty when flagged.
     * A model preferred in both orders, or a tie in both, is consistent.
     */
    public Optional<Boolean> preferenceChangesWithOrder() {
        if (unparsed()) {
            return Optional.empty();
        }
        int forwardForM1 = forward.scores().orElseThrow().preferenceForFirst();
        int reverseForM1 = -reverse.scores().orElseThrow().preferenceForFirst();
        return Optional.of(forwardForM1 != reverseForM1);
    }

    /** The W/T/L counts of a set of items; flagged items are counted apart. */
    public static WinTieLose tally(Iterable<PairwiseComparison> items) {
        WinTieLose counts = WinTieLose.NONE;
        for (PairwiseComparison item : items) {
            Optional<Verdict> verdict = item.verdict();
            counts = verdict.isPresent() ? counts.plus(verdict.get()) : counts.plusUnparsed();
        }
        return counts;
    }
}
