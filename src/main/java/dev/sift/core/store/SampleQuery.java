package dev.sift.core.store;

import java.util.List;
import java.util.Objects;

/**
 * Which samples to read.
 *
 * @param datasetIds the datasets to read from; empty means all datasets
 * @param text a case-insensitive (ASCII) substring that the system prompt, instruction, input,
 *     output or conversation must contain; empty means no text filter
 * @param chosenOnly only samples whose current decision is to keep them (choose or edit), as a
 *     selection or a curator left them
 * @param sampleIds only these samples; empty means no id filter
 */
public record SampleQuery(List<Long> datasetIds, String text, boolean chosenOnly, List<Long> sampleIds) {

    public SampleQuery {
        datasetIds = List.copyOf(datasetIds);
        text = Objects.requireNonNullElse(text, "").strip();
        sampleIds = sampleIds == null ? List.of() : List.copyOf(sampleIds);
    }

    public SampleQuery(List<Long> datasetIds, String text, boolean chosenOnly) {
        this(datasetIds, text, chosenOnly, List.of());
    }

    public SampleQuery(List<Long> datasetIds, String text) {
        this(datasetIds, text, false);
    }

    public static SampleQuery all() {
        return new SampleQuery(List.of(), "");
    }

    public static SampleQuery dataset(long datasetId) {
        return new SampleQuery(List.of(datasetId), "");
    }

    public SampleQuery withText(String newText) {
        return new SampleQuery(datasetIds, newText, chosenOnly, sampleIds);
    }

    /** The same query restricted to samples whose current decision keeps them. */
    public SampleQuery chosen() {
        return new SampleQuery(datasetIds, text, true, sampleIds);
    }

    /** The same query restricted to the given samples (an empty list lifts the id filter). */
    public SampleQuery withSampleIds(List<Long> ids) {
        return new SampleQuery(datasetIds, text, chosenOnly, ids);
    }
}
