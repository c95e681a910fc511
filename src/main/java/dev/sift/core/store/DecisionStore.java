package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Choose, edit and reject decisions of samples. Thread-safe; every method blocks until the project file has answered.
 * Decisions are never deleted: undoing marks one undone, and the sample's current decision is then its newest one
 * that is not undone.
 */
public interface DecisionStore {

    /** Records the decisions in one transaction: all or none. Fails for an unknown sample, candidate or run. */
    void addAll(List<NewDecision> decisions) throws StoreException;

    /** The sample's current decision: its newest one not undone. */
    Optional<Decision> current(long sampleId) throws StoreException;

    /** The current decisions of a dataset's samples, ordered by sample id (samples with none are left out). */
    List<Decision> currentByDataset(long datasetId) throws StoreException;

    /** The decisions a run made, oldest first, undone ones included. */
    List<Decision> listByRun(long runId) throws StoreException;

    /** Marks a decision undone; false when it is unknown or already undone. */
    boolean undo(long decisionId) throws StoreException;

    /** Marks every decision of a run undone, in one transaction; returns how many were. */
    int undoRun(long runId) throws StoreException;
}
