package dev.sift.ui.common.weights;

import dev.sift.ui.common.CountAxis;
import dev.sift.ui.common.FxRepeater;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The live agent-pair weights chart of a Star-Agents run: each pair's probability per round as a line
 * ({@code #weights-chart}), the entropy per round below it ({@code #entropy-chart}), wins and draws per pair
 * ({@code #weights-wins}) and calls, tokens and cost per model ({@code #weights-usage}). While the model says the run
 * is running it re-reads every two seconds.
 */
public final class WeightsChartPane extends SubscribedView {

    /** How often a running run is re-read. */
    public static final Duration REFRESH = Duration.seconds(2);
    public static final String STYLE = "sift-weights";

    private final WeightsModel model;
    private final NumberAxis roundAxis = CountAxis.create("round");
    private final NumberAxis entropyRoundAxis = CountAxis.create("round");
    private final LineChart<Number, Number> weights;
    private final LineChart<Number, Number> entropy;
    private final GridPane wins = new GridPane();
    private final GridPane usage = new GridPane();
    private final FxRepeater repeater;
    private final VBox root;

    public WeightsChartPane(WeightsModel model) {
        this.model = model;
        var probability = new NumberAxis("probability", 0, 1, 0.2);
        weights = new LineChart<>(roundAxis, probability);
        weights.setId("weights-chart");
        weights.setAnimated(false);
        weights.setCreateSymbols(true);
        weights.setPrefHeight(300);
        weights.setLegendSide(javafx.geometry.Side.RIGHT); // beside the lines: it keeps its room when height is short
        var nats = new NumberAxis();
        nats.setLabel("entropy (nats)");
        nats.setForceZeroInRange(true);
        entropy = new LineChart<>(entropyRoundAxis, nats);
        entropy.setId("entropy-chart");
        entropy.setAnimated(false);
        entropy.setLegendVisible(false);
        entropy.setPrefHeight(150);
        wins.setId("weights-wins");
        wins.setHgap(16);
        usage.setId("weights-usage");
        usage.setHgap(16);
        var title = new Label();
        title.setId("weights-title");
        title.getStyleClass().add(SiftStyles.MUTED);
        var message = new Label();
        message.setId("weights-message");
        message.setWrapText(true);
        message.getStyleClass().add(SiftStyles.MUTED);
        root = new VBox(6, title, message, weights, entropy, wins, usage);
        root.getStyleClass().add(STYLE);
        repeater = new FxRepeater(REFRESH, model::refresh);

        subscriptions.bind(title.textProperty(), model.titleProperty());
        subscriptions.bind(message.textProperty(), model.messageProperty());
        subscriptions.bind(message.visibleProperty(), Bindings.isNotEmpty(model.messageProperty()));
        subscriptions.bind(message.managedProperty(), message.visibleProperty());
        subscriptions.listen(model.series(), change -> showWeights());
        subscriptions.listen(model.entropy(), change -> showEntropy());
        subscriptions.listen(model.wins(), change -> showWins());
        subscriptions.listen(model.usage(), change -> showUsage());
        subscriptions.listen(model.runningProperty(), (obs, was, now) -> repeat(now));
        subscriptions.onDispose(repeater::stop);
        showWeights();
        showEntropy();
        showWins();
        showUsage();
        repeat(model.runningProperty().get());
    }

    private void repeat(boolean running) {
        if (running) {
            repeater.start();
        } else {
            repeater.stop();
        }
    }

    private void showWeights() {
        weights.getData().clear();
        int last = 0;
        for (WeightsSnapshot.PairSeries pair : model.series()) {
            var series = new XYChart.Series<Number, Number>();
            series.setName(pair.pair());
            for (WeightsSnapshot.RoundValue point : pair.points()) {
                series.getData().add(new XYChart.Data<>(point.round(), point.value()));
                last = Math.max(last, point.round());
            }
            weights.getData().add(series);
        }
        CountAxis.fit(roundAxis, last);
    }

    private void showEntropy() {
        entropy.getData().clear();
        var series = new XYChart.Series<Number, Number>();
        series.setName("entropy");
        int last = 0;
        for (WeightsSnapshot.RoundValue point : model.entropy()) {
            series.getData().add(new XYChart.Data<>(point.round(), point.value()));
            last = Math.max(last, point.round());
        }
        entropy.getData().add(series);
        CountAxis.fit(entropyRoundAxis, last);
    }

    private void showWins() {
        wins.getChildren().clear();
        if (model.wins().isEmpty()) {
            return;
        }
        header(wins, "pair", "wins", "draws", "win rate");
        int row = 1;
        for (WeightsSnapshot.PairWins w : model.wins()) {
            String rate = w.draws() == 0 ? "–" : String.format(Locale.ROOT, "%.0f%%", 100.0 * w.wins() / w.draws());
            wins.addRow(row++, new Label(w.pair()), new Label(Integer.toString(w.wins())),
                    new Label(Integer.toString(w.draws())), new Label(rate));
        }
    }

    private void showUsage() {
        usage.getChildren().clear();
        if (model.usage().isEmpty()) {
            return;
        }
        header(usage, "model", "calls", "tokens in", "tokens out", "cost");
        int row = 1;
        for (WeightsSnapshot.ModelUsage u : model.usage()) {
            usage.addRow(row++, new Label(u.model()), new Label(Integer.toString(u.calls())),
                    new Label(String.format(Locale.ROOT, "%,d", u.tokensIn())),
                    new Label(String.format(Locale.ROOT, "%,d", u.tokensOut())),
                    new Label(String.format(Locale.ROOT, "$%.4f", u.costUsd())));
        }
    }

    private static void header(GridPane grid, String... names) {
        for (int i = 0; i < names.length; i++) {
            var label = new Label(names[i]);
            label.getStyleClass().add(SiftStyles.MUTED);
            grid.add(label, i, 0);
        }
    }

    /** The chart of each pair's probability per round. */
    public LineChart<Number, Number> weightsChart() {
        return weights;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        super.dispose();
        repeater.stop();
    }
}
