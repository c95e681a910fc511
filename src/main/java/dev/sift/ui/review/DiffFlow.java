package dev.sift.ui.review;

import dev.sift.core.review.DiffSegment;
import dev.sift.core.review.DiffSegment.Kind;
import dev.sift.core.review.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A response as a word diff against the original's: added runs marked, removed runs struck through, each on a
 * tinted background that follows the wrapped lines.
 */
final class DiffFlow extends TextFlow {

    static final String ROOT = "diff-flow";
    static final String ADDED = "diff-added";
    static final String REMOVED = "diff-removed";
    static final String HIGHLIGHT_ADDED = "diff-highlight-added";
    static final String HIGHLIGHT_REMOVED = "diff-highlight-removed";

    private final List<DiffSegment> segments;
    private final Path added = highlight(HIGHLIGHT_ADDED);
    private final Path removed = highlight(HIGHLIGHT_REMOVED);

    private DiffFlow(List<DiffSegment> segments) {
        this.segments = segments;
        getStyleClass().add(ROOT);
        for (DiffSegment segment : segments) {
            var run = new Text(segment.text());
            run.getStyleClass().addAll("md-text", "diff-" + segment.kind().name().toLowerCase(Locale.ROOT));
            getChildren().add(run);
        }
    }

    /** The diff of {@code revised} against {@code original}, with its highlights beneath. */
    static StackPane of(String original, String revised) {
        var flow = new DiffFlow(WordDiff.diff(original, revised));
        var highlights = new Pane(flow.added, flow.removed);
        highlights.setManaged(false);
        highlights.setMouseTransparent(true);
        var view = new StackPane(highlights, flow);
        view.setAlignment(Pos.TOP_LEFT);
        return view;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        var addedShape = new ArrayList<PathElement>();
        var removedShape = new ArrayList<PathElement>();
        int offset = 0;
        for (DiffSegment segment : segments) {
            int end = offset + segment.text().length();
            if (segment.kind() != Kind.SAME) {
                (segment.kind() == Kind.ADDED ? addedShape : removedShape).addAll(List.of(rangeShape(offset, end)));
            }
            offset = end;
        }
        added.getElements().setAll(addedShape);
        removed.getElements().setAll(removedShape);
        for (Path path : List.of(added, removed)) {
            path.setLayoutX(getLayoutX());
            path.setLayoutY(getLayoutY());
        }
    }

    private static Path highlight(String styleClass) {
        var path = new Path();
        path.getStyleClass().add(styleClass);
        path.setManaged(false);
        return path;
    }
}
