package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.stats.HistogramBin;
import dev.sift.core.stats.ValueHistogram;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.ScoreGroup;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.LatestQuery;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Insights screen's IFD charts for the selected dataset: the score groups to choose from, the histogram with the
 * threshold, IFD against response length with the chosen samples as a second series, and summary figures. Loading
 * runs off the UI thread; switching the variant only recomputes from what was loaded.
 */
public final class InsightsViewModel {

    /** IFD at or above this drops a sample under the IFD &lt; 1 rule. */
    public static final double THRESHOLD = 1.0;
    static final int HISTOGRAM_BINS = 20;
    static final int MAX_POINTS = 3000;

    private final WorkspaceState workspace;
    private final IfdLoader loader;
    private final ObservableList<ScoreGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<ScoreGroup> group = new SimpleObjectProperty<>();
    private final ObjectProperty<IfdVariant> variant = new SimpleObjectProperty<>(IfdVariant.LOSS);
    private final ObservableList<IfdBar> histogram = FXCollections.observableArrayList();
    private final ObservableList<ScatterPoint> allPoints = FXCollections.observableArrayList();
    private final ObservableList<ScatterPoint> selectedPoints = FXCollections.observableArrayList();
    private final ObservableList<ReferenceLine> referenceLines = FXCollections.observableArrayList();
    private final ObservableList<InsightsFigure> figures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pointsNote = new ReadOnlyStringWrapper("");
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> reload();
    private final ChangeListener<ScoreGroup> groupListener = (obs, old, now) -> groupChosen();
    private final ChangeListener<IfdVariant> variantListener = (obs, old, now) -> show();
    private IfdSnapshot snapshot;
    private boolean applying;
    private final LatestQuery queries;

