package dev.sift.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The record layouts Sift reads and writes. */
public enum DatasetFormat {
    /** A JSON array of {instruction, input, output} objects (Stanford Alpaca). */
    ALPACA_JSON("alpaca-json", "Alpaca JSON"),
    /** One {instruction, input, output} object per line. */
    ALPACA_JSONL("alpaca-jsonl", "Alpaca JSONL"),
    /** {conversations: [{from, value}]} records, as a JSON array or JSONL (FastChat/ShareGPT). */
    SHAREGPT("sharegpt", "ShareGPT"),
    /** {messages: [{role, content}]} records, one per line (OpenAI / Hugging Face chat). */
    MESSAGES_JSONL("messages-jsonl", "OpenAI/HF messages JSONL"),
    /** {instruction, context, response, category} records, as JSONL or a JSON array (Databricks Dolly). */
    DOLLY("dolly", "Dolly"),
    /** Comma-separated values with a header row and a column mapping. */
    CSV("csv", "CSV");

    private final String id;
    private final String label;

    DatasetFormat(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The short name used on the command line and in manifests. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<DatasetFormat> fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
