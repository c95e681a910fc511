package dev.sift.core.dedup;

import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;

/** The text of a sample that near-duplicate detection compares: what the user asks. */
final class DedupText {

    private DedupText() {}

    /** Instruction and input on separate lines; for a multi-turn sample, its first user turn. */
    static String of(SampleContent content) {
        if (content.isMultiTurn()) {
            for (Message turn : content.messages()) {
                if (turn.role().equals(Message.USER)) {
                    return turn.content();
                }
            }
        }
        return content.input().isEmpty() ? content.instruction() : content.instruction() + "\n" + content.input();
    }
}
