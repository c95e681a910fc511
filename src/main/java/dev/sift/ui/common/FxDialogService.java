package dev.sift.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX choosers and alerts, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Window owner;
    private final UiSettings settings;

    public FxDialogService(Window owner, UiSettings settings) {
        this.owner = owner;
        this.settings = settings;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        File file = chooser(title, types).showOpenDialog(owner);
        return remember(file);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        var chooser = new DirectoryChooser();
        chooser.setTitle(title);
        settings.lastFolder().filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        File folder = chooser.showDialog(owner);
        if (folder == null) {
            return Optional.empty();
        }
        Path path = folder.toPath();
        if (path.getParent() != null) {
            settings.setLastFolder(path.getParent());
        }
        return Optional.of(path);
    }

    private FileChooser chooser(String title, List<FileType> types) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        settings.lastFolder().filter(Files::isDirectory).map(Path::toFile).ifPresent(chooser::setInitialDirectory);
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (path.getParent() != null) {
            settings.setLastFolder(path.getParent());
        }
        return Optional.of(path);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, question);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        var alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        var text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(480);
        alert.getDialogPane().setContent(text);
        return alert;
    }
}
