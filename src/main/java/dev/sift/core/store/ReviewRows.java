package dev.sift.core.store;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The review table's rows, one per sample, held column by column in primitive arrays so that a project of a million
 * samples filters and sorts in memory without a heap of objects. Row {@code i} is the {@code i}-th sample by
 * ascending id. Immutable once built.
 *
 * <p>For each sample: its current decision (the newest that holds, by anyone), the newest algorithm decision and the
 * newest curator decision that hold, the <em>shown</em> candidate (the current decision's, else the original, else
 * none: the record itself), how many candidates it has, whether it has a note, and the score columns of the shown
 * candidate (NaN where it has none).
 */
public final class ReviewRows {

    /** Who made a current decision. */
    public enum Maker { NONE, ALGORITHM, CURATOR }

    private final long[] sampleIds;
    private final long[] datasetIds;
    private final byte[] state;
    private final byte[] maker;
    private final byte[] algorithmState;
    private final long[] algorithmCandidate;
    private final long[] algorithmRun;
    private final byte[] curatorState;
    private final long[] curatorCandidate;
    private final long[] shownCandidate;
    private final byte[] shownOrigin;
    private final long[] shownPair;
    private final long[] shownRun;
    private final int[] candidateCount;
    private final boolean[] hasNote;
    private final List<ScoreColumn> columns;
    private final double[][] scores;

    private ReviewRows(Builder b) {
        sampleIds = b.sampleIds;
        datasetIds = b.datasetIds;
        state = b.state;
        maker = b.maker;
        algorithmState = b.algorithmState;
        algorithmCandidate = b.algorithmCandidate;
        algorithmRun = b.algorithmRun;
        curatorState = b.curatorState;
        curatorCandidate = b.curatorCandidate;
        shownCandidate = b.shownCandidate;
        shownOrigin = b.shownOrigin;
        shownPair = b.shownPair;
        shownRun = b.shownRun;
        candidateCount = b.candidateCount;
        hasNote = b.hasNote;
        columns = b.columns;
        scores = b.scores;
    }

    public int size() {
        return sampleIds.length;
    }

    /** The row of a sample, or empty when it is not among these rows. */
    public OptionalInt rowOf(long sampleId) {
        int at = Arrays.binarySearch(sampleIds, sampleId);
        return at >= 0 ? OptionalInt.of(at) : OptionalInt.empty();
    }

    public long sampleId(int row) {
        return sampleIds[row];
    }

    public long datasetId(int row) {
        return datasetIds[row];
    }

    /** The effect of the current decision. */
    public ReviewState state(int row) {
        return ReviewState.values()[state[row]];
    }

    public Maker maker(int row) {
        return Maker.values()[maker[row]];
    }

    /** What the newest algorithm decision that holds did, UNDECIDED when there is none. */
    public ReviewState algorithmState(int row) {
        return ReviewState.values()[algorithmState[row]];
    }

    /** The candidate the newest algorithm decision names, 0 for none. */
    public long algorithmCandidate(int row) {
        return algorithmCandidate[row];
    }

    /** The run of the newest algorithm decision, 0 for none. */
    public long algorithmRun(int row) {
        return algorithmRun[row];
    }

    /** What the newest curator decision that holds did, UNDECIDED when there is none. */
    public ReviewState curatorState(int row) {
        return ReviewState.values()[curatorState[row]];
    }

    public long curatorCandidate(int row) {
        return curatorCandidate[row];
    }

    /** The candidate shown for the sample, 0 when it has none (the record itself is shown). */
    public long shownCandidate(int row) {
        return shownCandidate[row];
    }

    /** Where the shown candidate came from; {@link CandidateOrigin#ORIGINAL} when there is none. */
    public CandidateOrigin shownOrigin(int row) {
        return CandidateOrigin.values()[shownOrigin[row]];
    }

    /** The agent pair that made the shown candidate, 0 for none. */
    public long shownPair(int row) {
        return shownPair[row];
    }

    /** The run that made the shown candidate, 0 for none. */
    public long shownRun(int row) {
        return shownRun[row];
    }

    /** The candidates the review shows for the sample: the stored ones, plus the record itself when no original is stored. */
    public int candidateCount(int row) {
        return candidateCount[row];
    }

    public boolean hasNote(int row) {
        return hasNote[row];
    }

    public List<ScoreColumn> columns() {
        return columns;
    }

