package dev.sift.ui.agents;

import dev.sift.ui.common.DisplayConverter;
import dev.sift.core.model.AgentRole;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The agent form as a dialog; errors in the decoding parameters show below them as they are typed. */
final class AgentDialog {

    private final AgentFormViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final FormDialog dialog;
    private final GridPane grid = new GridPane();
    private int row;

    AgentDialog(Window owner, AgentFormViewModel vm) {
        this.vm = vm;
        grid.setHgap(10);
        grid.setVgap(8);
        var name = new TextField();
        name.setId("agent-name");
        name.setAccessibleText("Agent name");
        name.setPrefColumnCount(28);
        subscriptions.bindBidirectional(name.textProperty(), vm.nameProperty());
        add("Name", name);
        var target = new ComboBox<>(vm.targets());
        target.setId("agent-target");
        target.setAccessibleText("Endpoint or endpoint group the agent runs on");
        subscriptions.bindBidirectional(target.valueProperty(), vm.targetProperty());
        add("Runs on", target);
        add("Model", modelChooser());
        var role = new ComboBox<AgentRole>();
        role.setId("agent-role");
        role.setAccessibleText("Role of the agent");
        role.getItems().setAll(vm.roles());
        role.setConverter(DisplayConverter.of(AgentRow::roleLabel));
        subscriptions.bindBidirectional(role.valueProperty(), vm.roleProperty());
        add("Role", role);
        var prompt = area("agent-prompt", "System prompt", 5);
        subscriptions.bindBidirectional(prompt.textProperty(), vm.systemPromptProperty());
        add("System prompt", prompt);
        var parameters = area("agent-parameters", "Decoding parameters as JSON", 3);
        subscriptions.bindBidirectional(parameters.textProperty(), vm.parametersProperty());
        var parametersError = new Label();
        parametersError.setId("agent-parameters-error");
        parametersError.setWrapText(true);
        parametersError.setMaxWidth(420);
        parametersError.getStyleClass().add(SiftStyles.FORM_ERROR);
        subscriptions.bind(parametersError.textProperty(), vm.parametersErrorProperty());
        var hint = new Label("max_tokens, temperature, top_p, seed, stop, n, logprobs, top_logprobs, response_format");
        hint.getStyleClass().add(SiftStyles.MUTED);
        add("Decoding", new VBox(4, parameters, parametersError, hint));
        dialog = new FormDialog(owner, vm.title(), "agent", grid, vm.errorProperty(), vm::save, subscriptions);
    }

    /** Editable: offers the models of the last connection test and takes any other name. */
    private ComboBox<String> modelChooser() {
        var model = new ComboBox<>(vm.models());
        model.setId("agent-model");
        model.setEditable(true);
        model.setAccessibleText("Model; test the endpoint's connection to choose from its models");
        model.setPromptText("model name");
        model.setPrefWidth(320);
        model.getEditor().setText(vm.modelProperty().get());
        subscriptions.bindBidirectional(model.getEditor().textProperty(), vm.modelProperty());
        subscriptions.listen(model.valueProperty(), (obs, old, chosen) -> {
            if (chosen != null) {
                vm.modelProperty().set(chosen);
            }
        });
        return model;
    }

    private static TextArea area(String id, String accessibleText, int rows) {
        var area = new TextArea();
        area.setId(id);
        area.setAccessibleText(accessibleText);
        area.setPrefRowCount(rows);
        area.setPrefColumnCount(36);
        area.setWrapText(true);
        return area;
    }

    private void add(String label, Node field) {
        var text = new Label(label);
        text.setLabelFor(field);
        grid.addRow(row++, text, field);
    }

    void showAndWait() {
        try {
            dialog.showAndWait();
        } finally {
            subscriptions.dispose();
            vm.dispose();
        }
    }
}
