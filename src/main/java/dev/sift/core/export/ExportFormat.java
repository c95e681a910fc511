package dev.sift.core.export;

import dev.sift.core.model.DatasetFormat;

/** How each export format lays out its file: a JSON array or JSON lines, and how one record is written. */
enum ExportFormat {
    ALPACA_JSON(false, "alpaca"),
    ALPACA_JSONL(true, "alpaca"),
    SHAREGPT(false, "sharegpt"),
    MESSAGES_JSONL(true, "sharegpt");

    private final boolean jsonLines;
    private final String llamaFactoryFormatting;

    ExportFormat(boolean jsonLines, String llamaFactoryFormatting) {
        this.jsonLines = jsonLines;
        this.llamaFactoryFormatting = llamaFactoryFormatting;
    }

    /** @throws IllegalArgumentException for formats Sift reads but does not write */
    static ExportFormat of(DatasetFormat format) {
        return switch (format) {
            case ALPACA_JSON -> ALPACA_JSON;
            case ALPACA_JSONL -> ALPACA_JSONL;
            case SHAREGPT -> SHAREGPT;
            case MESSAGES_JSONL -> MESSAGES_JSONL;
            case DOLLY, CSV -> throw new IllegalArgumentException(format.label()
                    + " is an import format only; export as Alpaca JSON/JSONL, ShareGPT or messages JSONL");
        };
    }

    /** One JSON object per line, rather than one JSON array. */
    boolean jsonLines() {
        return jsonLines;
    }

    /** The {@code formatting} value of a LLaMA-Factory {@code dataset_info.json} entry. */
    String llamaFactoryFormatting() {
        return llamaFactoryFormatting;
    }

    RecordWriter writer(SampleLabels labels) {
        return switch (this) {
            case ALPACA_JSON, ALPACA_JSONL -> new AlpacaRecordWriter(labels);
            case SHAREGPT -> new ShareGptRecordWriter();
            case MESSAGES_JSONL -> new MessagesRecordWriter();
        };
    }
}
