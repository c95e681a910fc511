package dev.sift.ui.insights;

import dev.sift.ui.common.CountAxis;
import dev.sift.ui.common.SubscribedView;
import java.util.ArrayList;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Insights section "AgentInstruct pairs": summary figures and bar charts of the selected dataset's pairs per skill,
 * per instruction type, and per number of refinement rounds.
 */
final class InstructMixPane extends SubscribedView {

    private static final double TYPE_ROW_HEIGHT = 26;

    private final InstructMixViewModel vm;
    private final HBox figures = new HBox(24);
    private final VBox root;

    InstructMixPane(InstructMixViewModel vm) {
        this.vm = vm;
        subscriptions.onDispose(vm::dispose); // the first registered, so the last released
        var header = SectionParts.header("AgentInstruct pairs", SectionParts.refresh("instruct-refresh", vm::refresh));
        var message = SectionParts.message("instruct-message", vm.messageProperty(), subscriptions);
        figures.setId("instruct-figures");
        var skills = chart("instruct-by-skill", "Pairs per skill", "skill", vm.bySkill(), 0);
        var depths = chart("instruct-depths", "Refinement depth", "rounds of refinement", vm.depths(), 0);
        var types = typesChart();
        HBox.setHgrow(skills, Priority.ALWAYS);
        HBox.setHgrow(depths, Priority.ALWAYS);
        var charts = new VBox(6, new HBox(12, skills, depths), types);
        charts.setId("instruct-charts");
        root = new VBox(6, header, message, figures, charts);

        SectionParts.showWhen(charts, vm.hasPairsProperty(), subscriptions);
        subscriptions.listen(vm.figures(), change -> SectionParts.showFigures(figures, vm.figures()));
        SectionParts.showFigures(figures, vm.figures());
    }

    private BarChart<String, Number> chart(String id, String title, String xLabel,
            ObservableList<InstructMixViewModel.Bar> bars, double rotation) {
        var xAxis = new CategoryAxis();
        xAxis.setLabel(xLabel);
        xAxis.setTickLabelRotation(rotation);
        NumberAxis yAxis = CountAxis.create("pairs");
        var chart = new BarChart<>(xAxis, yAxis);
        var series = SectionParts.barChart(chart, id);
        chart.setTitle(title);
        chart.setMinHeight(220);
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
        var series = SectionParts.barChart(chart, "instruct-by-type");
        chart.setTitle("Pairs per instruction type");
        ObservableList<InstructMixViewModel.Bar> bars = vm.byType();
        Runnable show = () -> {
            // listed top to bottom in the model's order (a category axis draws its first category at the bottom)
            var data = new ArrayList<XYChart.Data<Number, String>>();
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

    @Override
    public Node node() {
        return root;
    }
}
