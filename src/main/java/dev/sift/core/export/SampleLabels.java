package dev.sift.core.export;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import java.util.Map;

/** Names samples in messages by where they came from: dataset name and record index. */
final class SampleLabels {

    private final Map<Long, Dataset> datasets;

    SampleLabels(Map<Long, Dataset> datasets) {
        this.datasets = Map.copyOf(datasets);
    }

    /** For example {@code dataset "alpaca" record 12 (sample 345)}; record indices are zero-based. */
    String of(Sample sample) {
        Dataset dataset = datasets.get(sample.datasetId());
        String name = dataset == null ? "#" + sample.datasetId() : dataset.name();
        return "dataset \"" + name + "\" record " + sample.recordIndex() + " (sample " + sample.id() + ")";
    }
}
