package dev.sift.core.seeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.dataset.ImportException;
import dev.sift.core.store.SeedChunkKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads seed files into documents: a text, Markdown or code file is one document; a JSONL file holds one document per
 * line, its text in a configurable field, and a record that names its {@code language} or a code {@code path} is a
 * code document. A file that is not UTF-8 text (a binary file, say) is skipped with a
 * warning; a JSONL line that is not a JSON object with a string text field fails the whole import, naming the file,
 * the line and the field.
 */
public final class SeedDocumentReader {

    /** Files larger than this are skipped: a seed document is a page of text, not a corpus dump. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    private static final int BINARY_PROBE_BYTES = 8192;

    /** Receives the documents of a file in order. */
    @FunctionalInterface
    public interface DocumentVisitor {
        void visit(SeedDocument document) throws Exception;
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String field;

    /** @param field the field of a JSONL record that holds the document's text */
    public SeedDocumentReader(String field) {
        this.field = field;
    }

    /**
     * Reads one seed file.
     *
     * @param source the file's name as the user gave it (a folder's files: the folder as given and the relative path)
     * @return a warning when the file was skipped, else empty text
     */
    public String read(Path file, String source, SeedFileType type, DocumentVisitor visitor) throws Exception {
        if (Files.size(file) > MAX_FILE_BYTES) {
            return source + ": skipped, larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB";
        }
        if (type.jsonl()) {
            readJsonl(file, source, visitor);
            return "";
        }
        byte[] bytes = Files.readAllBytes(file);
        if (looksBinary(bytes)) {
            return source + ": skipped, a binary file";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return source + ": skipped, not UTF-8 text";
        }
        text = normaliseLineEnds(text);
        if (!text.isBlank()) {
            visitor.visit(new SeedDocument(source, type.kind(), type.language(), text));
        }
        return "";
    }

    private void readJsonl(Path file, String source, DocumentVisitor visitor) throws Exception {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            int lineNo = 0;
            int record = 0;
            String line;
            while (true) {
                try {
                    line = in.readLine();
                } catch (CharacterCodingException e) {
                    throw new ImportException(file, "line " + (lineNo + 1), "",
                            "contains bytes that are not valid UTF-8; save the file as UTF-8 and import it again", e);
                }
                if (line == null) {
                    return;
                }
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                record++;
                JsonNode node = recordOf(file, lineNo, line);
                String text = node.get(field).asText();
                if (!text.isBlank()) {
                    visitor.visit(document(node, source + "#" + record, normaliseLineEnds(text)));
                }
            }
        }
    }

    /**
     * A JSONL record as a document: code when the record names its {@code language} (as code dumps such as
     * github-code do) or has a {@code path} with a code extension, Markdown for a {@code .md} path, else text. The
     * path, when given, is added to the source so the review can show where the passage came from.
     */
    private static SeedDocument document(JsonNode record, String source, String text) {
        String path = record.path("path").isTextual() ? record.path("path").asText().strip() : "";
        String language = record.path("language").isTextual()
                ? record.path("language").asText().strip().toLowerCase(Locale.ROOT) : "";
        SeedFileType byPath = path.isEmpty() ? null : SeedFileType.ofName(path).filter(t -> !t.jsonl()).orElse(null);
        String named = path.isEmpty() ? source : source + " " + path;
        if (!language.isEmpty()) {
            return new SeedDocument(named, SeedChunkKind.CODE, language, text);
        }
        if (byPath != null) {
            return new SeedDocument(named, byPath.kind(), byPath.language(), text);
        }
        return new SeedDocument(named, SeedChunkKind.TEXT, "", text);
    }

    private JsonNode recordOf(Path file, int lineNo, String line) throws ImportException {
        String location = "line " + lineNo;
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ImportException(file, location, "", "is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new ImportException(file, location, "", "must be a JSON object with a '" + field + "' field, found "
                    + describe(node));
        }
        JsonNode value = node.get(field);
        if (value == null) {
            throw new ImportException(file, location, field, "is missing (set another field with --field)");
        }
        if (!value.isTextual()) {
            throw new ImportException(file, location, field, "must be a string, found " + describe(value));
        }
        return node;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** A NUL byte among the first bytes marks a binary file; UTF-8 text never holds one. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, BINARY_PROBE_BYTES);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String normaliseLineEnds(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }
}
