package dev.sift.ui.insights;

import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import dev.sift.ui.common.weights.WeightsChartPane;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

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
        var header = SectionParts.header("Agent-pair weights",
                SectionParts.runChooser("weights-run", vm.runs(), vm.runProperty(), subscriptions),
                SectionParts.refresh("weights-refresh", vm::refresh));
        var message = SectionParts.message("weights-runs-message", vm.messageProperty(), subscriptions);
        chart = new WeightsChartPane(vm.weights());
        root = new VBox(6, header, message, chart.node());
        SectionParts.showWhen(chart.node(), vm.runProperty().isNotNull(), subscriptions);
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
}
