package dev.sift.core.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * Turns Jackson's exceptions into {@link ImportException}s that name the file, the location, the
 * field and what was expected. A raw Jackson message is never shown without them.
 */
final class ImportErrors {

    private ImportErrors() {}

    static ImportException map(JsonRecordCursor cursor, IOException e) {
        int line = lineOf(e, cursor);
        String location = cursor.inRecord() ? cursor.location(line) : "line " + line;
        String field = cursor.inRecord() && namesAField(e) ? shorten(cursor.fieldPath()) : "";
        return new ImportException(cursor.path(), location, field, problem(cursor, e, field), e);
    }

    /**
     * Whether the field being read is the one at fault: yes for bad bytes, over-long text and
     * truncation inside a string; not for syntax errors, where the last field name read is often
     * not the culprit (a missing comma after it, an unquoted name after it).
     */
    private static boolean namesAField(IOException e) {
        if (e instanceof JsonEOFException eof) {
            return eof.getTokenBeingDecoded() == JsonToken.VALUE_STRING;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof StreamConstraintsException || isEncodingProblem(e, message);
    }

    /** A very deep path (nesting too deep) is cut to its top-level field. */
    private static String shorten(String path) {
        if (path.length() <= 80) {
            return path;
        }
        int cut = 0;
        while (cut < path.length() && path.charAt(cut) != '[' && path.charAt(cut) != '.') {
            cut++;
        }
        return path.substring(0, cut);
    }

    private static int lineOf(IOException e, JsonRecordCursor cursor) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation at = jpe.getLocation();
            if (at != null && at.getLineNr() > 0) {
                return at.getLineNr();
            }
        }
        return cursor.currentLine();
    }

    static String problem(JsonRecordCursor cursor, IOException e, String field) {
        if (e instanceof JsonEOFException eof) {
            if (!field.isEmpty()) {
                return "is cut off: the file ends inside this value; it looks truncated";
            }
            return "the file ends inside " + inside(eof.getTokenBeingDecoded(), cursor) + "; it looks truncated";
        }
        if (String.valueOf(e.getMessage()).contains("end-of-input")) {
            return "the file ends inside " + inside(null, cursor) + "; it looks truncated";
        }
        if (e instanceof StreamConstraintsException) {
            return constraint(e.getMessage());
        }
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        message = message == null ? e.getClass().getSimpleName() : message;
        if (isEncodingProblem(e, message)) {
            return "contains bytes that are not valid UTF-8 (" + firstLine(message)
                    + "); save the file as UTF-8 and import it again";
        }
        if (e instanceof JsonProcessingException) {
            return "is not valid JSON: " + firstLine(message);
        }
        return "cannot be read: " + firstLine(message);
    }

    private static String inside(JsonToken decoding, JsonRecordCursor cursor) {
        if (decoding == JsonToken.VALUE_STRING || decoding == JsonToken.FIELD_NAME) {
            return "a string";
        }
        var ctx = cursor.parser().getParsingContext();
        if (ctx.inObject()) {
            return "an object";
        }
        return ctx.inArray() ? "an array" : "a value";
    }

    static String constraint(String message) {
        String m = message == null ? "" : message;
        if (m.contains("String value length")) {
            return String.format(Locale.ROOT, "text longer than %,d characters", JsonRecordCursor.MAX_TEXT_CHARS);
        }
        if (m.contains("nesting depth")) {
            return String.format(Locale.ROOT, "nested deeper than %,d levels of arrays and objects",
                    JsonRecordCursor.MAX_NESTING_DEPTH);
        }
        if (m.contains("Number value length")) {
            return "number is too long to read";
        }
        if (m.contains("Name length")) {
            return "field name is too long to read";
        }
        return "is too large to read: " + firstLine(m);
    }

    private static boolean isEncodingProblem(IOException e, String message) {
        return e instanceof CharConversionException
                || e instanceof CharacterCodingException
                || message.contains("Invalid UTF-8")
                || message.contains("Invalid UTF-32");
    }

    /** Jackson's message reduced to its first line, without its source-position suffix. */
    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        int marker = line.indexOf(" (start marker at");
        if (marker >= 0) {
            line = line.substring(0, marker);
        }
        if (!line.isEmpty()) {
            line = Character.toLowerCase(line.charAt(0)) + line.substring(1);
        }
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** "a number", "an array"... for messages about what was found. */
    static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "a " + token.name().toLowerCase(Locale.ROOT);
        };
    }
}
