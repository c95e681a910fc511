package dev.sift.ui.common;

import java.util.List;

/**
 * A file-chooser filter, e.g. {@code new FileType("Sift projects", List.of("*.sift"))}.
 *
 * @param patterns glob patterns such as {@code *.jsonl}
 */
public record FileType(String description, List<String> patterns) {
    public FileType {
        patterns = List.copyOf(patterns);
    }

    public static final FileType PROJECT = new FileType("Sift projects", List.of("*.sift"));
    public static final FileType DATASETS =
            new FileType("Datasets (JSON, JSONL, CSV)", List.of("*.json", "*.jsonl", "*.csv"));
    public static final FileType ANY = new FileType("All files", List.of("*.*"));
}
