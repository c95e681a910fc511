package dev.sift.ui.agents;

import dev.sift.ui.common.SiftStyles;
import dev.sift.ui.common.SubscribedView;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The local models folder: installed models with "Use as endpoint…" and "Delete…", the suggested models
 * with Download (or Resume download) and Check files, a download of any Hub repository with its files
 * ticked one by one, and the last outcome. Downloads show their progress
 * and a cancel button in the status bar.
 */
final class ModelsPane extends SubscribedView {

    private final ModelsViewModel vm;
    private final ObservableBooleanValue hasProject;
    private final VBox root;

    ModelsPane(ModelsViewModel vm, ObservableBooleanValue hasProject) {
        this.vm = vm;
        this.hasProject = hasProject;
        var folder = new Label(vm.folderText());
        folder.getStyleClass().add(SiftStyles.MUTED);
        folder.setId("models-folder");

        var installedTitle = new Label("Installed models");
        installedTitle.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var refresh = Tables.button("Refresh", "refresh-models", "Read the models folder again", vm::refresh);
        var use = Tables.button("Use as endpoint…", "use-model-as-endpoint",
                "Add a local endpoint that runs the selected model", this::useAsEndpoint);
        var delete = Tables.button("Delete…", "delete-model",
                "Delete the selected model folder and all its files, after asking", this::delete);
        subscriptions.bind(delete.disableProperty(), vm.selectedInstalledProperty().isNull());
        var installedBar = new HBox(8, installedTitle, refresh, use, delete);
        installedBar.setAlignment(Pos.CENTER_LEFT);
        TableView<InstalledModelRow> installed = Tables.table("installed-models-table",
                "No models in the folder yet. Download a suggested model below.", vm.installed(),
                vm.selectedInstalledProperty(), vm::selectInstalled, subscriptions);
        installed.getColumns().setAll(List.of(
                Tables.column("Name", InstalledModelRow::name, 260),
                Tables.column("Size", InstalledModelRow::size, 90),
                Tables.column("ONNX files", InstalledModelRow::onnx, 220),
                Tables.column("State", InstalledModelRow::state, 180)));
        VBox.setVgrow(installed, Priority.ALWAYS);

        var suggestedTitle = new Label("Suggested models");
        suggestedTitle.getStyleClass().add(SiftStyles.SECTION_TITLE);
        var download = Tables.button("Download", "download-model",
                "Download the selected suggested model from the Hugging Face Hub", this::download);
        var check = Tables.button("Check files", "check-model-files",
                "Compare the selected model's file paths with its repository listing on the Hub", this::checkFiles);
        var suggestedBar = new HBox(8, suggestedTitle, download, check);
        suggestedBar.setAlignment(Pos.CENTER_LEFT);
        TableView<SuggestedModelRow> suggested = Tables.table("suggested-models-table", "No suggestions.",
                vm.suggested(), vm.selectedSuggestedProperty(), vm::selectSuggested, subscriptions);
        suggested.getColumns().setAll(List.of(
                Tables.column("Model", SuggestedModelRow::repoId, 260),
                Tables.column("Purpose", SuggestedModelRow::purpose, 380),
                Tables.column("Size", SuggestedModelRow::size, 90),
                Tables.column("State", SuggestedModelRow::stateText, 150)));
        VBox.setVgrow(suggested, Priority.ALWAYS);

        var note = new Label(ModelsViewModel.PATHS_NOTE);
        note.setWrapText(true);
        note.getStyleClass().add(SiftStyles.MUTED);
        var status = new Label();
        status.setWrapText(true);
        status.setId("models-status");
        subscriptions.bind(status.textProperty(), vm.statusProperty());
        var error = new Label();
        error.setWrapText(true);
        error.setId("models-error");
        error.getStyleClass().add(SiftStyles.FORM_ERROR);
        subscriptions.bind(error.textProperty(), vm.errorProperty());

        subscriptions.bind(use.disableProperty(), Bindings.createBooleanBinding(
                () -> vm.selectedInstalledProperty().get() == null || vm.selectedInstalledProperty().get().partial()
                        || !hasProject.get(), vm.selectedInstalledProperty(), hasProject));
        subscriptions.bind(check.disableProperty(), vm.selectedSuggestedProperty().isNull());
        subscriptions.listen(vm.selectedSuggestedProperty(), (obs, old, row) -> showDownload(download, row));
        showDownload(download, vm.selectedSuggestedProperty().get());

        var hub = new HubDownloadSection(vm.repoDownload(), subscriptions);
        root = new VBox(8, folder, installedBar, installed, suggestedBar, suggested, note, hub.node(), status, error);
        root.setPadding(new Insets(8));
    }

    private static void showDownload(Button download, SuggestedModelRow row) {
        download.setText(row == null ? "Download" : row.state().action());
        download.setDisable(row == null || !row.canDownload());
    }

    private void download() {
        vm.download(vm.selectedSuggestedProperty().get());
    }

    private void delete() {
        vm.delete(vm.selectedInstalledProperty().get());
    }

    private void checkFiles() {
        vm.checkFiles(vm.selectedSuggestedProperty().get());
    }

    private void useAsEndpoint() {
        vm.useAsEndpoint(vm.selectedInstalledProperty().get())
                .ifPresent(form -> new EndpointDialog(root.getScene().getWindow(), form).showAndWait());
    }

    @Override
    public Node node() {
        return root;
    }
}
