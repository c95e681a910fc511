package dev.sift.ui.agents;

import dev.sift.ui.common.SubscribedView;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The agent table with Add, Edit and Delete. */
final class AgentTablePane extends SubscribedView {

    private final AgentListViewModel vm;
    private final VBox root;

    AgentTablePane(AgentListViewModel vm, ObservableBooleanValue hasProject) {
        this.vm = vm;
        var bar = Tables.editBar("Agents", "agent", "agent", hasProject, vm.selectedProperty(), this::add, this::edit,
                vm::deleteSelected, subscriptions);

        TableView<AgentRow> table = Tables.table("agent-table", "No agents yet. An agent is a model on an endpoint with a role.",
                vm.rows(), vm.selectedProperty(), vm::select, subscriptions);
        table.getColumns().setAll(List.of(
                Tables.column("Name", AgentRow::name, 120),
                Tables.column("Endpoint or group", AgentRow::target, 140),
                Tables.column("Model", AgentRow::model, 160),
                Tables.column("Role", AgentRow::role, 130),
                Tables.column("System prompt", AgentRow::promptPreview, 320)));
        Tables.editOnDoubleClick(table, vm.selectedProperty(), this::edit);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, bar, table);
    }

    private void add() {
        vm.newAgent().ifPresent(form -> new AgentDialog(root.getScene().getWindow(), form).showAndWait());
    }

    private void edit() {
        vm.editSelected().ifPresent(form -> new AgentDialog(root.getScene().getWindow(), form).showAndWait());
    }

    @Override
    public Node node() {
        return root;
    }
}
