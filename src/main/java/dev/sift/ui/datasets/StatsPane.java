package dev.sift.ui.datasets;

import dev.sift.ui.common.CountAxis;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.StatFigure;
import dev.sift.ui.common.SubscribedView;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Counts, length percentiles and the length histogram of the selected dataset. */
final class StatsPane extends SubscribedView {

    private final StatsViewModel vm;
    private final GridPane figures = new GridPane();
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private final NumberAxis yAxis = CountAxis.create("samples");
    private final BarChart<String, Number> chart;
    private final VBox root;

    StatsPane(StatsViewModel vm) {
        this.vm = vm;
        figures.setHgap(16);
        figures.setVgap(10);
        var xAxis = new CategoryAxis();
        xAxis.setLabel("characters");
        xAxis.setTickLabelRotation(-45);
        chart = new BarChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(2);
        chart.setBarGap(0);
        chart.setTitle("Length histogram");
        chart.setMinHeight(220);
        chart.getData().add(series);
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = new VBox(12, figures, chart);
        root.getStyleClass().add(SiftStyles.CARD);
        subscriptions.listen(vm.figures(), change -> showFigures());
        subscriptions.listen(vm.histogram(), change -> showHistogram());
        showFigures();
        showHistogram();
    }

    private void showFigures() {
        figures.getChildren().clear();
        int i = 0;
        for (StatsViewModel.Figure figure : vm.figures()) {
            figures.add(StatFigure.of(figure.value(), figure.label()), i % 2, i / 2);
            i++;
        }
    }

    private void showHistogram() {
        series.getData().setAll(vm.histogram().stream()
                .map(bar -> new XYChart.Data<String, Number>(bar.label(), bar.count())).toList());
        long peak = vm.histogram().stream().mapToLong(HistogramBar::count).max().orElse(1);
        CountAxis.fit(yAxis, peak);
    }

    @Override
    public Node node() {
        return root;
    }
}
