package dev.sift.ui.datasets;

import dev.sift.ui.common.BoundFields;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Inline options of a pending seed import: files and folders, collection name, chunking; Import or Cancel. */
final class SeedImportPane extends SubscribedView {

    private final VBox root;

    SeedImportPane(SeedImportViewModel options, SeedsViewModel seeds) {
        var title = new Label("Import seed documents");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);

        var paths = new ListView<Path>(options.paths());
        paths.setId("seed-paths");
        paths.setPrefHeight(64);
        paths.setAccessibleText("Seed files and folders to import");
        var placeholder = new Label("Add the files or folders to read (text, Markdown, code, JSONL).");
        placeholder.getStyleClass().add(SiftStyles.MUTED);
        paths.setPlaceholder(placeholder);
        var addFolder = new Button("Add folder…");
        addFolder.setId("add-seed-folder");
        addFolder.setOnAction(e -> seeds.addFolder());
        var addFile = new Button("Add file…");
        addFile.setId("add-seed-file");
        addFile.setOnAction(e -> seeds.addFile());
        var remove = new Button("Remove");
        remove.setId("remove-seed-path");
        remove.setOnAction(e -> options.remove(paths.getSelectionModel().getSelectedItem()));
        subscriptions.bind(remove.disableProperty(), Bindings.isNull(paths.getSelectionModel().selectedItemProperty()));
        var pathButtons = new HBox(8, addFolder, addFile, remove);

        var settings = new HBox(8,
                new Label("Name"), field("seed-name", "Collection name", options.nameProperty(), 14),
                new Label("Chunk tokens"), field("seed-chunk-tokens", "Most tokens a chunk holds",
                        options.chunkTokensProperty(), 5),
                new Label("Overlap"), field("seed-overlap", "Tokens repeated at the start of the next chunk",
                        options.overlapProperty(), 4),
                new Label("JSONL text field"), field("seed-field", "The JSONL field holding a document's text",
                        options.fieldProperty(), 8));
        settings.setAlignment(Pos.CENTER_LEFT);

        var error = new Label();
        error.setId("seed-import-error");
        error.getStyleClass().add(SiftStyles.FORM_ERROR);
        subscriptions.bind(error.textProperty(), options.errorProperty());
        var importButton = new Button("Import");
        importButton.setId("confirm-seed-import");
        importButton.setDefaultButton(true);
        importButton.setOnAction(e -> seeds.confirmImport());
        subscriptions.bind(importButton.disableProperty(), Bindings.isNotEmpty(options.errorProperty()));
        var cancelButton = new Button("Cancel");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> seeds.cancelImport());
        var buttons = new HBox(8, importButton, cancelButton, error);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(10, title, paths, pathButtons, settings, buttons);
        root.getStyleClass().addAll(SiftStyles.CARD, SiftStyles.IMPORT_OPTIONS);
    }

    private TextField field(String id, String accessibleText, StringProperty property, int columns) {
        return BoundFields.text(id, accessibleText, property, columns, subscriptions);
    }

    @Override
    public Node node() {
        return root;
    }
}
