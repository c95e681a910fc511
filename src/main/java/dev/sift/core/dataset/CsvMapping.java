package dev.sift.core.dataset;

import java.util.Objects;

/**
 * Which CSV header columns hold which fields. Empty names mean "no such column". The instruction
 * column is required; the defaults match the Alpaca field names.
 */
public record CsvMapping(String instruction, String input, String output, String system, String category) {

    public CsvMapping {
        instruction = Objects.requireNonNullElse(instruction, "").strip();
        input = Objects.requireNonNullElse(input, "").strip();
        output = Objects.requireNonNullElse(output, "").strip();
        system = Objects.requireNonNullElse(system, "").strip();
        category = Objects.requireNonNullElse(category, "").strip();
    }

    public static CsvMapping defaults() {
        return new CsvMapping("instruction", "input", "output", "system", "category");
    }
}
