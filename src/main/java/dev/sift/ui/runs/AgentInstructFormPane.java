package dev.sift.ui.runs;

import dev.sift.core.pipeline.AgentInstructSpec;
import dev.sift.ui.common.DisplayConverter;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The "New AgentInstruct run" form on the Runs screen, over an {@link AgentInstructFormViewModel}: every control has
 * an id {@code ai-…} named after its configuration field; Launch is enabled while the form is valid. The run's
 * progress by flow then shows in its message and its log ({@code flow} events).
 */
final class AgentInstructFormPane extends RecipeFormPane {

    private final AgentInstructFormViewModel vm;
    private final FlowPane skillsBox = new FlowPane(14, 4);

    AgentInstructFormPane(AgentInstructFormViewModel vm, Runnable launch, Runnable close) {
        this.vm = vm;
        var grid = grid();
        var seeds = new ComboBox<>(vm.collections());
        seeds.setId("ai-seeds");
        seeds.setConverter(DisplayConverter.of(c -> c.name() + "  (" + c.chunks() + " chunks)"));
        subscriptions.bindBidirectional(seeds.valueProperty(), vm.collectionProperty());
        int row = 0;
        grid.addRow(row++, new Label("Seed collection"), seeds);
        skillsBox.setPrefWrapLength(720);
        grid.addRow(row++, new Label("Skills and mix"), skillsBox);
        var roles = new FlowPane(10, 6);
        for (String role : AgentInstructSpec.ROLES) {
            roles.getChildren().add(cell(role, agentBox("ai-agent-" + role, vm.agentProperty(role))));
        }
        roles.getChildren().add(cell("judge", agentBox("ai-judge", vm.judgeProperty())));
        grid.addRow(row++, new Label("Agents"), roles);
        var numbers = new FlowPane(10, 6);
        for (String field : AgentInstructFormViewModel.NUMBERS) {
            var text = new TextField();
            text.setId("ai-" + field);
            text.setPrefColumnCount(field.equals("seed") || field.equals("budget") ? 6 : 3);
            subscriptions.bindBidirectional(text.textProperty(), vm.field(field));
            numbers.getChildren().add(cell(field.equals("budget") ? "budget $" : field, text));
        }
        var emit = new ComboBox<>(FXCollections.observableArrayList("final", "all"));
        emit.setId("ai-emit");
        subscriptions.bindBidirectional(emit.valueProperty(), vm.emitProperty());
        numbers.getChildren().add(cell("emit", emit));
        grid.addRow(row++, new Label("Settings"), numbers);
        var dataset = new TextField();
        dataset.setId("ai-dataset");
        dataset.setPromptText("<seed collection>-agentinstruct");
        dataset.setPrefColumnCount(24);
        subscriptions.bindBidirectional(dataset.textProperty(), vm.datasetProperty());
        grid.addRow(row++, new Label("Output dataset"), dataset);
        layOut("agentinstruct-form", "ai", "New AgentInstruct run", grid, vm, launch, close).setWrapText(true);
        subscriptions.listen(vm.skills(), change -> rebuildSkills());
        rebuildSkills();
    }

    private ComboBox<String> agentBox(String id, javafx.beans.property.StringProperty value) {
        var box = new ComboBox<>(vm.agentNames());
        box.setId(id);
        box.setConverter(DisplayConverter.of(s -> s == null || s.isEmpty() ? "(none)" : s));
        subscriptions.bindBidirectional(box.valueProperty(), value);
        return box;
    }

    private static Node cell(String label, Node control) {
        var cell = new HBox(4, new Label(label), control);
        cell.setAlignment(Pos.CENTER_LEFT);
        return cell;
    }

    private void rebuildSkills() {
        skillsBox.getChildren().clear();
        for (SkillChoice skill : vm.skills()) {
            var use = new CheckBox(skill.name());
            use.setId("ai-skill-" + skill.name());
            use.selectedProperty().bindBidirectional(skill.selectedProperty());
            var weight = new TextField();
            weight.setId("ai-weight-" + skill.name());
            weight.setPrefColumnCount(2);
            weight.textProperty().bindBidirectional(skill.weightProperty());
            weight.disableProperty().bind(use.selectedProperty().not());
            var line = new HBox(4, use, weight);
            line.setAlignment(Pos.CENTER_LEFT);
            skillsBox.getChildren().add(line);
        }
    }
}
