package dev.sift.ui.agents;

import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.View;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The Agents screen: endpoints, agents and agent pairs on the left, the connection test and local
 * server detection on the right. Forms open as dialogs.
 */
public final class AgentsView implements View {

    private final AgentsViewModel vm;
    private final Subscriptions subscriptions = new Subscriptions();
    private final BorderPane root = new BorderPane();

    public AgentsView(WorkspaceState workspace, UiServices services) {
        this(new AgentsViewModel(workspace, services));
    }

    AgentsView(AgentsViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add(SiftStyles.AGENTS);
        var endpoints = new EndpointsPane(vm.endpoints(), vm.hasProjectProperty());
        var agents = new AgentTablePane(vm.agents(), vm.hasProjectProperty());
        var pairs = new PairsPane(vm.pairs(), vm.hasProjectProperty());
        var connection = new ConnectionPane(vm.endpoints(), vm.hasProjectProperty(), this::addDetected);
        for (View child : List.of(endpoints, agents, pairs, connection)) {
            subscriptions.onDispose(child::dispose);
        }
        var tables = new SplitPane(endpoints.node(), agents.node(), pairs.node());
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.36, 0.68);
        var split = new SplitPane(tables, connection.node());
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(connection.node(), false);
        root.setCenter(split);
    }

    private void addDetected(ServerRow server) {
        vm.endpoints().addDetected(server)
                .ifPresent(form -> new EndpointDialog(root.getScene().getWindow(), form).showAndWait());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        vm.dispose();
    }
}
