package dev.sift.ui.review;

import dev.sift.core.review.ProvenanceDetail;
import dev.sift.ui.common.SiftStyles;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Where an AgentInstruct sample came from, under its candidates: a collapsible section with the skill, instruction
 * type and agents, the seed passage, the transformed content and each refinement round (the suggestions and the
 * edited instruction). Hidden for samples no AgentInstruct run made. It stays open or closed from sample to sample.
 */
final class ProvenancePane {

    /** The most of the candidates pane's height the open section takes, so the candidates stay readable. */
    static final double MAX_SHARE = 0.45;

    private final TitledPane root = new TitledPane();
    private final VBox content = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(content);

    ProvenancePane() {
        root.setId("provenance");
        root.getStyleClass().add("provenance");
        root.setExpanded(false);
        root.setAnimated(false);
        scroll.setFitToWidth(true);
        root.setContent(scroll);
        show(Optional.empty());
    }

    Node node() {
        return root;
    }

    /** Keeps the open section within {@link #MAX_SHARE} of {@code available}, the height it shares. */
    void fitWithin(ReadOnlyDoubleProperty available) {
        scroll.maxHeightProperty().bind(available.multiply(MAX_SHARE));
        scroll.prefViewportHeightProperty().bind(available.multiply(MAX_SHARE));
    }

    /** Lets go of the height it was fitted to. */
    void dispose() {
        scroll.maxHeightProperty().unbind();
        scroll.prefViewportHeightProperty().unbind();
    }

    void show(Optional<ProvenanceDetail> provenance) {
        content.getChildren().clear();
        root.setVisible(provenance.isPresent());
        root.setManaged(provenance.isPresent());
        if (provenance.isEmpty()) {
            root.setText("");
            return;
        }
        ProvenanceDetail p = provenance.get();
        root.setText("Provenance: " + p.summary());
        root.setAccessibleText("Provenance of this sample: " + p.summary());
        var facts = new GridPane();
        facts.setId("provenance-facts");
        facts.setHgap(16);
        facts.setVgap(2);
        for (int i = 0; i < p.facts().size(); i++) {
            ProvenanceDetail.Fact fact = p.facts().get(i);
            var label = new Label(fact.label());
            label.getStyleClass().add(SiftStyles.MUTED);
            // two facts a row, so the section opens on the seed passage rather than a column of facts
            facts.add(label, (i % 2) * 2, i / 2);
            facts.add(new Label(fact.value()), (i % 2) * 2 + 1, i / 2);
        }
        content.getChildren().add(facts);
        section("Seed passage", p.seedSource(), p.seedText(), "provenance-seed");
        section("Transformed content", "", p.content(), "provenance-content");
        if (!p.steps().isEmpty()) {
            var steps = new VBox(6);
            steps.setId("provenance-steps");
            for (ProvenanceDetail.Step step : p.steps()) {
                var box = new VBox(2, title(step.title()));
                for (String suggestion : step.suggestions()) {
                    box.getChildren().add(text("• " + suggestion));
                }
                box.getChildren().add(text("→ " + step.instruction()));
                steps.getChildren().add(box);
            }
            content.getChildren().addAll(title("Refinement"), steps);
        }
    }

    private void section(String heading, String note, String body, String id) {
        content.getChildren().add(title(heading));
        if (!note.isEmpty()) {
            var source = new Label(note);
            source.getStyleClass().add(SiftStyles.MUTED);
            content.getChildren().add(source);
        }
        if (!body.isEmpty()) {
            Label text = text(body);
            text.setId(id);
            content.getChildren().add(text);
        }
    }

    private static Label title(String text) {
        var label = new Label(text);
        label.getStyleClass().add("candidate-prompt-title");
        return label;
    }

    private static Label text(String text) {
        var label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(SiftStyles.DETAIL_TEXT);
        return label;
    }
}
