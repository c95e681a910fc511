package dev.sift.core.pipeline;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far each flow of an AgentInstruct run has come in this job: contents transformed, seed instructions
 * generated, variants the editor wrote, instructions answered, pairs added; judged and IFD-scored when those are on,
 * and answers in a format the flows could not read. Reported as the job's message.
 */
final class AgentInstructStages {

    final AtomicLong transformed = new AtomicLong();
    final AtomicLong instructions = new AtomicLong();
    final AtomicLong refined = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong pairs = new AtomicLong();
    final AtomicLong judged = new AtomicLong();
    final AtomicLong scored = new AtomicLong();
    final AtomicLong unparsed = new AtomicLong();

    /** E.g. "transformed 12 · instructions 40 · refined 80 · answered 75 · pairs 75". */
    String line() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "transformed %,d · instructions %,d · refined %,d · answered %,d · pairs %,d", transformed.get(),
                instructions.get(), refined.get(), answered.get(), pairs.get()));
        if (judged.get() > 0) {
            out.append(String.format(Locale.ROOT, " · judged %,d", judged.get()));
        }
        if (scored.get() > 0) {
            out.append(String.format(Locale.ROOT, " · IFD %,d", scored.get()));
        }
        if (unparsed.get() > 0) {
            out.append(String.format(Locale.ROOT, " · unreadable %,d", unparsed.get()));
        }
        return out.toString();
    }
}
