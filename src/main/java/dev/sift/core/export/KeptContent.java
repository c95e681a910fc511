package dev.sift.core.export;

import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The content a decision keeps. The record itself (candidate 0, or the sample's original candidate) is written as
 * imported. Another candidate replaces the answer: for a single-turn sample its instruction, input and response are
 * written with the sample's system prompt; for a multi-turn sample the conversation (system prompt and history) is
 * the sample's and the candidate's response replaces its last assistant turn (or is appended when the conversation
 * ends without one), since candidates of a conversation answer its last turn.
 */
final class KeptContent {

    private KeptContent() {}

    static Sample of(Sample sample, Optional<Candidate> kept) {
        if (kept.isEmpty() || kept.get().origin() == CandidateOrigin.ORIGINAL) {
            return sample;
        }
        Candidate c = kept.get();
        SampleContent content = sample.content();
        SampleContent curated;
        if (!content.isMultiTurn()) {
            curated = new SampleContent(content.system(), c.instruction(), c.input(), c.response(), java.util.List.of(),
                    content.category());
        } else {
            var turns = new ArrayList<>(content.messages());
            int last = turns.size() - 1;
            while (last >= 0 && !turns.get(last).role().equals(Message.ASSISTANT)) {
                last--;
            }
            if (last >= 0 && last == turns.size() - 1) {
                turns.set(last, new Message(Message.ASSISTANT, c.response()));
            } else {
                turns.add(new Message(Message.ASSISTANT, c.response()));
            }
            curated = new SampleContent(content.system(), content.instruction(), content.input(), content.output(),
                    turns, content.category());
        }
        return new Sample(sample.id(), sample.datasetId(), sample.recordIndex(), curated, sample.contentHash());
    }
}
