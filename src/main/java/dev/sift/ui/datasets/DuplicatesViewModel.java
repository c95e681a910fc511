package dev.sift.ui.datasets;

import dev.sift.core.dedup.DedupJob;
import dev.sift.core.dedup.DedupRequest;
import dev.sift.core.dedup.SentenceEmbedder;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Near duplicates of the selected dataset: the latest scan's groups, and a command to scan again. */
public final class DuplicatesViewModel {

    private final UiJobRunner jobs;
    private final DialogService dialogs;
    private final Supplier<SentenceEmbedder> embedder;
    private final DoubleProperty threshold = new SimpleDoubleProperty(DedupRequest.DEFAULT_THRESHOLD);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<DuplicateGroupRow> groups = FXCollections.observableArrayList();
    private ProjectStore store;
    private Dataset dataset;
    private long generation;

    public DuplicatesViewModel(UiJobRunner jobs, DialogService dialogs, Supplier<SentenceEmbedder> embedder) {
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.embedder = embedder;
    }

    /** Cosine similarity at or above which samples count as near duplicates. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<DuplicateGroupRow> groups() {
        return groups;
    }

    /** Shows the newest scan of {@code newDataset}, if it has one. */
    public void show(ProjectStore newStore, Dataset newDataset) {
        store = newStore;
        dataset = newDataset;
        long current = ++generation;
        groups.clear();
        if (store == null || dataset == null) {
            summary.set("");
            return;
        }
        summary.set("Not scanned yet. Choose a threshold and find near duplicates.");
        ProjectStore source = store;
        long datasetId = dataset.id();
        jobs.query(QueryJob.of("Load near duplicates", ctx -> load(source, source.duplicates().latest(datasetId))),
                JobCallbacks.<Optional<Loaded>>onSuccess(loaded -> {
                    if (current == generation) {
                        loaded.ifPresent(this::apply);
                    }
                }));
    }

    /** Runs a near-duplicate scan of the selected dataset as a background job. */
    public void findDuplicates() {
        if (store == null || dataset == null || running.get()) {
            return;
        }
        ProjectStore source = store;
        var request = new DedupRequest(dataset.id(), threshold.get());
        long current = generation;
        running.set(true);
        var job = QueryJob.of("Find near duplicates in " + dataset.name(),
                ctx -> load(source, Optional.of(new DedupJob(request, source, embedder.get()).run(ctx))));
        jobs.run(job, JobCallbacks.<Optional<Loaded>>onSuccess(loaded -> {
                    if (current == generation) {
                        loaded.ifPresent(this::apply);
                    }
                })
                .onFailure(reason -> dialogs.showError("Finding near duplicates failed", reason))
                .onFinished(() -> running.set(false)));
    }

    /** A scan with the samples its groups name. */
    private record Loaded(DuplicateScan scan, List<DuplicateGroupRow> rows) {}

    private static Optional<Loaded> load(ProjectStore source, Optional<DuplicateScan> scan) throws StoreException {
        if (scan.isEmpty()) {
            return Optional.empty();
        }
        List<DuplicateGroup> found = scan.get().groups();
        long[] ids = found.stream().flatMap(g -> g.members().stream()).mapToLong(DuplicateGroup.Member::sampleId).toArray();
        Map<Long, Sample> samples = new HashMap<>();
        for (Sample sample : source.samples().fetch(ids, 0, ids.length)) {
            samples.put(sample.id(), sample);
        }
        var rows = new ArrayList<DuplicateGroupRow>(found.size());
        for (DuplicateGroup group : found) {
            var members = group.members().stream().map(m -> {
                Sample sample = samples.get(m.sampleId());
                return new DuplicateGroupRow.Member(m.sampleId(), sample == null ? 0 : sample.recordIndex() + 1,
                        m.similarity(), sample == null ? "(sample no longer in the project)" : sample.content().instruction());
            }).toList();
            rows.add(new DuplicateGroupRow(members.size(), members.isEmpty() ? "" : members.get(0).instruction(), members));
        }
        return Optional.of(new Loaded(scan.get(), rows));
    }

    private void apply(Loaded loaded) {
        groups.setAll(loaded.rows());
        long extra = loaded.rows().stream().mapToLong(r -> r.size() - 1L).sum();
        summary.set(loaded.rows().isEmpty()
                ? String.format("No near duplicates at similarity ≥ %.2f.", loaded.scan().threshold())
                : String.format("%,d groups at similarity ≥ %.2f; %,d samples could go.", loaded.rows().size(),
                        loaded.scan().threshold(), extra));
    }

    public void dispose() {
        generation++;
    }
}
