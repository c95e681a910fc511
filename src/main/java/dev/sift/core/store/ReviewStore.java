package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/**
 * The curator's side of decisions: actions that undo and redo as one (persisted, so the history survives a restart),
 * notes, edits, and the rows and text search the review table is built from. Thread-safe; every method blocks until
 * the project file has answered.
 *
 * <p><b>Undo and redo.</b> Actions are ordered by id. {@link #undo()} undoes the newest action that holds;
 * {@link #redo()} restores the oldest undone action newer than every action that holds. A new action therefore makes
 * the actions undone before it unredoable, as in any editor. Decisions made by runs (algorithms) are not actions and
 * are never touched here.
 */
public interface ReviewStore {

    /** Records the action's decisions and notes in one transaction: all or none. */
    ReviewAction record(NewReviewAction action) throws StoreException;

    /**
     * Adds the curator's version of a sample as a new candidate (origin {@link CandidateOrigin#CURATOR}) and an
     * {@link DecisionAction#EDIT} decision keeping it, as one action.
     */
    ReviewAction edit(long sampleId, String instruction, String input, String response, String description)
            throws StoreException;

    /** Undoes the newest action that holds; empty when there is none. */
    Optional<ReviewAction> undo() throws StoreException;

    /** Restores the action {@link #undo()} took back most recently; empty when there is none to redo. */
    Optional<ReviewAction> redo() throws StoreException;

    /** What {@link #undo()} would undo. */
    Optional<ReviewAction> nextUndo() throws StoreException;

    /** What {@link #redo()} would restore. */
    Optional<ReviewAction> nextRedo() throws StoreException;

    /** The newest actions first, undone ones included, at most {@code limit}. */
    List<ReviewAction> history(int limit) throws StoreException;

    /** The sample's note: its newest one that holds, unless that one is empty. */
    Optional<String> note(long sampleId) throws StoreException;

    /**
     * The review table's rows for the samples of the given datasets, ascending by sample id, with the given score
     * columns read for each row's shown candidate.
     */
    ReviewRows rows(long[] datasetIds, List<ScoreColumn> columns) throws StoreException;

    /**
     * {@link #rows} of just the given samples (those of the datasets), to bring a loaded table up to date after an
     * action touched a few; see {@link ReviewRows#withRows}.
     */
    ReviewRows rowsOf(long[] datasetIds, List<ScoreColumn> columns, long[] sampleIds) throws StoreException;

    /**
     * Samples of the given datasets whose text (instruction, input, output, or any candidate's) contains every word of
     * {@code query}, the last word also as a prefix; ascending. Brings the word index up to date first, which takes a
     * while the first time on a large project.
     */
    long[] search(String query, long[] datasetIds) throws StoreException;
}
