package dev.sift.ui.insights;

import dev.sift.ui.common.CountAxis;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The IFD histogram (bars at or above the threshold styled apart) and the IFD against response length scatter with
 * all scored samples and the selected ones, crossed by the threshold and the selection's cut-off. The only place the view model's records become chart series.
 */
final class IfdChartsPane extends SubscribedView {

    private final InsightsViewModel vm;
    private final XYChart.Series<String, Number> bars = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> all = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> selected = new XYChart.Series<>();
    private final CategoryAxis histogramX = new CategoryAxis();
    private final NumberAxis histogramY = CountAxis.create("samples");
    private final NumberAxis scatterY = new NumberAxis();
    private final HBox root;

    IfdChartsPane(InsightsViewModel vm) {
        this.vm = vm;
        histogramX.setTickLabelRotation(-45);
        var histogram = new BarChart<>(histogramX, histogramY);
        histogram.setId("ifd-histogram");
        histogram.setAnimated(false);
        histogram.setLegendVisible(false);
        histogram.setCategoryGap(1);
        histogram.setBarGap(0);
        histogram.setTitle("IFD distribution (bars at or above " + InsightsViewModel.THRESHOLD + " are dropped)");
        histogram.getData().add(bars);

        var scatterX = new NumberAxis();
        scatterX.setLabel("response characters");
        scatterY.setForceZeroInRange(false);
        var scatter = new IfdScatterChart(scatterX, scatterY, vm.referenceLines());
        scatter.setId("ifd-scatter");
        scatter.setAnimated(false);
        scatter.setTitle("IFD against response length");
        all.setName("all");
        selected.setName("selected");
        scatter.getData().addAll(List.of(all, selected));

        for (var chart : List.of(histogram, scatter)) {
            chart.setMinHeight(260);
            HBox.setHgrow(chart, Priority.ALWAYS);
        }
        root = new HBox(12, histogram, scatter);
        VBox.setVgrow(root, Priority.ALWAYS);
        subscriptions.listen(vm.histogram(), change -> showHistogram());
        subscriptions.listen(vm.allPoints(), change -> showPoints(all, vm.allPoints()));
        subscriptions.listen(vm.selectedPoints(), change -> showPoints(selected, vm.selectedPoints()));
        subscriptions.listen(vm.variantProperty(), (obs, old, variant) -> label(variant));
        label(vm.variantProperty().get());
        showHistogram();
        showPoints(all, vm.allPoints());
        showPoints(selected, vm.selectedPoints());
    }

    private void label(IfdVariant variant) {
        histogramX.setLabel(variant.label());
        scatterY.setLabel(variant.label());
    }

    private void showHistogram() {
        histogramX.getCategories().setAll(vm.histogram().stream().map(IfdBar::label).toList());
        bars.getData().setAll(vm.histogram().stream()
                .map(bar -> new XYChart.Data<String, Number>(bar.label(), bar.count())).toList());
        long peak = vm.histogram().stream().mapToLong(IfdBar::count).max().orElse(1);
        CountAxis.fit(histogramY, peak);
        for (int i = 0; i < vm.histogram().size(); i++) {
            if (vm.histogram().get(i).atOrAboveThreshold()) {
                markDropped(bars.getData().get(i));
            }
        }
    }

    /** Styles a bar as dropped; the chart makes the bar's node when it lays the item out, possibly later. */
    private static void markDropped(XYChart.Data<String, Number> item) {
        if (item.getNode() != null) {
            item.getNode().getStyleClass().add(SiftStyles.BAR_DROPPED);
        } else {
            item.nodeProperty().addListener((obs, old, node) -> {
                if (node != null && !node.getStyleClass().contains(SiftStyles.BAR_DROPPED)) {
                    node.getStyleClass().add(SiftStyles.BAR_DROPPED);
                }
            });
        }
    }

    private static void showPoints(XYChart.Series<Number, Number> series, List<ScatterPoint> points) {
        series.getData().setAll(points.stream()
                .map(p -> new XYChart.Data<Number, Number>(p.responseChars(), p.ifd())).toList());
    }

    @Override
    public Node node() {
        return root;
    }
}
