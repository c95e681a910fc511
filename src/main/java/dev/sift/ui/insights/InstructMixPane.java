package dev.sift.ui.insights;

import dev.sift.ui.common.CountAxis;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.StatFigure;
import dev.sift.ui.common.Subscriptions;
import dev.sift.ui.common.View;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Insights section "AgentInstruct pairs": summary figures and bar charts of the selected dataset's pairs per skill,
 * per instruction type, and per number of refinement rounds.
 */
final class InstructMixPane implements View {

    private static final double TYPE_ROW_HEIGHT = 26;

    private final Subscriptions subscriptions = new Subscriptions();
    private final InstructMixViewModel vm;
    private final HBox figures = new HBox(24);
    private final VBox root;

    InstructMixPane(InstructMixViewModel vm) {
        this.vm = vm;
        var title = new Label("AgentInstruct pairs");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var refresh = new Button("Refresh");
        refresh.setId("instruct-refresh");
        refresh.setOnAction(e -> vm.refresh());
        var header = new HBox(12, title, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("instruct-message");
        message.getStyleClass().add(SiftStyles.MUTED);
        figures.setId("instruct-figures");
        var skills = chart("instruct-by-skill", "Pairs per skill", "skill", vm.bySkill(), 0);
        var depths = chart("instruct-depths", "Refinement depth", "rounds of refinement", vm.depths(), 0);
        var types = typesChart();
        HBox.setHgrow(skills, Priority.ALWAYS);
        HBox.setHgrow(depths, Priority.ALWAYS);
        var charts = new VBox(6, new HBox(12, skills, depths), types);
        charts.setId("instruct-charts");
        root = new VBox(6, header, message, figures, charts);

        subscriptions.bind(message.textProperty(), vm.messageProperty());
        subscriptions.bind(message.visibleProperty(), Bindings.isNotEmpty(vm.messageProperty()));
        subscriptions.bind(message.managedProperty(), message.visibleProperty());
        subscriptions.bind(charts.visibleProperty(), vm.hasPairsProperty());
        subscriptions.bind(charts.managedProperty(), charts.visibleProperty());
        subscriptions.listen(vm.figures(), change -> showFigures());
        showFigures();
    }

    private BarChart<String, Number> chart(String id, String title, String xLabel,
            ObservableList<InstructMixViewModel.Bar> bars, double rotation) {
        var xAxis = new CategoryAxis();
        xAxis.setLabel(xLabel);
        xAxis.setTickLabelRotation(rotation);
        NumberAxis yAxis = CountAxis.create("pairs");
        var chart = new BarChart<>(xAxis, yAxis);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(220);
        var series = new XYChart.Series<String, Number>();
        chart.getData().add(series);
        Runnable show = () -> {
            series.getData().setAll(bars.stream()
                    .map(bar -> new XYChart.Data<String, Number>(bar.label(), bar.count())).toList());
            CountAxis.fit(yAxis, bars.stream().mapToLong(InstructMixViewModel.Bar::count).max().orElse(1));
        };
        subscriptions.listen(bars, change -> show.run());
        show.run();
        return chart;
    }

    /** Pairs per "skill / type", as horizontal bars so that long type names stay readable; grows with the types. */
    private BarChart<Number, String> typesChart() {
        NumberAxis xAxis = CountAxis.create("pairs");
        var yAxis = new CategoryAxis();
        var chart = new BarChart<Number, String>(xAxis, yAxis);
        chart.setId("instruct-by-type");
        chart.setTitle("Pairs per instruction type");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        var series = new XYChart.Series<Number, String>();
        chart.getData().add(series);
        ObservableList<InstructMixViewModel.Bar> bars = vm.byType();
        Runnable show = () -> {
            // listed top to bottom in the model's order (a category axis draws its first category at the bottom)
            var data = new java.util.ArrayList<XYChart.Data<Number, String>>();
            for (int i = bars.size() - 1; i >= 0; i--) {
                data.add(new XYChart.Data<>(bars.get(i).count(), bars.get(i).label()));
            }
            series.getData().setAll(data);
            CountAxis.fit(xAxis, bars.stream().mapToLong(InstructMixViewModel.Bar::count).max().orElse(1));
            chart.setMinHeight(Math.max(180, 90 + TYPE_ROW_HEIGHT * bars.size()));
        };
        subscriptions.listen(bars, change -> show.run());
        show.run();
        return chart;
    }

    private void showFigures() {
        figures.getChildren().clear();
        for (InsightsFigure figure : vm.figures()) {
            figures.getChildren().add(StatFigure.of(figure.value(), figure.label()));
        }
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
