package dev.sift.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The user-visible jobs now running, in start order; the status bar shows them. UI thread only. */
public final class RunningJobs {

    private final ObservableList<RunningJob> jobs = FXCollections.observableArrayList();
    private final ObservableList<RunningJob> readOnly = FXCollections.unmodifiableObservableList(jobs);

    public ObservableList<RunningJob> list() {
        return readOnly;
    }

    void add(RunningJob job) {
        jobs.add(job);
    }

    void remove(RunningJob job) {
        jobs.remove(job);
    }
}
