package dev.sift.core.store;

import java.util.List;
import java.util.Optional;

/**
 * Scores of candidates. Thread-safe; every method blocks until the project file has answered. Each {@link #save} is
 * its own transaction, so a job that saves as it goes loses at most the score in flight.
 */
public interface ScoreStore {

    /** Saves a score, replacing the one with the same candidate, metric, scorer and template; fails for an unknown candidate. */
    Score save(NewScore score) throws StoreException;

    /**
     * Saves many scores in one transaction (all or none), each replacing its group's score as {@link #save} does.
     * The default saves them one by one.
     */
    default void saveAll(List<NewScore> scores) throws StoreException {
        for (NewScore score : scores) {
            save(score);
        }
    }

    /** The scores of one group for the candidates of a dataset's samples, ordered by sample then candidate. */
    List<Score> list(long datasetId, String metric, String scorer, String template) throws StoreException;

    /** Every score of every candidate of a sample, by candidate, metric and age: what the review's panes show. */
    List<Score> listBySample(long sampleId) throws StoreException;

    /** The ids of the candidates that already have a score of this group, ascending: the resume test of a run. */
    long[] scoredCandidateIds(long datasetId, String metric, String scorer, String template) throws StoreException;

    /** The groups of a metric present for a dataset's candidates, most scores first. */
    List<ScoreGroup> groups(long datasetId, String metric) throws StoreException;

    /** The per-token losses kept with a score; empty for an unknown score. */
    Optional<ScoreLosses> losses(long scoreId) throws StoreException;
}
