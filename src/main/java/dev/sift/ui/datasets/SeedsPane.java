package dev.sift.ui.datasets;

import dev.sift.ui.common.FactsCell;
import dev.sift.ui.common.Selections;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Seed documents" section: the project's seed collections with their counts, import and delete. */
final class SeedsPane extends SubscribedView {

    private final SeedsViewModel vm;
    private final ListView<SeedCollectionRow> list = new ListView<>();
    private final VBox root;

    SeedsPane(SeedsViewModel vm) {
        this.vm = vm;
        list.setId("seed-list");
        list.setItems(vm.collections());
        list.setCellFactory(l -> new FactsCell<>(SeedCollectionRow::name,
                row -> String.format("%,d documents · %,d chunks", row.documents(), row.chunks()),
                row -> String.format("%,d duplicates skipped · %s", row.duplicates(), row.createdAt())));
        var empty = new Label("No seed documents yet.\nImport text, Markdown, code\nor JSONL files to write\n"
                + "instructions from.");
        empty.getStyleClass().add(SiftStyles.MUTED);
        list.setPlaceholder(empty);
        var title = new Label("Seed documents");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var importButton = new Button("Import seeds…");
        importButton.setId("import-seeds-button");
        importButton.setAccessibleText("Import seed documents as a new collection");
        importButton.setOnAction(e -> vm.startImport());
        var deleteButton = new Button("Delete");
        deleteButton.setId("delete-seeds-button");
        deleteButton.setAccessibleText("Delete the selected seed collection");
        deleteButton.setOnAction(e -> vm.deleteSelected());
        subscriptions.bind(deleteButton.disableProperty(), Bindings.isNull(vm.selectedProperty()));
        var buttons = new HBox(8, importButton, deleteButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        var message = new Label();
        message.setId("seeds-message");
        message.setWrapText(true);
        message.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(message.textProperty(), vm.messageProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        root = new VBox(8, title, list, buttons, message);
        bind();
    }

    private void bind() {
        subscriptions.listen(list.getSelectionModel().selectedItemProperty(), (obs, old, row) -> {
            if (row != null) {
                vm.selectedProperty().set(row);
            }
        });
        subscriptions.listen(vm.selectedProperty(), (obs, old, row) -> Selections.show(list.getSelectionModel(), row));
    }

    @Override
    public Node node() {
        return root;
    }
}
