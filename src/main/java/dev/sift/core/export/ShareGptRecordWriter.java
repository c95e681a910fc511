package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.util.List;

/**
 * LLaMA-Factory's sharegpt layout: {@code {"conversations": [{"from", "value"}], "system"}}. Users are
 * "human", assistants "gpt", tool results "observation", and an assistant turn answered by a tool
 * turn is the tool call, "function_call".
 */
final class ShareGptRecordWriter implements RecordWriter {

    @Override
    public void write(JsonGenerator out, Sample sample) throws IOException {
        SampleContent content = sample.content();
        List<Message> turns = content.conversation();
        out.writeStartObject();
        out.writeArrayFieldStart("conversations");
        for (int i = 0; i < turns.size(); i++) {
            Message turn = turns.get(i);
            if (i == 0 && !content.system().isEmpty()) {
                continue; // the system prompt has its own field
            }
            Message next = i + 1 < turns.size() ? turns.get(i + 1) : null;
            out.writeStartObject();
            out.writeStringField("from", from(turn, next));
            out.writeStringField("value", turn.content());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (!content.system().isEmpty()) {
            out.writeStringField("system", content.system());
        }
        out.writeEndObject();
    }

    private static String from(Message turn, Message next) {
        return switch (turn.role()) {
            case Message.USER -> "human";
            case Message.ASSISTANT -> next != null && next.role().equals(Message.TOOL) ? "function_call" : "gpt";
            case Message.TOOL -> "observation";
            default -> turn.role();
        };
    }
}
