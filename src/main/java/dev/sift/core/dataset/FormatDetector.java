package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sift.core.model.DatasetFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Guesses a file's record layout from its extension and its first record.
 *
 * <p>Rules: a {@code .csv} file is CSV. Otherwise the first JSON record's keys decide:
 * {@code conversations} → ShareGPT; {@code messages} → messages; {@code context} or {@code response}
 * → Dolly; {@code instruction}, {@code input}, {@code output} or {@code history} → Alpaca JSON when
 * the file is one JSON array, Alpaca JSONL when it holds one object per line. Reads only the first
 * record; blocking file I/O on the calling thread.
 */
public final class FormatDetector {

    private FormatDetector() {}

    /**
     * @throws ImportException when the file cannot be read or matches no known layout; the message
     *     says what was seen and suggests choosing a format
     */
    public static DatasetFormat detect(Path file) throws ImportException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        SourceFile source = SourceFile.open(file);
        if (name.endsWith(".csv")) {
            source.close();
            return DatasetFormat.CSV;
        }
        try (var cursor = new JsonRecordCursor(source)) {
            if (!cursor.next()) {
                throw new ImportException(file, "", "", "holds no records (an empty JSON array)");
            }
            List<String> keys = firstRecordKeys(cursor);
            return fromKeys(keys, cursor.isArray()).orElseThrow(() -> new ImportException(file,
                    cursor.recordLocation(), "", "cannot tell the format: the first record has "
                            + AlpacaMapper.describeKeys(keys) + "; choose one of " + choices()));
        }
    }

    private static List<String> firstRecordKeys(JsonRecordCursor cursor) throws ImportException {
        JsonParser p = cursor.parser();
        var keys = new ArrayList<String>();
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException e) {
            throw ImportErrors.map(cursor, e);
        }
        return keys;
    }

    static java.util.Optional<DatasetFormat> fromKeys(List<String> keys, boolean array) {
        DatasetFormat format = null;
        if (keys.contains("conversations")) {
            format = DatasetFormat.SHAREGPT;
        } else if (keys.contains("messages")) {
            format = DatasetFormat.MESSAGES_JSONL;
        } else if (keys.contains("context") || keys.contains("response")) {
            format = DatasetFormat.DOLLY;
        } else if (keys.contains("instruction") || keys.contains("input") || keys.contains("output")
                || keys.contains("history")) {
            format = array ? DatasetFormat.ALPACA_JSON : DatasetFormat.ALPACA_JSONL;
        }
        return java.util.Optional.ofNullable(format);
    }

    /** "Alpaca JSON (alpaca-json), ..." for messages that ask the user to pick a format. */
    static String choices() {
        return Arrays.stream(DatasetFormat.values())
                .map(f -> f.label() + " (" + f.id() + ")")
                .collect(Collectors.joining(", "));
    }
}
