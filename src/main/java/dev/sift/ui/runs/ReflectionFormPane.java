package dev.sift.ui.runs;

import dev.sift.core.model.Dataset;
import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.DisplayConverter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The "New reflection run" form on the Runs screen, over a {@link ReflectionFormViewModel}: every control has an id
 * {@code rf-…} named after its configuration field; Launch is enabled while the form is valid.
 */
final class ReflectionFormPane extends RecipeFormPane {

    private static final List<String> NUMBERS = List.of("maxLength", "topK", "seed", "budget", "concurrency");
    private static final List<String> FLAGS = List.of("keepQOnly", "keepOriginal", "referenceCompat");

    ReflectionFormPane(ReflectionFormViewModel vm, DialogService dialogs, Runnable launch, Runnable close) {
        var grid = grid();
        var dataset = new ComboBox<>(vm.datasets());
        dataset.setId("rf-dataset");
        dataset.setConverter(DisplayConverter.of(Dataset::name));
        subscriptions.bindBidirectional(dataset.valueProperty(), vm.datasetProperty());
        var teacher = new ComboBox<>(vm.teachers());
        teacher.setId("rf-teacher");
        teacher.setPromptText("an agent with the role teacher");
        subscriptions.bindBidirectional(teacher.valueProperty(), vm.teacherProperty());
        int row = 0;
        grid.addRow(row++, new Label("Dataset"), dataset);
        grid.addRow(row++, new Label("Teacher"), teacher);
        grid.addRow(row++, new Label("Student"), student(vm, dialogs));
        var choices = new HBox(6, new Label("template"), combo("template", ReflectionFormViewModel.TEMPLATES, vm),
                new Label("variant"), combo("variant", ReflectionFormViewModel.VARIANTS, vm));
        choices.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, new Label("Scoring"), choices);
        var numbers = new FlowPane(10, 6);
        for (String field : NUMBERS) {
            var text = new TextField();
            text.setId("rf-" + field);
            text.setPrefColumnCount(field.equals("topK") ? 5 : 6);
            text.setPromptText(field.equals("topK") ? "all" : "");
            subscriptions.bindBidirectional(text.textProperty(), vm.field(field));
            var cell = new HBox(4, new Label(field.equals("budget") ? "budget $" : field), text);
            cell.setAlignment(Pos.CENTER_LEFT);
            numbers.getChildren().add(cell);
        }
        grid.addRow(row++, new Label("Settings"), numbers);
        var flags = new FlowPane(12, 6);
        for (String flag : FLAGS) {
            var box = new CheckBox(flag);
            box.setId("rf-" + flag);
            subscriptions.bindBidirectional(box.selectedProperty(), vm.flag(flag));
            flags.getChildren().add(box);
        }
        grid.addRow(row++, new Label("Flags"), flags);
        layOut("reflection-form", "rf", "New reflection run", grid, vm, launch, close);
    }

    private ComboBox<String> combo(String field, List<String> values, ReflectionFormViewModel vm) {
        var box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId("rf-" + field);
        subscriptions.bindBidirectional(box.valueProperty(), vm.field(field));
        return box;
    }

    private Node student(ReflectionFormViewModel vm, DialogService dialogs) {
        ScorerChoice scorer = vm.student();
        var folder = new TextField();
        folder.setId("rf-student-folder");
        folder.setPromptText("model folder");
        folder.setPrefColumnCount(24);
        subscriptions.bindBidirectional(folder.textProperty(), scorer.folderProperty());
        var choose = new Button("Choose…");
        choose.setId("rf-student-choose");
        choose.setOnAction(e -> vm.chooseFolder(dialogs));
        var endpoint = new ComboBox<>(vm.endpoints());
        endpoint.setId("rf-student-endpoint");
        endpoint.setConverter(DisplayConverter.of(s -> s == null || s.isEmpty() ? "(model folder)" : s));
        subscriptions.bindBidirectional(endpoint.valueProperty(), scorer.endpointProperty());
        var model = new TextField();
        model.setId("rf-student-model");
        model.setPromptText("model id on the endpoint");
        subscriptions.bindBidirectional(model.textProperty(), scorer.modelProperty());
        var box = new HBox(6, folder, choose, new Label("or endpoint"), endpoint, model);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
