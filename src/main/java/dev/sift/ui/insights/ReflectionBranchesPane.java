package dev.sift.ui.insights;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Insights section "Reflection branches": a bar per branch of the selection rule with the samples of the chosen
 * reflection run that took it, a chooser when the dataset has several runs, and a refresh.
 */
final class ReflectionBranchesPane extends SubscribedView {

    private final ReflectionBranchesViewModel vm;
    private final XYChart.Series<String, Number> series;
    private final VBox root;

    ReflectionBranchesPane(ReflectionBranchesViewModel vm) {
        this.vm = vm;
        subscriptions.onDispose(vm::dispose); // the first registered, so the last released
        var header = SectionParts.header("Reflection branches",
                SectionParts.runChooser("branches-run", vm.runs(), vm.runProperty(), subscriptions),
                SectionParts.refresh("branches-refresh", vm::refresh));
        var message = SectionParts.message("branches-message", vm.messageProperty(), subscriptions);
        var summary = new Label();
        summary.setId("branches-summary");
        summary.getStyleClass().add(SiftStyles.MUTED);
        var count = new NumberAxis();
        count.setLabel("samples");
        count.setMinorTickVisible(false);
        var chart = new BarChart<>(new CategoryAxis(), count);
        series = SectionParts.barChart(chart, "branches-chart");
        chart.setPrefHeight(220);
        series.setName("samples");
        var figure = new VBox(4, summary, chart);
        root = new VBox(6, header, message, figure);

        subscriptions.bind(summary.textProperty(), vm.summaryProperty());
        SectionParts.showWhen(figure, vm.runProperty().isNotNull(), subscriptions);
        subscriptions.listen(vm.counts(), (ListChangeListener.Change<? extends ReflectionBranchesViewModel.BranchCount>
                change) -> showCounts());
        showCounts();
    }

    private void showCounts() {
        series.getData().setAll(vm.counts().stream()
                .map(c -> new XYChart.Data<String, Number>(c.branch(), c.samples())).toList());
    }

    @Override
    public Node node() {
        return root;
    }
}