    public InsightsViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this(workspace, jobs, MAX_POINTS);
    }

    InsightsViewModel(WorkspaceState workspace, UiJobRunner jobs, int maxPoints) {
        this.workspace = workspace;
        this.queries = new LatestQuery(jobs);
        this.loader = new IfdLoader(maxPoints);
        workspace.selectedDatasetProperty().addListener(datasetListener);
        group.addListener(groupListener);
        variant.addListener(variantListener);
        reload();
    }

    /** The dataset's IFD score groups (scorer and settings), most scores first. */
    public ObservableList<ScoreGroup> groups() {
        return groups;
    }

    /** The group shown; setting it loads that group. */
    public ObjectProperty<ScoreGroup> groupProperty() {
        return group;
    }

    public ObjectProperty<IfdVariant> variantProperty() {
        return variant;
    }

    public ObservableList<IfdBar> histogram() {
        return histogram;
    }

    /** Scored samples, at most {@link #MAX_POINTS}, evenly spaced. */
    public ObservableList<ScatterPoint> allPoints() {
        return allPoints;
    }

    /** Scored samples that are currently chosen, at most {@link #MAX_POINTS}, evenly spaced. */
    public ObservableList<ScatterPoint> selectedPoints() {
        return selectedPoints;
    }

    /**
     * The lines across the scatter: the IFD threshold, and the lowest IFD among the selected samples (the selection's
     * cut-off) when some are selected and scored.
     */
    public ObservableList<ReferenceLine> referenceLines() {
        return referenceLines;
    }

    public ObservableList<InsightsFigure> figures() {
        return figures;
    }

    /** Why there is nothing to show (no dataset, no scores, loading, a failure), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Says when the scatter shows only some of the points, or empty. */
    public ReadOnlyStringProperty pointsNoteProperty() {
        return pointsNote.getReadOnlyProperty();
    }

    /** Reloads the selected dataset's scores and decisions, keeping the chosen group when it still exists. */
    public void reload() {
        load(group.get());
    }

    private void groupChosen() {
        if (!applying && group.get() != null && (snapshot == null || !IfdLoader.sameGroup(group.get(), snapshot.group()))) {
            load(group.get());
        }
    }

    private void load(ScoreGroup preferred) {
        ProjectStore store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            queries.cancel();
            apply(null);
            message.set("Select a dataset to see its IFD scores.");
            return;
        }
        message.set("Loading IFD scores…");
        queries.run("IFD insights", ctx -> loader.load(store, dataset.id(), preferred, ctx), this::apply, reason -> {
            apply(null);
            message.set("IFD scores unavailable: " + reason);
        });
    }

    private void apply(IfdSnapshot result) {
        snapshot = result;
        applying = true;
        try {
            groups.setAll(result == null ? List.of() : result.groups());
            group.set(result == null ? null : result.group());
        } finally {
            applying = false;
        }
        message.set(result != null && result.group() == null
                ? "No IFD scores for this dataset yet. Score it with a model, then come back." : "");
        show();
    }

    /** Recomputes the charts and figures from the loaded snapshot for the current variant. */
    private void show() {
        IfdSnapshot s = snapshot;
        if (s == null || s.group() == null) {
            histogram.clear();
            allPoints.clear();
            selectedPoints.clear();
            referenceLines.clear();
            figures.setAll(s == null ? List.of() : List.of(new InsightsFigure("selected", number(s.chosenInDataset()))));
            pointsNote.set("");
            return;
        }
        double[] values = s.values(variant.get());
        ValueHistogram h = ValueHistogram.of(values, HISTOGRAM_BINS);
        histogram.setAll(bars(h));
        allPoints.setAll(points(s, s.plotted(), values));
        selectedPoints.setAll(points(s, s.plottedChosen(), values));
        referenceLines.setAll(lines(s, values));
        long skipped = values.length - h.finite();
        figures.setAll(List.of(
                new InsightsFigure("scored", number(h.finite())),
                new InsightsFigure("skipped (no " + variant.get().label() + ")", number(skipped)),
                new InsightsFigure("IFD ≥ 1, dropped by the IFD < 1 rule",
                        number(ValueHistogram.countAtLeast(values, THRESHOLD))),
                new InsightsFigure("selected", number(s.chosenInDataset()))));
        pointsNote.set(note(s));
    }

    private static String note(IfdSnapshot s) {
        var parts = new ArrayList<String>();
        if (s.plotted().length < s.scoredFinite()) {
            parts.add("Showing " + number(s.plotted().length) + " of " + number(s.scoredFinite())
                    + " scored samples, evenly spaced.");
        }
        if (s.plottedChosen().length < s.chosenScored()) {
            parts.add("Showing " + number(s.plottedChosen().length) + " of " + number(s.chosenScored())
                    + " selected samples, evenly spaced.");
        }
        return String.join(" ", parts);
    }

    static List<IfdBar> bars(ValueHistogram h) {
        if (h.bins().isEmpty()) {
            return List.of();
        }
        double width = h.bins().get(0).to() - h.bins().get(0).from();
        int decimals = width > 0 ? Math.max(2, (int) Math.ceil(-Math.log10(width)) + 1) : 3;
        String format = "%." + decimals + "f";
        var bars = new ArrayList<IfdBar>(h.bins().size());
        for (HistogramBin bin : h.bins()) {
            String label = h.bins().size() == 1 ? String.format(Locale.ROOT, format, bin.from())
                    : String.format(Locale.ROOT, format + "–" + format, bin.from(), bin.to());
            bars.add(new IfdBar(label, bin.count(), bin.from() >= THRESHOLD));
        }
        return bars;
    }

    static List<ReferenceLine> lines(IfdSnapshot s, double[] values) {
        var lines = new ArrayList<ReferenceLine>(2);
        lines.add(new ReferenceLine(THRESHOLD, "IFD = " + THRESHOLD + ": at or above is dropped", true));
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (s.chosen()[i] && Double.isFinite(values[i])) {
                lowest = Math.min(lowest, values[i]);
            }
        }
        if (Double.isFinite(lowest)) {
            lines.add(new ReferenceLine(lowest,
                    String.format(Locale.ROOT, "lowest selected: %.3f", lowest), false));
        }
        return lines;
    }

    private static List<ScatterPoint> points(IfdSnapshot s, int[] indices, double[] values) {
        var points = new ArrayList<ScatterPoint>(indices.length);
        for (int i : indices) {
            if (Double.isFinite(values[i]) && s.responseChars()[i] >= 0) {
                points.add(new ScatterPoint(s.responseChars()[i], values[i]));
            }
        }
        return points;
    }

    public void dispose() {
        queries.cancel();
        workspace.selectedDatasetProperty().removeListener(datasetListener);
        group.removeListener(groupListener);
        variant.removeListener(variantListener);
    }

    private static String number(long value) {
        return String.format("%,d", value);
    }
}
