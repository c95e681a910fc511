package dev.sift.ui.runs;

import dev.sift.core.model.Dataset;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.DisplayConverter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The "New Star-Agents run" form on the Runs screen, over a {@link StarAgentsFormViewModel}: every control has an id
 * {@code sa-…} named after its configuration field; Launch is enabled while the form is valid.
 */
final class StarAgentsFormPane extends RecipeFormPane {

    private static final List<String> NUMBERS = List.of("k", "batchSize", "rounds", "alpha", "tauGap", "beta", "pMin",
            "ifdMax", "seed", "budget");

    private final StarAgentsFormViewModel vm;
    private final VBox pairsBox = new VBox(4);

    StarAgentsFormPane(StarAgentsFormViewModel vm, DialogService dialogs, Runnable launch, Runnable close) {
        this.vm = vm;
        var grid = grid();
        var dataset = new ComboBox<>(vm.datasets());
        dataset.setId("sa-dataset");
        dataset.setConverter(DisplayConverter.of(Dataset::name));
        subscriptions.bindBidirectional(dataset.valueProperty(), vm.datasetProperty());
        int row = 0;
        grid.addRow(row++, new Label("Dataset"), dataset);
        grid.addRow(row++, new Label("Agent pairs"), pairsBox);
        grid.addRow(row++, new Label("Small scorer"), scorer("small", vm.small(), dialogs));
        grid.addRow(row++, new Label("Large scorer"), scorer("large", vm.large(), dialogs));
        var judge = new ComboBox<>(vm.judges());
        judge.setId("sa-judge");
        judge.setConverter(DisplayConverter.of(s -> s == null || s.isEmpty() ? "(no judge)" : s));
        subscriptions.bindBidirectional(judge.valueProperty(), vm.judgeProperty());
        grid.addRow(row++, new Label("Judge"), judge);
        var numbers = new FlowPane(10, 6);
        for (String field : NUMBERS) {
            var text = new TextField();
            text.setId("sa-" + field);
            text.setPrefColumnCount(field.equals("seed") || field.equals("budget") ? 6 : 4);
            subscriptions.bindBidirectional(text.textProperty(), vm.field(field));
            var cell = new HBox(4, new Label(field.equals("budget") ? "budget $" : field), text);
            cell.setAlignment(Pos.CENTER_LEFT);
            numbers.getChildren().add(cell);
        }
        grid.addRow(row++, new Label("Settings"), numbers);
        layOut("star-agents-form", "sa", "New Star-Agents run", grid, vm, launch, close);
        subscriptions.listen(vm.pairs(), change -> rebuildPairs());
        rebuildPairs();
    }

    private Node scorer(String name, ScorerChoice scorer, DialogService dialogs) {
        var folder = new TextField();
        folder.setId("sa-" + name + "-folder");
        folder.setPromptText("model folder");
        folder.setPrefColumnCount(24);
        subscriptions.bindBidirectional(folder.textProperty(), scorer.folderProperty());
        var choose = new Button("Choose…");
        choose.setId("sa-" + name + "-choose");
        choose.setOnAction(e -> vm.chooseFolder(scorer, dialogs));
        var endpoint = new ComboBox<>(vm.endpoints());
        endpoint.setId("sa-" + name + "-endpoint");
        endpoint.setConverter(DisplayConverter.of(s -> s == null || s.isEmpty() ? "(model folder)" : s));
        subscriptions.bindBidirectional(endpoint.valueProperty(), scorer.endpointProperty());
        var model = new TextField();
        model.setId("sa-" + name + "-model");
        model.setPromptText("model id on the endpoint");
        subscriptions.bindBidirectional(model.textProperty(), scorer.modelProperty());
        var box = new HBox(6, folder, choose, new Label("or endpoint"), endpoint, model);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void rebuildPairs() {
        pairsBox.getChildren().clear();
        if (vm.pairs().isEmpty()) {
            pairsBox.getChildren().add(new Label("No agent pairs yet: add them on the Agents screen."));
        }
        for (PairChoice pair : vm.pairs()) {
            var use = new CheckBox(pair.name() + "  (" + pair.description() + ")");
            use.setId("sa-pair-" + pair.name());
            use.selectedProperty().bindBidirectional(pair.selectedProperty());
            var only = new CheckBox("response only");
            only.setId("sa-only-" + pair.name());
            only.selectedProperty().bindBidirectional(pair.responseOnlyProperty());
            only.disableProperty().bind(use.selectedProperty().not());
            var line = new HBox(12, use, only);
            line.setAlignment(Pos.CENTER_LEFT);
            pairsBox.getChildren().add(line);
        }
    }
}
