package dev.sift.ui.insights;

import dev.sift.core.pipeline.SelectSpec;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.ui.common.DisplayConverter;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Score IFD…" with its mode and template, and "Select…" with its rule and rate; below, what scores: an in-process model
 * folder (asked for on launch) or an endpoint and the model id it serves. Runs show in the status bar.
 */
final class IfdLaunchPane extends SubscribedView {

    private final VBox root;

    IfdLaunchPane(IfdLaunchViewModel vm) {
        var mode = new ComboBox<>(FXCollections.observableArrayList(IfdMode.values()));
        mode.setId("ifd-mode");
        mode.setConverter(DisplayConverter.of(IfdMode::id));
        var templates = new ArrayList<Optional<PromptTemplate>>();
        templates.add(Optional.empty());
        for (PromptTemplate t : PromptTemplate.values()) {
            templates.add(Optional.of(t));
        }
        var template = new ComboBox<>(FXCollections.observableArrayList(templates));
        template.setId("ifd-template");
        template.setConverter(DisplayConverter.of(t -> t.map(IfdLaunchPane::lower).orElse("mode's template")));
        template.setValue(Optional.ofNullable(vm.templateProperty().get()));
        var score = new Button("Score IFD…");
        score.setId("score-ifd");
        score.setOnAction(e -> vm.scoreIfd());

        var method = new ComboBox<>(FXCollections.observableArrayList(SelectSpec.Method.values()));
        method.setId("select-method");
        method.setConverter(DisplayConverter.of(m -> lower(m).replace('_', '-')));
        var rateFactory = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 100, vm.ratePercentProperty().get(), 1);
        var rate = new Spinner<>(rateFactory);
        rate.setId("select-rate");
        rate.setEditable(true);
        rate.setPrefWidth(90);
        var select = new Button("Select…");
        select.setId("select-ifd");
        select.setOnAction(e -> vm.select());

        var scorer = new ComboBox<>(FXCollections.observableArrayList(IfdLaunchScorer.values()));
        scorer.setId("ifd-scorer");
        scorer.setConverter(DisplayConverter.of(IfdLaunchScorer::label));
        var endpoint = new ComboBox<>(vm.endpoints());
        endpoint.setId("ifd-endpoint");
        endpoint.setPromptText("no OpenAI-compatible endpoint");
        endpoint.setOnShowing(e -> vm.refreshEndpoints());
        var remoteModel = new TextField();
        remoteModel.setId("ifd-remote-model");
        remoteModel.setPromptText("model id, e.g. meta-llama/Llama-2-7b-hf");
        remoteModel.setPrefColumnCount(24);
        var endpointLabel = new Label("Endpoint");
        var modelLabel = new Label("Model");
        var scorerRow = new HBox(8, new Label("Scorer"), scorer, endpointLabel, endpoint, modelLabel, remoteModel);
        scorerRow.setAlignment(Pos.CENTER_LEFT);

        var status = new Label();
        status.setId("launch-status");
        status.getStyleClass().add(SiftStyles.MUTED);
        var row = new HBox(8, new Label("Mode"), mode, new Label("Template"), template, score,
                new Separator(Orientation.VERTICAL), new Label("Rule"), method, new Label("Rate %"), rate, select);
        row.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(4, row, scorerRow, status);

        subscriptions.bindBidirectional(mode.valueProperty(), vm.modeProperty());
        subscriptions.bindBidirectional(method.valueProperty(), vm.methodProperty());
        subscriptions.bindBidirectional(scorer.valueProperty(), vm.scorerProperty());
        subscriptions.bindBidirectional(endpoint.valueProperty(), vm.endpointProperty());
        subscriptions.bindBidirectional(remoteModel.textProperty(), vm.remoteModelProperty());
        var onEndpoint = vm.scorerProperty().isEqualTo(IfdLaunchScorer.ENDPOINT);
        for (Node node : List.of(endpointLabel, endpoint, modelLabel, remoteModel)) {
            subscriptions.bind(node.visibleProperty(), onEndpoint);
            subscriptions.bind(node.managedProperty(), onEndpoint);
        }
        subscriptions.listen(template.valueProperty(),
                (obs, old, value) -> vm.templateProperty().set(value == null ? null : value.orElse(null)));
        subscriptions.listen(rateFactory.valueProperty(), (obs, old, value) -> {
            if (value != null) {
                vm.ratePercentProperty().set(value);
            }
        });
        subscriptions.bind(score.disableProperty(), vm.canScoreProperty().not());
        subscriptions.bind(select.disableProperty(), vm.canSelectProperty().not());
        subscriptions.bind(status.textProperty(), vm.statusProperty());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Node node() {
        return root;
    }
}
