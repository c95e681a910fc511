package dev.sift.ui.agents;

import dev.sift.ui.common.DisplayConverter;
import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Download from the Hub" part of the models tab: a repository field with List files, the
 * repository's files with a tick box each and their sizes, the total of the ticked ones, and Download.
 */
final class HubDownloadSection {

    private final VBox root;

    HubDownloadSection(RepoDownloadViewModel vm, Subscriptions subscriptions) {
        var title = new Label("Download from the Hub");
        title.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var repo = new TextField();
        repo.setId("hub-repo");
        repo.setPromptText("owner/name, e.g. onnx-community/Qwen2.5-0.5B-Instruct");
        repo.setAccessibleText("Hugging Face repository to download, as owner/name");
        repo.setPrefColumnCount(36);
        subscriptions.bindBidirectional(repo.textProperty(), vm.repoProperty());
        repo.setOnAction(e -> vm.listFiles());
        var list = Tables.button("List files", "list-repo-files", "List the repository's files on the Hub",
                vm::listFiles);
        var download = Tables.button("Download ticked files", "download-repo-files",
                "Download the ticked files of the listed repository", vm::download);
        subscriptions.bind(list.disableProperty(), vm.busyProperty());
        subscriptions.bind(download.disableProperty(), Bindings.or(vm.busyProperty(), Bindings.isEmpty(vm.files())));
        var bar = new HBox(8, title, repo, list, download);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(repo, Priority.SOMETIMES);

        var files = new ListView<>(vm.files());
        files.setId("repo-files");
        files.setAccessibleText("Files of the repository; ticked ones are downloaded");
        files.setPlaceholder(new Label("Type a repository and click List files to choose what to download."));
        files.setCellFactory(CheckBoxListCell.forListView(RepoDownloadViewModel.FileRow::chosenProperty,
                DisplayConverter.of(RepoDownloadViewModel.FileRow::label)));
        files.setPrefHeight(160);
        files.setMinHeight(120);
        var total = new Label();
        total.setId("repo-files-total");
        subscriptions.bind(total.textProperty(), vm.totalProperty());
        var note = new Label();
        note.setId("repo-files-note");
        note.setWrapText(true);
        note.getStyleClass().add(SiftStyles.MUTED);
        subscriptions.bind(note.textProperty(), vm.noteProperty());
        root = new VBox(8, bar, files, total, note);
    }

    Node node() {
        return root;
    }
}
