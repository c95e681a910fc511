package dev.sift.ui.insights;

import dev.sift.ui.common.SubscribedView;
import dev.sift.ui.common.weights.WeightsChartPane;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * The Insights section "Agent-pair weights": the live weights chart of the selected dataset's newest Star-Agents
 * run, with a chooser when there are several and a refresh of the run list.
 */
final class AgentWeightsPane extends SubscribedView {

    private final WeightsChartPane chart;
    private final VBox root;

    AgentWeightsPane(AgentWeightsViewModel vm) {
        chart = new WeightsChartPane(vm.weights());
        subscriptions.onDispose(vm::dispose); // released last: first the bindings, then the chart, then the model
        subscriptions.onDispose(chart::dispose);
        var header = SectionParts.header("Agent-pair weights",
                SectionParts.runChooser("weights-run", vm.runs(), vm.runProperty(), subscriptions),
                SectionParts.refresh("weights-refresh", vm::refresh));
        var message = SectionParts.message("weights-runs-message", vm.messageProperty(), subscriptions);
        root = new VBox(6, header, message, chart.node());
        SectionParts.showWhen(chart.node(), vm.runProperty().isNotNull(), subscriptions);
    }

    @Override
    public Node node() {
        return root;
    }
}
