package dev.sift.ui.testsupport;

import dev.sift.ui.common.DialogService;
import dev.sift.ui.common.FileType;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers dialogs from a script and records what was shown. Thread-safe enough for UI tests. */
public final class ScriptedDialogService implements DialogService {

    private final Deque<Path> filesToOpen = new ArrayDeque<>();
    private final Deque<Path> filesToSave = new ArrayDeque<>();
    private final Deque<Path> folders = new ArrayDeque<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> infos = new CopyOnWriteArrayList<>();
    private final List<String> questions = new ArrayList<>();
    private boolean answerYes = true;

    public synchronized ScriptedDialogService willOpen(Path file) {
        filesToOpen.add(file);
        return this;
    }

    public synchronized ScriptedDialogService willSave(Path file) {
        filesToSave.add(file);
        return this;
    }

    public synchronized ScriptedDialogService willChooseFolder(Path folder) {
        folders.add(folder);
        return this;
    }

    public ScriptedDialogService willAnswer(boolean yes) {
        answerYes = yes;
        return this;
    }

    /** "title: message" of every error shown. */
    public List<String> errors() {
        return errors;
    }

    public List<String> infos() {
        return infos;
    }

    /** Every question asked with {@link #confirm}, in order. */
    public synchronized List<String> questions() {
        return List.copyOf(questions);
    }

    @Override
    public synchronized Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.ofNullable(filesToOpen.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return Optional.ofNullable(filesToSave.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String question) {
        questions.add(question);
        return answerYes;
    }
}
