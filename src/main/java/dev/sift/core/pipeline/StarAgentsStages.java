package dev.sift.core.pipeline;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a Star-Agents run's stages have come in this job: instructions rewritten, responses written, candidates
 * scored (both IFDs) and judged. Shared by the seeds worked on in parallel; reported as the job's message, so the
 * status bar and the command line show each stage moving.
 */
final class StarAgentsStages {

    private final AtomicLong rewritten = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong judged = new AtomicLong();

    void rewritten() {
        rewritten.incrementAndGet();
    }

    void answered() {
        answered.incrementAndGet();
    }

    void scored(boolean judgedToo) {
        scored.incrementAndGet();
        if (judgedToo) {
            judged.incrementAndGet();
        }
    }

    /** E.g. "round 2 · rewritten 12 · answered 16 · scored 24 · judged 9". */
    String line(int round) {
        return String.format(Locale.ROOT, "round %d · rewritten %,d · answered %,d · scored %,d · judged %,d", round,
                rewritten.get(), answered.get(), scored.get(), judged.get());
    }
}
