package dev.sift.core.store.sqlite;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import dev.sift.core.store.ScoreColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link ReviewRows} with a handful of scans (samples, decisions that hold, candidates through their covering
 * index, notes, one per score column through the score groups' index), each matched to its row by binary search: no
 * query per sample, no object per row, no response text read.
 */
final class ReviewRowsLoader {

    private final Connection c;

    ReviewRowsLoader(Connection c) {
        this.c = c;
    }

    /** @param only the samples to read (of those datasets), or null for all of them */
    ReviewRows load(long[] datasetIds, List<ScoreColumn> columns, long[] only) throws SQLException {
        String in = Columns.inList(datasetIds);
        String sampleFilter = only == null ? "" : " AND s.id IN " + Columns.inList(only);
        long[][] samples = longColumns("SELECT s.id, s.dataset_id FROM samples s WHERE s.dataset_id IN " + in
                + sampleFilter + " ORDER BY s.id", 2);
        long[] sampleIds = samples[0];
        var rows = new ReviewRows.Builder(sampleIds, samples[1], columns);
        int n = sampleIds.length;

        String ofScope = " JOIN samples s ON s.id = x.sample_id WHERE s.dataset_id IN " + in + sampleFilter;
        // decisions that hold, oldest first per sample, so the last one seen is the newest
        long[] current = new long[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT x.sample_id, x.candidate_id, x.action, x.decided_by,"
                + " x.run_id FROM decisions x" + ofScope + " AND x.undone_at IS NULL ORDER BY x.sample_id, x.id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int row = Arrays.binarySearch(sampleIds, rs.getLong(1));
                ReviewState state = ReviewState.of(DecisionAction.fromId(rs.getString(3)).orElseThrow());
                boolean curator = DecidedBy.fromId(rs.getString(4)).orElse(DecidedBy.ALGORITHM) == DecidedBy.CURATOR;
                long candidate = rs.getLong(2);
                rows.current(row, state, curator ? ReviewRows.Maker.CURATOR : ReviewRows.Maker.ALGORITHM);
                if (curator) {
                    rows.curator(row, state, candidate);
                } else {
                    rows.algorithm(row, state, candidate, rs.getLong(5));
                }
                current[row] = candidate;
            }
        }

        // candidates without their texts (a covering index, in sample order): counts, the original, the current one
        long[] shown = new long[n];
        boolean[] currentFound = new boolean[n];
        int[] counts = new int[n];
        boolean[] hasOriginal = new boolean[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT x.sample_id, x.id, x.origin, x.agent_pair_id, x.run_id"
                + " FROM samples s JOIN candidates x ON x.sample_id = s.id WHERE s.dataset_id IN " + in + sampleFilter);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int row = Arrays.binarySearch(sampleIds, rs.getLong(1));
                long id = rs.getLong(2);
                CandidateOrigin origin = CandidateOrigin.fromId(rs.getString(3)).orElse(CandidateOrigin.GENERATED);
                counts[row]++;
                hasOriginal[row] |= origin == CandidateOrigin.ORIGINAL;
                boolean isCurrent = id == current[row];
                boolean isFirstOriginal = !currentFound[row] && origin == CandidateOrigin.ORIGINAL
                        && (shown[row] == 0 || id < shown[row]);
                if (isCurrent || isFirstOriginal) {
                    shown[row] = id;
                    currentFound[row] |= isCurrent;
                    rows.shown(row, id, origin, rs.getLong(4), rs.getLong(5));
                }
            }
        }
        for (int row = 0; row < n; row++) {
            // the record itself stands in for the original when no original candidate is stored
            rows.candidateCount(row, counts[row] + (hasOriginal[row] ? 0 : 1));
        }

        try (PreparedStatement ps = c.prepareStatement("SELECT x.sample_id, x.note FROM sample_notes x" + ofScope
                + " AND x.undone_at IS NULL ORDER BY x.sample_id, x.id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.note(Arrays.binarySearch(sampleIds, rs.getLong(1)), !rs.getString(2).isEmpty());
            }
        }

        readScores(rows, columns, shown, only != null);
        return rows.build();
    }

    /** For each column, the value of each row's shown candidate in that column's score group. */
    private void readScores(ReviewRows.Builder rows, List<ScoreColumn> columns, long[] shown, boolean few)
            throws SQLException {
        long[] byCandidate = shown.clone();
        int[] rowOf = sortedRows(shown, byCandidate);
        // for a few rows, ask for their candidates only instead of scanning the whole group
        String candidateFilter = few ? " AND sc.candidate_id IN " + Columns.inList(shown) : "";
        for (int col = 0; col < columns.size(); col++) {
            ScoreColumn column = columns.get(col);
            String value = column.detailsField().isEmpty() ? "sc.value"
                    : "json_extract(sc.details_json, '$." + column.detailsField() + "')";
            // the group's rows of every dataset (a covering index for values); only the shown candidates' count
            try (PreparedStatement ps = c.prepareStatement("SELECT sc.candidate_id, " + value + " FROM scores sc"
                    + " WHERE sc.metric=? AND sc.scorer=? AND sc.template=?" + candidateFilter)) {
                ps.setString(1, column.group().metric());
                ps.setString(2, column.group().scorer());
                ps.setString(3, column.group().template());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int at = Arrays.binarySearch(byCandidate, rs.getLong(1));
                        double v = rs.getDouble(2);
                        if (at >= 0 && !rs.wasNull()) {
                            // several rows never share a shown candidate: a candidate belongs to one sample
                            rows.score(col, rowOf[at], v);
                        }
                    }
                }
            }
        }
    }

    /** Sorts {@code sorted} (a copy of {@code shown}) and returns, for each position, the row it came from. */
    private static int[] sortedRows(long[] shown, long[] sorted) {
        Integer[] order = new Integer[shown.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(shown[a], shown[b]));
        int[] rowOf = new int[shown.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = shown[order[i]];
            rowOf[i] = order[i];
        }
        return rowOf;
    }

    private long[][] longColumns(String sql, int width) throws SQLException {
        long[][] out = new long[width][1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == out[0].length) {
                    for (int k = 0; k < width; k++) {
                        out[k] = Arrays.copyOf(out[k], n * 2);
                    }
                }
                for (int k = 0; k < width; k++) {
                    out[k][n] = rs.getLong(k + 1);
                }
                n++;
            }
        }
        for (int k = 0; k < width; k++) {
            out[k] = Arrays.copyOf(out[k], n);
        }
        return out;
    }
}
