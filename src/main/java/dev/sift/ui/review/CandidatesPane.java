package dev.sift.ui.review;

import dev.sift.core.review.CandidateDetail;
import dev.sift.core.review.SampleDetail;
import dev.sift.ui.common.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The candidates of one sample side by side, numbered 1 to n as the keys 1–6 choose them. The Review screen calls
 * {@link #show} whenever the selected sample changes; it never reaches inside.
 *
 * <p>Pane 1 is the original. Up to {@value #FITTING} panes share the width; more scroll sideways. The panes scroll
 * together vertically, and "Show differences" switches every other pane to a word diff against the original. Below
 * them, a sample an AgentInstruct run made shows its provenance ({@link ProvenancePane}).
 */
final class CandidatesPane implements View {

    /** The most panes that share the width before the row scrolls sideways. */
    static final int FITTING = 6;
    private static final double PANE_WIDTH = 320;
    private static final double MIN_FITTED_WIDTH = 140;

    private final VBox root = new VBox(6);
    private final CheckBox differences = new CheckBox("Show differences");
    private final Label summary = new Label();
    private final HBox row = new HBox(8);
    private final ScrollPane rowScroll = new ScrollPane(row);
    private final ScrollSync sync = new ScrollSync();
    private final List<CandidateCard> cards = new ArrayList<>();
    private final ProvenancePane provenance = new ProvenancePane();
    private final InvalidationListener differencesListener = obs -> applyDifferences();

    CandidatesPane() {
        root.setId("candidates");
        root.getStyleClass().add("candidates");
        differences.setId("show-differences");
        differences.setTooltip(new Tooltip("Show each candidate's response as a word diff against the original's"));
        differences.selectedProperty().addListener(differencesListener);
        summary.getStyleClass().add("candidates-summary");
        var bar = new HBox(12, differences, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("candidates-bar");
        row.getStyleClass().add("candidates-row");
        rowScroll.setId("candidates-scroll");
        rowScroll.getStyleClass().add("candidates-scroll");
        rowScroll.setFitToHeight(true);
        rowScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(rowScroll, Priority.ALWAYS);
        root.getChildren().addAll(bar, rowScroll, provenance.node());
        provenance.fitWithin(root.heightProperty());
        show(null);
    }

    /** Shows the sample's candidates; null clears the pane. */
    void show(SampleDetail detail) {
        sync.clear();
        cards.clear();
        row.getChildren().clear();
        List<CandidateDetail> candidates = detail == null ? List.of() : detail.candidates();
        provenance.show(detail == null ? Optional.empty() : detail.provenance());
        differences.setDisable(candidates.size() < 2);
        summary.setText(candidates.isEmpty() ? "" : candidates.size() == 1 ? "1 candidate"
                : candidates.size() + " candidates");
        boolean fits = candidates.size() <= FITTING;
        rowScroll.setFitToWidth(fits);
        rowScroll.setHbarPolicy(fits ? ScrollPane.ScrollBarPolicy.NEVER : ScrollPane.ScrollBarPolicy.AS_NEEDED);
        for (int i = 0; i < candidates.size(); i++) {
            CandidateDetail candidate = candidates.get(i);
            boolean current = candidate.current() && detail.state().kept();
            var card = new CandidateCard(i + 1, candidate, candidates.get(0), current);
            VBox pane = card.node();
            pane.setPrefWidth(PANE_WIDTH);
            pane.setMinWidth(fits ? MIN_FITTED_WIDTH : PANE_WIDTH);
            pane.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(pane, Priority.ALWAYS);
            row.getChildren().add(pane);
            sync.add(card.body());
            cards.add(card);
        }
        applyDifferences();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        show(null);
        differences.selectedProperty().removeListener(differencesListener);
        provenance.dispose();
    }

    private void applyDifferences() {
        for (CandidateCard card : cards) {
            card.showDifferences(differences.isSelected());
        }
    }
}
