package dev.sift.ui.insights;

import dev.sift.core.store.Run;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Insights section "Reflection branches": a bar per branch of the selection rule with the samples of the chosen
 * reflection run that took it, a chooser when the dataset has several runs, and a refresh.
 */
final class ReflectionBranchesPane implements View {

    private final Subscriptions subscriptions = new Subscriptions();
    private final ReflectionBranchesViewModel vm;
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private final VBox root;

    ReflectionBranchesPane(ReflectionBranchesViewModel vm) {
        this.vm = vm;
        var title = new Label("Reflection branches");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var chooser = new ComboBox<>(vm.runs());
        chooser.setId("branches-run");
        chooser.setConverter(new RunNames());
        var refresh = new Button("Refresh");
        refresh.setId("branches-refresh");
        refresh.setOnAction(e -> vm.refresh());
        var header = new HBox(12, title, chooser, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("branches-message");
        message.getStyleClass().add(SiftStyles.MUTED);
        var summary = new Label();
        summary.setId("branches-summary");
        summary.getStyleClass().add(SiftStyles.MUTED);
        var count = new NumberAxis();
        count.setLabel("samples");
        count.setMinorTickVisible(false);
        var chart = new BarChart<>(new CategoryAxis(), count);
        chart.setId("branches-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        series.setName("samples");
        chart.getData().add(series);
        var figure = new VBox(4, summary, chart);
        root = new VBox(6, header, message, figure);

        subscriptions.bindBidirectional(chooser.valueProperty(), vm.runProperty());
        subscriptions.bind(chooser.visibleProperty(), Bindings.size(vm.runs()).greaterThan(1));
        subscriptions.bind(chooser.managedProperty(), chooser.visibleProperty());
        subscriptions.bind(message.textProperty(), vm.messageProperty());
        subscriptions.bind(message.visibleProperty(), Bindings.isNotEmpty(vm.messageProperty()));
        subscriptions.bind(message.managedProperty(), message.visibleProperty());
        subscriptions.bind(summary.textProperty(), vm.summaryProperty());
        subscriptions.bind(figure.visibleProperty(), vm.runProperty().isNotNull());
        subscriptions.bind(figure.managedProperty(), figure.visibleProperty());
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

    @Override
    public void dispose() {
        subscriptions.dispose();
        vm.dispose();
    }

    /** "run 12 · succeeded" for the run chooser. */
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
