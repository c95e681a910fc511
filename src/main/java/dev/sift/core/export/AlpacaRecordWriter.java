package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sift.core.model.Message;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {instruction, input, output} plus {@code system} when present. Multi-turn samples follow
 * LLaMA-Factory's alpaca convention: instruction and output are the last exchange and
 * {@code history} holds the earlier [user, assistant] pairs. Tool turns have no place in this layout.
 */
final class AlpacaRecordWriter implements RecordWriter {

    private final SampleLabels labels;

    AlpacaRecordWriter(SampleLabels labels) {
        this.labels = labels;
    }

    @Override
    public void write(JsonGenerator out, Sample sample) throws IOException, ExportException {
        SampleContent content = sample.content();
        List<String[]> exchanges = content.isMultiTurn()
                ? exchanges(sample)
                : List.<String[]>of(new String[] {content.instruction(), content.input(), content.output()});
        String[] last = exchanges.get(exchanges.size() - 1);
        out.writeStartObject();
        out.writeStringField("instruction", last[0]);
        out.writeStringField("input", last[1]);
        out.writeStringField("output", last[2]);
        if (!content.system().isEmpty()) {
            out.writeStringField("system", content.system());
        }
        if (exchanges.size() > 1) {
            out.writeArrayFieldStart("history");
            for (String[] earlier : exchanges.subList(0, exchanges.size() - 1)) {
                out.writeStartArray();
                out.writeString(earlier[0]);
                out.writeString(earlier[2]);
                out.writeEndArray();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /** The conversation as (user, "", assistant) exchanges; fails unless turns alternate user, assistant. */
    private List<String[]> exchanges(Sample sample) throws ExportException {
        List<Message> turns = sample.content().messages();
        if (turns.stream().anyMatch(m -> m.role().equals(Message.TOOL))) {
            throw new ExportException(labels.of(sample) + " has tool turns, which Alpaca cannot represent;"
                    + " export as ShareGPT or messages JSONL instead");
        }
        var exchanges = new ArrayList<String[]>();
        for (int i = 0; i < turns.size(); i += 2) {
            Message user = turns.get(i);
            Message assistant = i + 1 < turns.size() ? turns.get(i + 1) : null;
            if (!user.role().equals(Message.USER)
                    || (assistant != null && !assistant.role().equals(Message.ASSISTANT))) {
                throw new ExportException(labels.of(sample) + " does not alternate user and assistant turns,"
                        + " which Alpaca cannot represent; export as ShareGPT or messages JSONL instead");
            }
            exchanges.add(new String[] {user.content(), "", assistant == null ? "" : assistant.content()});
        }
        return exchanges;
    }
}
