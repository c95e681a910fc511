package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * LLaMA-Factory's {@code dataset_info.json}: a JSON object with one entry per dataset file. Sift adds
 * or replaces the entry of the file it exported and keeps every other entry as it was.
 */
final class LlamaFactoryDatasetInfo {

    static final String FILE_NAME = "dataset_info.json";

    private final Path file;
    private final ObjectNode root;
    private final ObjectMapper json;

    private LlamaFactoryDatasetInfo(Path file, ObjectNode root, ObjectMapper json) {
        this.file = file;
        this.root = root;
        this.json = json;
    }

    /** Reads the folder's {@code dataset_info.json}, or starts an empty one when there is none. */
    static LlamaFactoryDatasetInfo read(Path folder, ObjectMapper json) throws ExportException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new LlamaFactoryDatasetInfo(file, json.createObjectNode(), json);
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            if (!(root instanceof ObjectNode object)) {
                throw new ExportException(file + " is not a JSON object; fix or move it, or export without"
                        + " a LLaMA-Factory entry");
            }
            return new LlamaFactoryDatasetInfo(file, object, json);
        } catch (JsonProcessingException e) {
            throw new ExportException(file + " is not valid JSON (" + e.getOriginalMessage() + "); fix or move"
                    + " it, or export without a LLaMA-Factory entry", e);
        } catch (IOException e) {
            throw new ExportException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds or replaces the entry for {@code fileName}, keyed by the file name without its extension. */
    void put(String fileName, ExportFormat format) {
        root.set(key(fileName), entry(fileName, format));
    }

    /** Writes the file atomically and returns its path. */
    Path write() throws Exception {
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
        return file;
    }

    static String key(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private ObjectNode entry(String fileName, ExportFormat format) {
        ObjectNode entry = json.createObjectNode();
        entry.put("file_name", fileName);
        entry.put("formatting", format.llamaFactoryFormatting());
        ObjectNode columns = entry.putObject("columns");
        switch (format) {
            case ALPACA_JSON, ALPACA_JSONL -> {
                columns.put("prompt", "instruction");
                columns.put("query", "input");
                columns.put("response", "output");
                columns.put("system", "system");
                columns.put("history", "history");
            }
            case SHAREGPT -> {
                columns.put("messages", "conversations");
                columns.put("system", "system");
            }
            case MESSAGES_JSONL -> {
                columns.put("messages", "messages");
                ObjectNode tags = entry.putObject("tags");
                tags.put("role_tag", "role");
                tags.put("content_tag", "content");
                tags.put("user_tag", "user");
                tags.put("assistant_tag", "assistant");
                tags.put("system_tag", "system");
                tags.put("observation_tag", "tool");
            }
        }
        return entry;
    }
}
