package dev.sift.ui.insights;

import dev.sift.core.store.Run;
import dev.sift.ui.common.DisplayConverter;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.StatFigure;
import dev.sift.ui.common.Subscriptions;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

/**
 * The parts the Insights sections are built of: a header of the section's title and its controls, the muted message
 * that says why no figure is shown, the chooser of a recipe's run, a bar chart, and a row of figures.
 */
final class SectionParts {

    private SectionParts() {}

    /** The section's title, then its controls (a run chooser, a refresh button), on one line. */
    static HBox header(String title, Node... controls) {
        var label = new Label(title);
        label.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var header = new HBox(12, label);
        header.getChildren().addAll(controls);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    static Button refresh(String id, Runnable refresh) {
        var button = new Button("Refresh");
        button.setId(id);
        button.setOnAction(e -> refresh.run());
        return button;
    }

    /** A muted label showing {@code text}, taking no room while it is empty. */
    static Label message(String id, ObservableStringValue text, Subscriptions subscriptions) {
        var message = new Label();
        message.setId(id);
        message.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(message.textProperty(), text);
        showWhen(message, Bindings.isNotEmpty(text), subscriptions);
        return message;
    }

    /** "run 12 · succeeded" per run, bound to the chosen run; shown only when there are several runs to choose from. */
    static ComboBox<Run> runChooser(String id, ObservableList<Run> runs, ObjectProperty<Run> run,
            Subscriptions subscriptions) {
        var chooser = new ComboBox<>(runs);
        chooser.setId(id);
        chooser.setConverter(DisplayConverter.of(r -> "run " + r.id() + " · " + r.status().id()));
        subscriptions.bindBidirectional(chooser.valueProperty(), run);
        showWhen(chooser, Bindings.size(runs).greaterThan(1), subscriptions);
        return chooser;
    }

    /** Shows the node, and lets it take room, only while {@code condition} holds. */
    static void showWhen(Node node, ObservableValue<Boolean> condition, Subscriptions subscriptions) {
        subscriptions.bind(node.visibleProperty(), condition);
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    /** A still bar chart without a legend, holding one series (returned) that the section fills. */
    static <X, Y> XYChart.Series<X, Y> barChart(BarChart<X, Y> chart, String id) {
        chart.setId(id);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        var series = new XYChart.Series<X, Y>();
        chart.getData().add(series);
        return series;
    }

    /** Replaces the figures in {@code row} by one {@link StatFigure} each. */
    static void showFigures(Pane row, List<InsightsFigure> figures) {
        row.getChildren().clear();
        for (InsightsFigure figure : figures) {
            row.getChildren().add(StatFigure.of(figure.value(), figure.label()));
        }
    }
}
