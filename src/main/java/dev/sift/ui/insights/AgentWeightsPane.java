package dev.sift.ui.insights;

import dev.sift.core.store.Run;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import dev.sift.ui.common.weights.WeightsChartPane;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Insights section "Agent-pair weights": the live weights chart of the selected dataset's newest Star-Agents
 * run, with a chooser when there are several and a refresh of the run list.
 */
final class AgentWeightsPane implements View {

    private final Subscriptions subscriptions = new Subscriptions();
    private final AgentWeightsViewModel vm;
    private final WeightsChartPane chart;
    private final VBox root;

    AgentWeightsPane(AgentWeightsViewModel vm) {
        this.vm = vm;
        var title = new Label("Agent-pair weights");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var chooser = new ComboBox<>(vm.runs());
        chooser.setId("weights-run");
        chooser.setConverter(new RunNames());
        var refresh = new Button("Refresh");
        refresh.setId("weights-refresh");
        refresh.setOnAction(e -> vm.refresh());
        var header = new HBox(12, title, chooser, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("weights-runs-message");
        message.getStyleClass().add(SiftStyles.MUTED);
        chart = new WeightsChartPane(vm.weights());
        root = new VBox(6, header, message, chart.node());

        subscriptions.bindBidirectional(chooser.valueProperty(), vm.runProperty());
        subscriptions.bind(chooser.visibleProperty(), Bindings.size(vm.runs()).greaterThan(1));
        subscriptions.bind(chooser.managedProperty(), chooser.visibleProperty());
        subscriptions.bind(message.textProperty(), vm.messageProperty());
        subscriptions.bind(message.visibleProperty(), Bindings.isNotEmpty(vm.messageProperty()));
        subscriptions.bind(message.managedProperty(), message.visibleProperty());
        subscriptions.bind(chart.node().visibleProperty(), vm.runProperty().isNotNull());
        subscriptions.bind(chart.node().managedProperty(), chart.node().visibleProperty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        subscriptions.dispose();
        chart.dispose();
        vm.dispose();
    }

    /** "run 12 · running" for the run chooser. */
    private static final class RunNames extends StringConverter<Run> {
        @Override
        public String toString(Run run) {
            return run == null ? "" : "run " + run.id() + " · " + run.status().id();
        }

        @Override
        public Run fromString(String text) {
            return null;
        }
    }
}
