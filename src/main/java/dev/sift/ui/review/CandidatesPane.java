package dev.sift.ui.review;

import dev.sift.core.review.CandidateDetail;
import dev.sift.core.review.SampleDetail;
import dev.sift.ui.common.View;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The candidates of one sample side by side, numbered 1 to n as the keys 1–6 choose them. The Review screen calls
 * {@link #show} whenever the selected sample changes; it never reaches inside.
 */
final class CandidatesPane implements View {

    private final HBox root = new HBox(8);

    CandidatesPane() {
        root.setId("candidates");
    }

    /** Shows the sample's candidates; null clears the pane. */
    void show(SampleDetail detail) {
        root.getChildren().clear();
        if (detail == null) {
            return;
        }
        int n = 1;
        for (CandidateDetail c : detail.candidates()) {
            var pane = new Label(n++ + " · " + c.madeBy() + "\n\n" + c.response());
            pane.setWrapText(true);
            HBox.setHgrow(pane, Priority.ALWAYS);
            root.getChildren().add(pane);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        root.getChildren().clear();
    }
}
