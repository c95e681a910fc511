package dev.sift.ui.review;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The review's keyboard: a scene-level filter, active while the screen is shown and no text field has focus. 1–6
 * choose, J/K move, E edit, R reject, N note, U or Ctrl+Z undo, Ctrl+Shift+Z redo, ? the shortcut overlay (Esc closes it), / or
 * Ctrl+F the search field (Esc leaves it).
 */
final class ReviewKeys {

    private final ReviewViewModel vm;
    private final ShortcutOverlay overlay;
    private final Node search;
    private final Node home;
    private final javafx.event.EventHandler<KeyEvent> filter = this::pressed;
    private Scene scene;

    ReviewKeys(ReviewViewModel vm, ShortcutOverlay overlay, Node search, Node home) {
        this.vm = vm;
        this.overlay = overlay;
        this.search = search;
        this.home = home;
    }

    /** Listens on {@code newScene} instead of the previous one (null to stop). */
    void attach(Scene newScene) {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
        }
        scene = newScene;
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
        }
    }

    private void pressed(KeyEvent e) {
        if (overlay.isShowing()) {
            if (e.getCode() == KeyCode.ESCAPE || isQuestionMark(e)) {
                overlay.hide();
                e.consume();
            }
            return;
        }
        if (scene.getFocusOwner() instanceof TextInputControl) {
            if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() == search) {
                home.requestFocus();
                e.consume();
            }
            return;
        }
        if (handle(e)) {
            e.consume();
        }
    }

    private boolean handle(KeyEvent e) {
        if (isQuestionMark(e)) {
            overlay.show();
            return true;
        }
        if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.Z) {
            vm.commands().redo();
            return true;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            vm.commands().undo();
            return true;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            search.requestFocus();
            return true;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return false;
        }
        int digit = digit(e.getCode());
        if (digit > 0) {
            vm.commands().choose(digit);
            return true;
        }
        switch (e.getCode()) {
            case J -> vm.commands().next();
            case K -> vm.commands().previous();
            case E -> vm.commands().edit();
            case R -> vm.commands().reject();
            case N -> vm.commands().note();
            case U -> vm.commands().undo();
            case SLASH -> search.requestFocus();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuestionMark(KeyEvent e) {
        return (e.getCode() == KeyCode.SLASH && e.isShiftDown()) || "?".equals(e.getText());
    }

    private static int digit(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            case DIGIT6, NUMPAD6 -> 6;
            default -> 0;
        };
    }
}
