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

/** The endpoint table with Add, Edit and Delete. */
final class EndpointsPane implements View {

    private final EndpointsViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final VBox root;

    EndpointsPane(EndpointsViewModel vm, ObservableBooleanValue hasProject) {
        this.vm = vm;
        var title = new Label("Endpoints");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var add = Tables.button("Add…", "add-endpoint", "Add an endpoint", this::add);
        subscriptions.bind(add.disableProperty(), Bindings.not(hasProject));
        var edit = Tables.button("Edit…", "edit-endpoint", "Edit the selected endpoint", this::edit);
        subscriptions.bind(edit.disableProperty(), vm.selectedProperty().isNull());
        var delete = Tables.button("Delete", "delete-endpoint", "Delete the selected endpoint", vm::deleteSelected);
        subscriptions.bind(delete.disableProperty(), vm.selectedProperty().isNull());
        var bar = new HBox(8, title, add, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<EndpointRow> table = Tables.table("endpoint-table", "No endpoints yet. Add one, or detect local servers.",
                vm.rows(), vm.selectedProperty(), vm::select, subscriptions);
        table.getColumns().setAll(List.of(
                Tables.column("Name", EndpointRow::name, 120),
                Tables.column("Kind", EndpointRow::kind, 90),
                Tables.column("Base URL / folder", EndpointRow::location, 220),
                Tables.column("Key", EndpointRow::keyRef, 130),
                Tables.column("Conc.", EndpointRow::maxConcurrency, 68),
                Tables.column("RPM", EndpointRow::requestsPerMinute, 62),
                Tables.column("TPM", EndpointRow::tokensPerMinute, 62),
                Tables.column("$ in/M", EndpointRow::priceIn, 78),
                Tables.column("$ out/M", EndpointRow::priceOut, 84),
                Tables.column("Group", EndpointRow::group, 80)));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.selectedProperty().get() != null) {
                edit();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(8, bar, table);
    }

    private void add() {
        vm.newEndpoint().ifPresent(form -> new EndpointDialog(root.getScene().getWindow(), form).showAndWait());
    }

    private void edit() {
        vm.editSelected().ifPresent(form -> new EndpointDialog(root.getScene().getWindow(), form).showAndWait());
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
