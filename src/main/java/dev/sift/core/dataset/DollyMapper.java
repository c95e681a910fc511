package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sift.core.model.SampleContent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Databricks Dolly records: {@code instruction}, {@code context} (the input), {@code response} (the
 * output), {@code category}. The Alpaca names {@code input} and {@code output} are accepted too,
 * since Dolly copies such as AlpaGasus's renamed the fields.
 */
final class DollyMapper implements JsonRecordMapper {

    private final List<String> keys = new ArrayList<>();

    @Override
    public SampleContent map(JsonRecordCursor cursor) throws IOException, ImportException {
        JsonParser p = cursor.parser();
        keys.clear();
        String instruction = null;
        String context = "";
        String response = "";
        String system = "";
        String category = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            p.nextToken();
            switch (name) {
                case "instruction" -> instruction = JsonFields.instruction(cursor, name);
                case "context", "input" -> context = JsonFields.text(cursor, name);
                case "response", "output" -> response = JsonFields.text(cursor, name);
                case "system" -> system = JsonFields.text(cursor, name);
                case "category" -> category = JsonFields.text(cursor, name);
                default -> p.skipChildren();
            }
        }
        if (instruction == null) {
            throw cursor.recordError("instruction", "is missing (the record has "
                    + AlpacaMapper.describeKeys(keys) + ")");
        }
        return new SampleContent(system, instruction, context, response, List.of(), category);
    }
}
