package dev.sift.ui.agents;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The agent table with Add, Edit and Delete. */
final class AgentTablePane implements View {

    private final AgentListViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root;

    AgentTablePane(AgentListViewModel vm, ObservableBooleanValue hasProject) {
        this.vm = vm;
        var title = new Label("Agents");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var add = Tables.button("Add…", "add-agent", "Add an agent", this::add);
        subscriptions.bind(add.disableProperty(), Bindings.not(hasProject));
        var edit = Tables.button("Edit…", "edit-agent", "Edit the selected agent", this::edit);
        subscriptions.bind(edit.disableProperty(), vm.selectedProperty().isNull());
        var delete = Tables.button("Delete", "delete-agent", "Delete the selected agent", vm::deleteSelected);
        subscriptions.bind(delete.disableProperty(), vm.selectedProperty().isNull());
        var bar = new HBox(8, title, add, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<AgentRow> table = Tables.table("agent-table", "No agents yet. An agent is a model on an endpoint with a role.",
                vm.rows(), vm.selectedProperty(), vm::select, subscriptions);
        table.getColumns().setAll(List.of(
                Tables.column("Name", AgentRow::name, 120),
                Tables.column("Endpoint or group", AgentRow::target, 140),
                Tables.column("Model", AgentRow::model, 160),
                Tables.column("Role", AgentRow::role, 130),
                Tables.column("System prompt", AgentRow::promptPreview, 320)));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.selectedProperty().get() != null) {
                edit();
            }
        });
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

    @Override
    public void dispose() {
        subscriptions.dispose();
    }
}
