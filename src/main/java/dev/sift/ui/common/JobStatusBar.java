package dev.sift.ui.common;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bottom bar: a status line, then one entry per running job with its title, a progress bar
 * (with accessible text) and a cancel button.
 */
public final class JobStatusBar implements View {

    private final HBox root = new HBox(12);
    private final HBox jobsBox = new HBox(16);
    private final Label status = new Label();
    private final RunningJobs jobs;
    private final Map<RunningJob, HBox> entries = new IdentityHashMap<>();
    private final ListChangeListener<RunningJob> listener = change -> sync();

    public JobStatusBar(RunningJobs jobs, ObservableStringValue statusMessage) {
        this.jobs = jobs;
        status.textProperty().bind(statusMessage);
        status.getStyleClass().add(SiftStyles.STATUS_MESSAGE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        jobsBox.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(status, jobsBox);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add(SiftStyles.STATUS_BAR);
        jobs.list().addListener(listener);
        sync();
    }

    private void sync() {
        entries.keySet().removeIf(job -> {
            if (!jobs.list().contains(job)) {
                jobsBox.getChildren().remove(entries.get(job));
                return true;
            }
            return false;
        });
        for (RunningJob job : jobs.list()) {
            entries.computeIfAbsent(job, this::entry);
        }
    }

    private HBox entry(RunningJob job) {
        var title = new Label(job.title());
        var progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(job.progressProperty());
        progress.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> job.progressProperty().get() < 0
                        ? job.title() + ": working"
                        : job.title() + ": " + Math.round(job.progressProperty().get() * 100) + "% done",
                job.progressProperty()));
        var message = new Label();
        message.textProperty().bind(job.messageProperty());
        message.getStyleClass().add(SiftStyles.MUTED);
        var cancel = new Button("Cancel");
        cancel.setAccessibleText("Cancel " + job.title());
        cancel.setTooltip(new Tooltip("Cancel " + job.title()));
        cancel.disableProperty().bind(job.cancelRequestedProperty());
        cancel.setOnAction(e -> job.cancel());
        var box = new HBox(8, title, progress, message, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(SiftStyles.STATUS_JOB);
        jobsBox.getChildren().add(box);
        return box;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void dispose() {
        jobs.list().removeListener(listener);
        status.textProperty().unbind();
        entries.clear();
        jobsBox.getChildren().clear();
    }
}
