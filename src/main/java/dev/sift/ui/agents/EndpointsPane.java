package dev.sift.ui.agents;

import dev.sift.ui.common.SubscribedView;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The endpoint table with Add, Edit and Delete. */
final class EndpointsPane extends SubscribedView {

    private final EndpointsViewModel vm;
    private final VBox root;

    EndpointsPane(EndpointsViewModel vm, ObservableBooleanValue hasProject) {
        this.vm = vm;
        var bar = Tables.editBar("Endpoints", "endpoint", "endpoint", hasProject, vm.selectedProperty(), this::add, this::edit,
                vm::deleteSelected, subscriptions);

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
        Tables.editOnDoubleClick(table, vm.selectedProperty(), this::edit);
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
}
