package dev.sift.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A figure as the workbench shows its numbers: the value large, what it counts small beneath. */
public final class StatFigure {

    private StatFigure() {}

    public static VBox of(String value, String label) {
        var number = new Label(value);
        number.getStyleClass().add(SiftStyles.STAT_VALUE);
        var caption = new Label(label);
        caption.getStyleClass().add(SiftStyles.STAT_LABEL);
        return new VBox(2, number, caption);
    }
}
