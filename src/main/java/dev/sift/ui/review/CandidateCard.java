package dev.sift.ui.review;

import dev.sift.core.review.CandidateDetail;
import dev.sift.ui.common.markdown.MarkdownFlow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One numbered pane of {@link CandidatesPane}: a header (number, maker, current marker, score badges, approximate
 * tokens), the instruction and input when they differ from the original's, and the response in a scroll pane, shown
 * as markdown or as a word diff against the original response.
 */
final class CandidateCard {

    static final String PANE = "candidate-pane";
    static final String CURRENT = "candidate-current";
    static final String NUMBER = "candidate-number";
    static final String MADE_BY = "candidate-made-by";
    static final String CURRENT_MARKER = "candidate-current-marker";
    static final String TOKENS = "candidate-tokens";
    static final String PROMPT = "candidate-prompt";
    static final String BODY = "candidate-body";

    private final CandidateDetail candidate;
    private final CandidateDetail original;
    private final boolean isOriginal;
    private final VBox root = new VBox(6);
    private final ScrollPane body = new ScrollPane();
    private Node markdown;
    private Node diff;

    /**
     * @param number the pane's number, the key that chooses it; pane 1 is the original
     * @param original the original candidate (pane 1's), which the prompt and the diff compare against
     * @param current whether the sample's kept candidate is this one
     */
    CandidateCard(int number, CandidateDetail candidate, CandidateDetail original, boolean current) {
        this.candidate = candidate;
        this.original = original;
        this.isOriginal = number == 1;
        root.getStyleClass().add(PANE);
        root.setId("candidate-" + number);
        if (current) {
            root.getStyleClass().add(CURRENT);
        }
        root.getChildren().add(header(number, current));
        prompt("Instruction", candidate.instruction(), original.instruction());
        prompt("Input", candidate.input(), original.input());
        body.getStyleClass().add(BODY);
        body.setFitToWidth(true);
        body.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().add(body);
        showDifferences(false);
    }

    VBox node() {
        return root;
    }

    ScrollPane body() {
        return body;
    }

    /** Shows the response as a word diff against the original's, or as markdown; the original pane stays markdown. */
    void showDifferences(boolean differences) {
        if (differences && !isOriginal) {
            if (diff == null) {
                diff = padded(DiffFlow.of(original.response(), candidate.response()));
            }
            body.setContent(diff);
        } else {
            if (markdown == null) {
                markdown = padded(MarkdownFlow.render(candidate.response()));
            }
            body.setContent(markdown);
        }
    }

    private VBox header(int number, boolean current) {
        var key = new Label(Integer.toString(number));
        key.getStyleClass().add(NUMBER);
        key.setMinWidth(Region.USE_PREF_SIZE);
        if (number <= CandidatesPane.FITTING) {
            key.setTooltip(new Tooltip("Press " + number + " to keep this candidate"));
        }
        var madeBy = new Label(candidate.madeBy());
        madeBy.getStyleClass().add(MADE_BY);
        madeBy.setMinWidth(0);
        madeBy.setTooltip(new Tooltip(candidate.madeBy()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var tokens = new Label("~" + candidate.approximateTokens() + " tokens");
        tokens.getStyleClass().add(TOKENS);
        tokens.setMinWidth(Region.USE_PREF_SIZE);
        var title = new HBox(6, key, madeBy);
        if (current) {
            var marker = new Label("✓ current");
            marker.getStyleClass().add(CURRENT_MARKER);
            marker.setMinWidth(Region.USE_PREF_SIZE);
            marker.setTooltip(new Tooltip("The sample's current decision keeps this candidate"));
            title.getChildren().add(marker);
        }
        title.getChildren().addAll(spacer, tokens);
        title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        var badges = new FlowPane(4, 4);
        badges.getStyleClass().add("candidate-badges");
        badges.getChildren().addAll(ScoreBadges.of(candidate.scores()));
        var header = new VBox(4, title);
        if (!badges.getChildren().isEmpty()) {
            header.getChildren().add(badges);
        }
        header.getStyleClass().add("candidate-header");
        return header;
    }

    /** Adds the candidate's instruction or input when it is not the original's (a rewritten instruction). */
    private void prompt(String what, String text, String originalText) {
        if (isOriginal || text.equals(originalText)) {
            return;
        }
        var title = new Label(text.isEmpty() ? what + " (removed)" : what + " (differs from the original)");
        title.getStyleClass().add("candidate-prompt-title");
        var content = new Label(text);
        content.setWrapText(true);
        content.setMinHeight(Region.USE_PREF_SIZE);
        var box = new VBox(2, title, content);
        box.getStyleClass().add(PROMPT);
        root.getChildren().add(box);
    }

    private static Node padded(Node content) {
        var box = new VBox(content);
        box.getStyleClass().add("candidate-response");
        return box;
    }
}
