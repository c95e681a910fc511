package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import java.io.IOException;

/** OpenAI / Hugging Face chat layout: {@code {"messages": [{"role", "content"}]}}, system prompt first. */
final class MessagesRecordWriter implements RecordWriter {

    @Override
    public void write(JsonGenerator out, Sample sample) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("messages");
        for (Message turn : sample.content().conversation()) {
            out.writeStartObject();
            out.writeStringField("role", turn.role());
            out.writeStringField("content", turn.content());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
