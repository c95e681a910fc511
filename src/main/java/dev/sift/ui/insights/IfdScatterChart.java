package dev.sift.ui.insights;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * A scatter chart that also draws {@link ReferenceLine}s across its plot, each labelled, and keeps them inside the
 * value axis's range so a threshold is visible even when every point lies on one side of it.
 */
final class IfdScatterChart extends ScatterChart<Number, Number> {

    /** Style class of the threshold line and of the selection cut-off line. */
    static final String THRESHOLD_LINE = "sift-threshold-line";
    static final String CUTOFF_LINE = "sift-cutoff-line";
    static final String LINE_LABEL = "sift-reference-label";

    private final ObservableList<ReferenceLine> lines;
    private final List<Node> drawn = new ArrayList<>();

    IfdScatterChart(NumberAxis x, NumberAxis y, ObservableList<ReferenceLine> lines) {
        super(x, y);
        this.lines = lines;
        lines.addListener((ListChangeListener<ReferenceLine>) change -> redraw());
        redraw();
    }

    private void redraw() {
        getPlotChildren().removeAll(drawn);
        drawn.clear();
        for (ReferenceLine line : lines) {
            var shape = new Line();
            shape.getStyleClass().add(line.threshold() ? THRESHOLD_LINE : CUTOFF_LINE);
            shape.setUserData(line);
            shape.setManaged(false);
            var label = new Label(line.label());
            label.getStyleClass().add(LINE_LABEL);
            label.setManaged(false);
            drawn.add(shape);
            drawn.add(label);
        }
        getPlotChildren().addAll(drawn);
        updateAxisRange();
        requestChartLayout();
    }

    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        if (lines == null || !getYAxis().isAutoRanging()) {
            return;
        }
        List<Number> values = new ArrayList<>();
        for (XYChart.Series<Number, Number> series : getData()) {
            for (XYChart.Data<Number, Number> item : series.getData()) {
                values.add(item.getYValue());
            }
        }
        if (values.isEmpty()) {
            return;
        }
        lines.forEach(line -> values.add(line.value()));
        getYAxis().invalidateRange(values);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double width = getXAxis().getWidth();
        for (int i = 0; i + 1 < drawn.size(); i += 2) {
            var shape = (Line) drawn.get(i);
            var label = (Label) drawn.get(i + 1);
            double y = getYAxis().getDisplayPosition(((ReferenceLine) shape.getUserData()).value());
            shape.setStartX(0);
            shape.setEndX(width);
            shape.setStartY(y);
            shape.setEndY(y);
            label.autosize();
            label.relocate(Math.max(0, width - label.getWidth() - 4), y - label.getHeight() - 1);
        }
        drawn.forEach(Node::toFront);
    }
}
