package dev.sift.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One job shown in the status bar. Updated on the UI thread only. */
public final class RunningJob {

    /** Progress value meaning "amount of work unknown". */
    public static final double INDETERMINATE = -1;

    private final String title;
    private final Runnable cancelAction;
    private final DoubleProperty progress = new SimpleDoubleProperty(INDETERMINATE);
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(false);

    public RunningJob(String title, Runnable cancelAction) {
        this.title = title;
        this.cancelAction = cancelAction;
    }

    public String title() {
        return title;
    }

    /** Fraction done in [0,1], or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }

    /** Asks the job to stop; it stays listed until it has stopped. */
    public void cancel() {
        if (!cancelRequested.get()) {
            cancelRequested.set(true);
            message.set("Cancelling…");
            cancelAction.run();
        }
    }

    void updateProgress(double fraction) {
        progress.set(fraction < 0 ? INDETERMINATE : Math.min(1, fraction));
    }

    void updateMessage(String text) {
        if (!cancelRequested.get()) {
            message.set(text);
        }
    }
}
