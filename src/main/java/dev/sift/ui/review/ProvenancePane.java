package dev.sift.ui.review;

import dev.sift.core.review.ProvenanceDetail;
import dev.sift.ui.common.SiftStyles;
import java.util.Optional;
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

    static final double MAX_HEIGHT = 320;

    private final TitledPane root = new TitledPane();
    private final VBox content = new VBox(8);

    ProvenancePane() {
        root.setId("provenance");
        root.getStyleClass().add("provenance");
        root.setExpanded(false);
        root.setAnimated(false);
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(MAX_HEIGHT);
        scroll.setPrefViewportHeight(MAX_HEIGHT);
        root.setContent(scroll);
        show(Optional.empty());
    }

    Node node() {
        return root;
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
        facts.setHgap(12);
        facts.setVgap(2);
        for (int i = 0; i < p.facts().size(); i++) {
            ProvenanceDetail.Fact fact = p.facts().get(i);
            var label = new Label(fact.label());
            label.getStyleClass().add(SiftStyles.MUTED);
            facts.addRow(i, label, new Label(fact.value()));
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
