package dev.sift.ui.agents;

import dev.sift.ui.WorkspaceState;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import dev.sift.ui.common.UiServices;
import dev.sift.ui.common.View;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The Agents screen in two tabs. "Endpoints & agents": endpoints, agents and agent pairs on the left,
 * the connection test and local server detection on the right. "Local models": the models folder,
 * where local endpoints come from. Forms open as dialogs.
 */
public final class AgentsView extends SubscribedView {

    private final AgentsViewModel vm;
    private final BorderPane root = new BorderPane();

    public AgentsView(WorkspaceState workspace, UiServices services) {
        this(new AgentsViewModel(workspace, services));
    }

    AgentsView(AgentsViewModel vm) {
        this.vm = vm;
        subscriptions.onDispose(vm::dispose); // the first registered, so the last released
        root.getStyleClass().add(SiftStyles.AGENTS);
        var endpoints = new EndpointsPane(vm.endpoints(), vm.hasProjectProperty());
        var agents = new AgentTablePane(vm.agents(), vm.hasProjectProperty());
        var pairs = new PairsPane(vm.pairs(), vm.hasProjectProperty());
        var connection = new ConnectionPane(vm.endpoints(), vm.hasProjectProperty(), this::addDetected);
        var models = new ModelsPane(vm.models(), vm.hasProjectProperty());
        for (View child : List.of(endpoints, agents, pairs, connection, models)) {
            subscriptions.onDispose(child::dispose);
        }
        var tables = new SplitPane(endpoints.node(), agents.node(), pairs.node());
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.36, 0.68);
        var split = new SplitPane(tables, connection.node());
        split.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(connection.node(), false);
        var agentsTab = new Tab("Endpoints & agents", split);
        agentsTab.setId("agents-tab");
        var modelsTab = new Tab("Local models", models.node());
        modelsTab.setId("models-tab");
        var tabs = new TabPane(agentsTab, modelsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The folder may have changed (a download from the CLI): read it again whenever the tab is shown.
        subscriptions.listen(modelsTab.selectedProperty(), (obs, was, selected) -> {
            if (selected) {
                vm.models().refresh();
            }
        });
        root.setCenter(tabs);
    }

    private void addDetected(ServerRow server) {
        vm.endpoints().addDetected(server)
                .ifPresent(form -> new EndpointDialog(root.getScene().getWindow(), form).showAndWait());
    }

    @Override
    public Node node() {
        return root;
    }
}
