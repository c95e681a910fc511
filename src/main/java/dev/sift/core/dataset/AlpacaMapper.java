package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpaca records: {@code instruction}, optional {@code input}, {@code output}, {@code system},
 * {@code category}, and LLaMA-Factory's {@code history} ({@code [[user, assistant], ...]}), which
 * makes the record multi-turn: the history turns come first, then the record's own exchange.
 */
final class AlpacaMapper implements JsonRecordMapper {

    private final List<String> keys = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private final Conversation conversation = new Conversation();

    @Override
    public SampleContent map(JsonRecordCursor cursor) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        keys.clear();
        history.clear();
        String instruction = null;
        String input = "";
        String output = "";
        String system = "";
        String category = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            p.nextToken();
            switch (name) {
                case "instruction" -> instruction = JsonFields.instruction(cursor, name);
                case "input" -> input = JsonFields.text(cursor, name);
                case "output" -> output = JsonFields.text(cursor, name);
                case "system" -> system = JsonFields.text(cursor, name);
                case "category" -> category = JsonFields.text(cursor, name);
                case "history" -> readHistory(cursor);
                default -> p.skipChildren();
            }
        }
        if (instruction == null) {
            throw cursor.recordError("instruction", "is missing (the record has " + describeKeys(keys) + ")");
        }
        if (history.isEmpty()) {
            return new SampleContent(system, instruction, input, output, List.of(), category);
        }
        conversation.reset();
        conversation.addSystem(system);
        for (int i = 0; i < history.size(); i += 2) {
            conversation.add(Message.USER, history.get(i), false);
            conversation.add(Message.ASSISTANT, history.get(i + 1), false);
        }
        conversation.add(Message.USER, input.isEmpty() ? instruction : instruction + "\n\n" + input, false);
        if (!output.isEmpty()) {
            conversation.add(Message.ASSISTANT, output, false);
        }
        return conversation.toContent(category);
    }

    private void readHistory(JsonRecordCursor cursor) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        JsonFields.expectArray(cursor, "history", "[user, assistant] pairs");
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String field = "history[" + i + "]";
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw cursor.error(field, "must be a [user, assistant] pair, found "
                        + ImportErrors.describe(p.currentToken()));
            }
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String turnField = field + "[" + n + "]";
                if (n >= 2) {
                    throw cursor.error(field, "must be a [user, assistant] pair, found more than two turns");
                }
                history.add(n == 0 && i == 0 ? JsonFields.instruction(cursor, turnField)
                        : JsonFields.text(cursor, turnField));
                n++;
            }
            if (n != 2) {
                throw cursor.error(field, "must be a [user, assistant] pair, found " + n + " turn(s)");
            }
            i++;
        }
    }

    static String describeKeys(List<String> keys) {
        return keys.isEmpty() ? "no fields" : "fields " + String.join(", ", keys);
    }
}
