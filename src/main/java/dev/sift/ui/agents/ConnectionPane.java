package dev.sift.ui.agents;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The selected endpoint's connection test with its models, and the local servers found by detection. */
final class ConnectionPane extends SubscribedView {

    private final VBox root;

    ConnectionPane(EndpointsViewModel vm, ObservableBooleanValue hasProject, Consumer<ServerRow> addDetected) {
        var title = new Label("Connection");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var test = Tables.button("Test connection", "test-connection",
                "Test the connection to the selected endpoint and list its models", vm::testConnection);
        subscriptions.bind(test.disableProperty(), vm.selectedProperty().isNull().or(vm.testingProperty()));
        var status = new Label();
        status.setId("connection-status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap instead of cutting the text
        subscriptions.bind(status.textProperty(), vm.connectionStatusProperty());
        var models = new ListView<>(vm.models());
        models.setId("model-list");
        models.setAccessibleText("Models listed by the selected endpoint");
        models.setPrefHeight(140);
        var noModels = new Label("Test the connection to list the endpoint's models.");
        noModels.getStyleClass().add(SiftStyles.MUTED);
        noModels.setWrapText(true);
        models.setPlaceholder(noModels);

        var serversTitle = new Label("Local servers");
        serversTitle.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var detect = Tables.button("Detect local servers", "detect-servers",
                "Look for model servers on the usual ports of this machine", vm::detect);
        subscriptions.bind(detect.disableProperty(), Bindings.not(hasProject).or(vm.detectingProperty()));
        var message = new Label();
        message.setId("detect-message");
        message.setWrapText(true);
        message.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(message.textProperty(), vm.detectMessageProperty());
        var servers = new ListView<>(vm.detected());
        servers.setId("detected-servers");
        servers.setCellFactory(list -> new ServerCell(addDetected));
        var none = new Label("Ollama, llama.cpp, vLLM, LM Studio and SGLang are found on their usual ports.");
        none.getStyleClass().add(SiftStyles.MUTED);
        none.setWrapText(true);
        servers.setPlaceholder(none);
        VBox.setVgrow(servers, Priority.ALWAYS);

        root = new VBox(8, title, test, status, models, serversTitle, detect, message, servers);
        root.setMinWidth(260);
    }

    /** A found server: kind and URL, its models, and a button to add it as an endpoint. */
    private static final class ServerCell extends ListCell<ServerRow> {
        private final Label server = new Label();
        private final Label models = new Label();
        private final Button add = new Button("Add as endpoint");
        private final HBox box;

        ServerCell(Consumer<ServerRow> addDetected) {
            models.getStyleClass().add(SiftStyles.MUTED);
            models.setWrapText(true);
            add.setOnAction(e -> {
                if (getItem() != null) {
                    addDetected.accept(getItem());
                }
            });
            var text = new VBox(2, server, models);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, text, spacer, add);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ServerRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            server.setText(row.kind() + " · " + row.baseUrl());
            models.setText(row.models());
            add.setAccessibleText("Add " + row.kind() + " at " + row.baseUrl() + " as an endpoint");
            setAccessibleText(row.summary());
            setGraphic(box);
        }
    }

    @Override
    public Node node() {
        return root;
    }
}
