package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Walks the records of a JSON source, which may be one JSON array of objects or a sequence of
 * objects (JSON Lines; any whitespace between them is accepted). After {@link #next()} returns true
 * the parser stands on the record's START_OBJECT; the caller reads up to its END_OBJECT.
 *
 * <p>Locations are 1-based and human-readable: "line 12" for JSON Lines, "record 3 (line 12)" for
 * arrays. Jackson failures become {@link ImportException}s through {@link ImportErrors}.
 */
final class JsonRecordCursor implements AutoCloseable {

    /** The longest text value accepted, in characters (Jackson's default limit, named here). */
    static final int MAX_TEXT_CHARS = 20_000_000;
    /** The deepest nesting of arrays and objects accepted. */
    static final int MAX_NESTING_DEPTH = 1_000;

    /** One factory for all imports: it is thread-safe and caches symbol tables and buffers. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_TEXT_CHARS)
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    private final SourceFile source;
    private final JsonParser parser;
    private boolean started;
    private boolean arrayMode;
    private boolean inRecord;
    private int recordNumber;
    private int recordLine;

    JsonRecordCursor(SourceFile source) throws ImportException {
        this.source = source;
        try {
            this.parser = FACTORY.createParser(source.stream());
        } catch (IOException e) {
            throw new ImportException(source.path(), "", "", "cannot be read: " + e.getMessage(), e);
        }
    }

    JsonParser parser() {
        return parser;
    }

    Path path() {
        return source.path();
    }

    SourceFile source() {
        return source;
    }

    boolean isArray() {
        return arrayMode;
    }

    boolean inRecord() {
        return inRecord;
    }

    /** 1-based number of the current record (0 before the first). */
    int recordNumber() {
        return recordNumber;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the records (after checking nothing follows a JSON array)
     */
    boolean next() throws ImportException {
        inRecord = false;
        try {
            JsonToken token = parser.nextToken();
            if (!started) {
                started = true;
                token = first(token);
                if (token == null) {
                    return false;
                }
            } else if (arrayMode && token == JsonToken.END_ARRAY) {
                checkNothingFollows();
                return false;
            } else if (token == null) {
                return false;
            }
            recordNumber++;
            recordLine = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw new ImportException(path(), recordLocation(), "",
                        "expected a JSON object {...} for the record, found " + ImportErrors.describe(token));
            }
            inRecord = true;
            return true;
        } catch (IOException e) {
            throw ImportErrors.map(this, e);
        }
    }

    private JsonToken first(JsonToken token) throws IOException, ImportException {
        if (token == null) {
            String what = source.bytesRead() == 0 ? "is empty" : "holds only whitespace";
            throw new ImportException(path(), "", "", what + "; expected JSON records");
        }
        if (token == JsonToken.START_ARRAY) {
            arrayMode = true;
            JsonToken next = parser.nextToken();
            if (next == JsonToken.END_ARRAY) {
                checkNothingFollows();
                return null;
            }
            return next;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new ImportException(path(), "line " + parser.currentTokenLocation().getLineNr(), "",
                    "expected a JSON array of records or one JSON object per line, found "
                            + ImportErrors.describe(token));
        }
        return token;
    }

    private void checkNothingFollows() throws ImportException {
        try {
            JsonToken after = parser.nextToken();
            if (after == null) {
                return;
            }
        } catch (IOException e) {
            // not even a valid token: still content after the array
        }
        throw new ImportException(path(), "line " + currentLine(), "",
                "unexpected content after the end of the JSON array; the file must hold one array");
    }

    int currentLine() {
        return parser.currentLocation().getLineNr();
    }

    /** Where the current record starts: "line 12" or "record 3 (line 12)". */
    String recordLocation() {
        return location(recordLine);
    }

    /** The current record at the given line: "line 14" or "record 3 (line 14)". */
    String location(int line) {
        return arrayMode && recordNumber > 0 ? "record " + recordNumber + " (line " + line + ")" : "line " + line;
    }

    /** The location of the token the parser stands on. */
    String tokenLocation() {
        return location(parser.currentTokenLocation().getLineNr());
    }

    /** An error about {@code field} at the current token. */
    ImportException error(String field, String problem) {
        return new ImportException(path(), tokenLocation(), field, problem);
    }

    /** An error about {@code field} of the current record, located at the record's start. */
    ImportException recordError(String field, String problem) {
        return new ImportException(path(), recordLocation(), field, problem);
    }

    /**
     * The path of the value being read, relative to the record, e.g. "conversations[2].value";
     * empty when not inside a record's field.
     */
    String fieldPath() {
        var pieces = new java.util.ArrayDeque<String>();
        JsonStreamContext ctx = parser.getParsingContext();
        int recordDepth = arrayMode ? 2 : 1;
        while (ctx != null && ctx.getNestingDepth() >= recordDepth) {
            if (ctx.inArray()) {
                pieces.push("[" + Math.max(ctx.getCurrentIndex(), 0) + "]");
            } else if (ctx.inObject() && ctx.getCurrentName() != null) {
                pieces.push(ctx.getNestingDepth() == recordDepth ? ctx.getCurrentName() : "." + ctx.getCurrentName());
            }
            ctx = ctx.getParent();
        }
        return String.join("", pieces);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only source
        }
        source.close();
    }
}