    /** The column's index, or -1 when these rows have no such column. */
    public int column(String key) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(key)) {
                return c;
            }
        }
        return -1;
    }

    /** Score column {@code column} of the row's shown candidate; NaN when it has none. */
    public double score(int column, int row) {
        return scores[column][row];
    }

    /**
     * These rows with the rows of {@code changed} (same columns, samples among these) in place of their old state:
     * how a table refreshes after an action on a few samples without reading every row again.
     *
     * @throws IllegalArgumentException when the columns differ or a changed sample is not among these rows
     */
    public ReviewRows withRows(ReviewRows changed) {
        if (!changed.columns.equals(columns)) {
            throw new IllegalArgumentException("the changed rows have other score columns");
        }
        var b = new Builder(sampleIds, datasetIds, columns).copyAll(this);
        for (int k = 0; k < changed.size(); k++) {
            int r = rowOf(changed.sampleId(k)).orElseThrow(() -> new IllegalArgumentException(
                    "sample is not among the rows"));
            b.copy(changed, k, r);
        }
        return b.build();
    }

    /** Fills the rows one at a time; whatever is not set keeps its default (none, 0, NaN). */
    public static final class Builder {
        private final long[] sampleIds;
        private final long[] datasetIds;
        private final byte[] state;
        private final byte[] maker;
        private final byte[] algorithmState;
        private final long[] algorithmCandidate;
        private final long[] algorithmRun;
        private final byte[] curatorState;
        private final long[] curatorCandidate;
        private final long[] shownCandidate;
        private final byte[] shownOrigin;
        private final long[] shownPair;
        private final long[] shownRun;
        private final int[] candidateCount;
        private final boolean[] hasNote;
        private final List<ScoreColumn> columns;
        private final double[][] scores;

        /** @param sampleIds the samples, ascending */
        public Builder(long[] sampleIds, long[] datasetIds, List<ScoreColumn> columns) {
            int n = sampleIds.length;
            this.sampleIds = sampleIds.clone();
            this.datasetIds = datasetIds.clone();
            state = new byte[n];
            maker = new byte[n];
            algorithmState = new byte[n];
            algorithmCandidate = new long[n];
            algorithmRun = new long[n];
            curatorState = new byte[n];
            curatorCandidate = new long[n];
            shownCandidate = new long[n];
            shownOrigin = new byte[n];
            shownPair = new long[n];
            shownRun = new long[n];
            candidateCount = new int[n];
            hasNote = new boolean[n];
            this.columns = List.copyOf(columns);
            scores = new double[columns.size()][n];
            for (double[] column : scores) {
                Arrays.fill(column, Double.NaN);
            }
        }

        public Builder current(int row, ReviewState s, Maker by) {
            state[row] = (byte) s.ordinal();
            maker[row] = (byte) by.ordinal();
            return this;
        }

        public Builder algorithm(int row, ReviewState s, long candidateId, long runId) {
            algorithmState[row] = (byte) s.ordinal();
            algorithmCandidate[row] = candidateId;
            algorithmRun[row] = runId;
            return this;
        }

        public Builder curator(int row, ReviewState s, long candidateId) {
            curatorState[row] = (byte) s.ordinal();
            curatorCandidate[row] = candidateId;
            return this;
        }

        public Builder shown(int row, long candidateId, CandidateOrigin origin, long pairId, long runId) {
            shownCandidate[row] = candidateId;
            shownOrigin[row] = (byte) origin.ordinal();
            shownPair[row] = pairId;
            shownRun[row] = runId;
            return this;
        }

        public Builder candidateCount(int row, int count) {
            candidateCount[row] = count;
            return this;
        }

        public Builder note(int row, boolean present) {
            hasNote[row] = present;
            return this;
        }

        public Builder score(int column, int row, double value) {
            scores[column][row] = value;
            return this;
        }

        /** Every row takes the values of the same row of {@code source}, which has the same samples and columns. */
        Builder copyAll(ReviewRows source) {
            int n = sampleIds.length;
            System.arraycopy(source.state, 0, state, 0, n);
            System.arraycopy(source.maker, 0, maker, 0, n);
            System.arraycopy(source.algorithmState, 0, algorithmState, 0, n);
            System.arraycopy(source.algorithmCandidate, 0, algorithmCandidate, 0, n);
            System.arraycopy(source.algorithmRun, 0, algorithmRun, 0, n);
            System.arraycopy(source.curatorState, 0, curatorState, 0, n);
            System.arraycopy(source.curatorCandidate, 0, curatorCandidate, 0, n);
            System.arraycopy(source.shownCandidate, 0, shownCandidate, 0, n);
            System.arraycopy(source.shownOrigin, 0, shownOrigin, 0, n);
            System.arraycopy(source.shownPair, 0, shownPair, 0, n);
            System.arraycopy(source.shownRun, 0, shownRun, 0, n);
            System.arraycopy(source.candidateCount, 0, candidateCount, 0, n);
            System.arraycopy(source.hasNote, 0, hasNote, 0, n);
            for (int c = 0; c < scores.length; c++) {
                System.arraycopy(source.scores[c], 0, scores[c], 0, n);
            }
            return this;
        }

        /** Row {@code to} takes every value of row {@code from} of {@code source}. */
        Builder copy(ReviewRows source, int from, int to) {
            state[to] = source.state[from];
            maker[to] = source.maker[from];
            algorithmState[to] = source.algorithmState[from];
            algorithmCandidate[to] = source.algorithmCandidate[from];
            algorithmRun[to] = source.algorithmRun[from];
            curatorState[to] = source.curatorState[from];
            curatorCandidate[to] = source.curatorCandidate[from];
            shownCandidate[to] = source.shownCandidate[from];
            shownOrigin[to] = source.shownOrigin[from];
            shownPair[to] = source.shownPair[from];
            shownRun[to] = source.shownRun[from];
            candidateCount[to] = source.candidateCount[from];
            hasNote[to] = source.hasNote[from];
            for (int c = 0; c < scores.length; c++) {
                scores[c][to] = source.scores[c][from];
            }
            return this;
        }

        public ReviewRows build() {
            return new ReviewRows(this);
        }
    }
}
