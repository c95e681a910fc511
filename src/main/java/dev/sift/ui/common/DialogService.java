package dev.sift.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog a view model may need, so that view models never touch windows and tests can answer
 * for the user. All methods block until the user has answered and must be called on the UI thread.
 */
public interface DialogService {

    /** Asks for an existing file; empty when the user cancelled. */
    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    /** Asks where to save; empty when the user cancelled. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    /** Asks for an existing folder (e.g. a model's); empty when the user cancelled. */
    Optional<Path> chooseFolder(String title);

    /** Shows a short, user-safe message: never a stack trace. */
    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String question);
}
