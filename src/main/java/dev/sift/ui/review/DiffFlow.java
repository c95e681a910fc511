package dev.sift.ui.review;

import dev.sift.core.review.DiffSegment;
import dev.sift.core.review.WordDiff;
import java.util.Locale;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A response as a word diff against the original's: added runs marked, removed runs struck through. */
final class DiffFlow {

    static final String ROOT = "diff-flow";
    static final String ADDED = "diff-added";
    static final String REMOVED = "diff-removed";
    static final String SAME = "diff-same";

    private DiffFlow() {}

    static TextFlow of(String original, String revised) {
        var flow = new TextFlow();
        flow.getStyleClass().add(ROOT);
        for (DiffSegment segment : WordDiff.diff(original, revised)) {
            var run = new Text(segment.text());
            run.getStyleClass().addAll("md-text", "diff-" + segment.kind().name().toLowerCase(Locale.ROOT));
            flow.getChildren().add(run);
        }
        return flow;
    }
}
