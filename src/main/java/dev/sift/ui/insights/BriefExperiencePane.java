package dev.sift.ui.insights;

import dev.sift.core.model.DatasetFormat;
import dev.sift.ui.common.DisplayConverter;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Brief-experience subset…": clusters, samples per cluster and format, then a background run. */
final class BriefExperiencePane extends SubscribedView {

    private final VBox root;

    BriefExperiencePane(BriefExperienceViewModel vm) {
        var clustersFactory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, vm.clustersProperty().get());
        var clusters = spinner("brief-clusters", clustersFactory);
        var perClusterFactory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000,
                vm.perClusterProperty().get());
        var perCluster = spinner("brief-per-cluster", perClusterFactory);
        var format = new ComboBox<>(FXCollections.observableArrayList(BriefExperienceViewModel.FORMATS));
        format.setId("brief-format");
        format.setConverter(DisplayConverter.of(DatasetFormat::label));
        var run = new Button("Brief-experience subset…");
        run.setId("brief-experience");
        run.setTooltip(new Tooltip("Cherry phase 1: a small, diverse subset (k-means on instruction embeddings, the"
                + " middle perplexity band of each cluster) for your own pre-experience fine-tune."));
        run.setOnAction(e -> vm.run());
        var status = new Label();
        status.setId("brief-status");
        status.getStyleClass().add(SiftStyles.MUTED);
        var row = new HBox(8, new Label("Clusters"), clusters, new Label("Per cluster"), perCluster,
                new Label("Format"), format, run);
        row.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(4, row, status);

        subscriptions.bindBidirectional(format.valueProperty(), vm.formatProperty());
        subscriptions.listen(clustersFactory.valueProperty(), (obs, old, value) -> {
            if (value != null) {
                vm.clustersProperty().set(value);
            }
        });
        subscriptions.listen(perClusterFactory.valueProperty(), (obs, old, value) -> {
            if (value != null) {
                vm.perClusterProperty().set(value);
            }
        });
        subscriptions.bind(run.disableProperty(), vm.canRunProperty().not());
        subscriptions.bind(status.textProperty(), vm.statusProperty());
    }

    private static Spinner<Integer> spinner(String id, SpinnerValueFactory<Integer> factory) {
        var spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        return spinner;
    }

    @Override
    public Node node() {
        return root;
    }
}
