package dev.sift.ui.insights;

import dev.sift.core.model.Dataset;
import dev.sift.core.review.ReviewFilter;
import dev.sift.core.review.ReviewSelection;
import dev.sift.core.review.ReviewStats;
import dev.sift.core.store.ProjectStore;
import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.LatestQuery;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How often the judge, IFD, the selection algorithm and the curator agree on the selected dataset, under the review's
 * agreement rules (the same numbers as {@code sift review-stats}). Loads off the UI thread when the dataset changes and
 * on {@link #refresh()}.
 */
public final class AgreementViewModel {

    /** One agreement rate, e.g. "judge vs curator": 41 of 50 (82.0%). */
    public record AgreementRate(String label, ReviewStats.Rate rate) {
        /** "41 of 50 (82.0%)", or "not compared" when no sample had both. */
        public String text() {
            return rate.compared() == 0 ? "not compared"
                    : String.format(Locale.ROOT, "%,d of %,d (%.1f%%)", rate.agree(), rate.compared(),
                            100 * rate.value());
        }
    }

    /** What a load found: the statistics and the IFD cut-off of the rules. */
    private record Loaded(ReviewStats stats, double ifdCut) {}

    private final WorkspaceState workspace;
    private final LatestQuery queries;
    private final ObservableList<AgreementRate> rates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rules = new ReadOnlyStringWrapper("");
    private final ChangeListener<Dataset> datasetListener = (obs, old, now) -> refresh();

    public AgreementViewModel(WorkspaceState workspace, UiJobRunner jobs) {
        this.workspace = workspace;
        this.queries = new LatestQuery(jobs);
        workspace.selectedDatasetProperty().addListener(datasetListener);
        refresh();
    }

    /** Judge vs curator, algorithm vs curator and judge vs IFD, in that order; empty while nothing is loaded. */
    public ObservableList<AgreementRate> rates() {
        return rates;
    }

    /** Why there is nothing to show, or that it is loading; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** When each side keeps a sample, with the IFD cut-off in force. */
    public ReadOnlyStringProperty rulesProperty() {
        return rules.getReadOnlyProperty();
    }

    /** Reads the selected dataset's review rows again. */
    public void refresh() {
        ProjectStore store = workspace.store().orElse(null);
        Dataset dataset = workspace.selectedDataset().orElse(null);
        if (store == null || dataset == null) {
            queries.cancel();
            show(null);
            message.set("Select a dataset to see how the judge, IFD, the algorithm and you agree.");
            return;
        }
        message.set("Loading agreement…");
        queries.run("Agreement", ctx -> {
            ReviewSelection selection = ReviewSelection.load(store, new long[] {dataset.id()}, ReviewFilter.all());
            return new Loaded(selection.stats(), selection.verdicts().ifdCut());
        }, this::show, reason -> {
            show(null);
            message.set("Agreement unavailable: " + reason);
        });
    }

    private void show(Loaded loaded) {
        if (loaded == null) {
            rates.clear();
            rules.set("");
            return;
        }
        ReviewStats s = loaded.stats();
        rates.setAll(List.of(new AgreementRate("judge vs curator", s.judgeCurator()),
                new AgreementRate("algorithm vs curator", s.algorithmCurator()),
                new AgreementRate("judge vs IFD", s.judgeIfd())));
        boolean nothing = s.judgeCurator().compared() == 0 && s.algorithmCurator().compared() == 0
                && s.judgeIfd().compared() == 0;
        message.set(nothing ? "Nothing to compare yet: agreement needs judge or IFD scores, an algorithm's"
                + " decisions and your own in the review." : "");
        rules.set("The judge keeps a sample at 7 or more; IFD keeps it when "
                + (Double.isNaN(loaded.ifdCut()) ? "below 1 and in the harder half (no IFD below 1 yet)"
                        : String.format(Locale.ROOT, "%.4f ≤ IFD < 1 (the harder half)", loaded.ifdCut()))
                + "; you keep what you chose or edited.");
    }

    public void dispose() {
        queries.cancel();
        workspace.selectedDatasetProperty().removeListener(datasetListener);
    }
}
