package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes preference pairs as JSON lines: {@code prompt}, {@code chosen}, {@code rejected} (what DPO trainers such as
 * TRL and LLaMA-Factory read), then {@code sample_id}, {@code chosen_candidate}, {@code rejected_candidate} (0 for the
 * record itself) and {@code chosen_by}. Does not close the stream.
 */
final class PreferencePairWriter implements AutoCloseable {

    /** The format name of a pairs file in its manifest. */
    static final String FORMAT = "dpo-jsonl";

    private final JsonGenerator out;

    PreferencePairWriter(OutputStream stream, ObjectMapper json) throws IOException {
        out = json.getFactory().createGenerator(stream).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.setRootValueSeparator(null);
    }

    void write(PreferencePair pair) throws IOException {
        out.writeStartObject();
        out.writeStringField("prompt", pair.prompt());
        out.writeStringField("chosen", pair.chosen());
        out.writeStringField("rejected", pair.rejected());
        out.writeNumberField("sample_id", pair.sampleId());
        out.writeNumberField("chosen_candidate", pair.chosenCandidate());
        out.writeNumberField("rejected_candidate", pair.rejectedCandidate());
        out.writeStringField("chosen_by", pair.chosenBy());
        out.writeEndObject();
        out.writeRaw('\n');
    }

    void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
