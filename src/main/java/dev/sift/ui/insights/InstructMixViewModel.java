package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.store.PairCount;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RefinementDepth;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.LatestQuery;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Insights section "AgentInstruct pairs": for the selected dataset, how its AgentInstruct pairs spread over skills
 * and instruction types, and how many rounds of refinement they went through. Loads off the UI thread when the
 * dataset changes and on {@link #refresh()}.
 */
public final class InstructMixViewModel {

    static final String NO_PAIRS = "No AgentInstruct pairs in this dataset.";

    /** One bar: a skill, a "skill / type", or a number of refinement rounds, with its pairs. */
    public record Bar(String label, long count) {}

    /** What a load found. */
    private record Loaded(List<PairCount> counts, List<RefinementDepth> depths) {}

    private final WorkspaceState workspace;
    private final LatestQuery queries;
    private final ObservableList<Bar> bySkill = FXCollections.observableArrayList();
    private final ObservableList<Bar> byType = FXCollections.observableArrayList();
    private final ObservableList<Bar> depths = FXCollections.observableArrayList();
    private final ObservableList<InsightsFigure> figures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasPairs = new ReadOnlyBooleanWrapper(false);
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> refresh();

    public InstructMixViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this.workspace = workspace;
        this.queries = new LatestQuery(jobs);
        workspace.selectedDatasetProperty().addListener(datasetListener);
        refresh();
    }

    /** Reads the selected dataset's pair counts again. */
    public void refresh() {
        ProjectStore store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            queries.cancel();
            show(new Loaded(List.of(), List.of()));
            message.set("Select a dataset to see the skills and refinement of its AgentInstruct pairs.");
            return;
        }
        queries.run("AgentInstruct pairs", ctx -> new Loaded(store.instruct().pairCountsOfDataset(dataset.id()),
                store.instruct().refinementDepthsOfDataset(dataset.id())), loaded -> {
                    show(loaded);
                    message.set(loaded.counts().isEmpty() ? NO_PAIRS : "");
                }, reason -> {
                    show(new Loaded(List.of(), List.of()));
                    message.set("AgentInstruct pairs unavailable: " + reason);
                });
    }

    private void show(Loaded loaded) {
        Map<String, Long> skills = new LinkedHashMap<>();
        var types = new ArrayList<Bar>();
        long total = 0;
        for (PairCount c : loaded.counts()) {
            skills.merge(c.skill(), (long) c.count(), Long::sum);
            types.add(new Bar(c.skill() + " / " + c.instructionType(), c.count()));
            total += c.count();
        }
        bySkill.setAll(skills.entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue())).toList());
        byType.setAll(types);
        depths.setAll(depthBars(loaded.depths()));
        long refined = loaded.depths().stream().filter(d -> d.rounds() > 0).mapToLong(RefinementDepth::count).sum();
        double rounds = loaded.depths().stream().mapToDouble(d -> (double) d.rounds() * d.count()).sum();
        figures.setAll(total == 0 ? List.of() : List.of(
                new InsightsFigure("pairs", String.format(Locale.ROOT, "%,d", total)),
                new InsightsFigure("skills", String.format(Locale.ROOT, "%,d", skills.size())),
                new InsightsFigure("instruction types", String.format(Locale.ROOT, "%,d", types.size())),
                new InsightsFigure("refined", String.format(Locale.ROOT, "%.0f%%", 100.0 * refined / total)),
                new InsightsFigure("mean rounds", String.format(Locale.ROOT, "%.2f", rounds / total))));
        hasPairs.set(total > 0);
    }

    /** One bar per number of rounds from 0 to the deepest, with the empty ones in between. */
    private static List<Bar> depthBars(List<RefinementDepth> found) {
        int deepest = found.stream().mapToInt(RefinementDepth::rounds).max().orElse(-1);
        long[] counts = new long[deepest + 1];
        for (RefinementDepth d : found) {
            counts[d.rounds()] = d.count();
        }
        var bars = new ArrayList<Bar>();
        for (int r = 0; r <= deepest; r++) {
            bars.add(new Bar(r == 0 ? "unrefined" : r == 1 ? "1 round" : r + " rounds", counts[r]));
        }
        return bars;
    }

    /** Pairs per skill, by skill name. */
    public ObservableList<Bar> bySkill() {
        return bySkill;
    }

    /** Pairs per "skill / instruction type", by skill then type. */
    public ObservableList<Bar> byType() {
        return byType;
    }

    /** Pairs per number of refinement rounds, from unrefined to the deepest. */
    public ObservableList<Bar> depths() {
        return depths;
    }

    /** Pairs, skills, instruction types, share refined and mean rounds; empty without pairs. */
    public ObservableList<InsightsFigure> figures() {
        return figures;
    }

    /** Why no chart is shown (no dataset, no pairs); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPairsProperty() {
        return hasPairs.getReadOnlyProperty();
    }

    public void dispose() {
        queries.cancel();
        workspace.selectedDatasetProperty().removeListener(datasetListener);
    }
}
