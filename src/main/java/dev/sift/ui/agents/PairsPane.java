package dev.sift.ui.agents;

import dev.sift.core.model.Agent;
import dev.sift.ui.common.DisplayConverter;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Agent pairs: a line to add one, the list, and where their weights will appear. */
final class PairsPane extends SubscribedView {

    private final PairsViewModel vm;
    private final VBox root;

    PairsPane(PairsViewModel vm, ObservableBooleanValue hasProject) {
        this.vm = vm;
        var title = new Label("Agent pairs");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var instruction = agentChooser("pair-instruction", "Instruction agent", vm.instructionAgentProperty());
        var response = agentChooser("pair-response", "Response agent", vm.responseAgentProperty());
        var name = new TextField();
        name.setId("pair-name");
        name.setPromptText("pair name");
        name.setAccessibleText("Name of the new pair");
        name.setPrefColumnCount(14);
        subscriptions.bindBidirectional(name.textProperty(), vm.nameProperty());
        var add = Tables.button("Add pair", "add-pair", "Add the pair of the chosen agents", vm::add);
        name.setOnAction(e -> vm.add());
        subscriptions.bind(add.disableProperty(), Bindings.not(hasProject));
        var delete = Tables.button("Delete", "delete-pair", "Delete the selected pair", vm::deleteSelected);
        subscriptions.bind(delete.disableProperty(), vm.selectedProperty().isNull());
        var controls = new HBox(8, instruction, new Label("→"), response, name, add, delete);
        controls.setAlignment(Pos.CENTER_LEFT);
        var bar = new VBox(6, title, controls);
        var error = new Label();
        error.setId("pair-error");
        error.setWrapText(true);
        error.getStyleClass().add(SiftStyles.FORM_ERROR);
        subscriptions.bind(error.textProperty(), vm.errorProperty());
        subscriptions.bind(error.managedProperty(), vm.errorProperty().isNotEmpty());

        TableView<PairRow> table = Tables.table("pair-table", "No pairs yet. Star-Agents samples pairs of agents.",
                vm.rows(), vm.selectedProperty(), vm::select, subscriptions);
        table.getColumns().setAll(List.of(
                Tables.column("Name", PairRow::name, 160),
                Tables.column("Instruction agent", PairRow::instructionAgent, 180),
                Tables.column("Response agent", PairRow::responseAgent, 180)));
        VBox.setVgrow(table, Priority.ALWAYS);
        var weights = new Label(PairsViewModel.WEIGHTS_NOTE);
        weights.setId("weights-note");
        weights.getStyleClass().add(SiftStyles.MUTED);
        root = new VBox(8, bar, error, table, weights);
    }

    private ComboBox<Agent> agentChooser(String id, String prompt, ObjectProperty<Agent> value) {
        var chooser = new ComboBox<>(vm.agents());
        chooser.setId(id);
        chooser.setPromptText(prompt);
        chooser.setAccessibleText(prompt);
        chooser.setConverter(DisplayConverter.of(Agent::name));
        subscriptions.bindBidirectional(chooser.valueProperty(), value);
        return chooser;
    }

    @Override
    public Node node() {
        return root;
    }
}
