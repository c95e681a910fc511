package dev.sift.core.store.sqlite;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.ReviewAction;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewStore;
import dev.sift.core.store.ScoreColumn;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Curator actions in {@code review_actions}, their decisions (tagged with the action) and notes; undo and redo set and
 * clear {@code undone_at} on the action and everything it wrote. Rows and search are delegated.
 */
final class SqliteReviewStore implements ReviewStore {

    private static final String ACTION_COLUMNS = "id, kind, description, sample_count, first_sample, created_at,"
            + " undone_at";
    private static final String NEWEST_HOLDING = "SELECT max(id) FROM review_actions WHERE undone_at IS NULL";
    private static final String NEXT_UNDO = "SELECT " + ACTION_COLUMNS + " FROM review_actions WHERE id = ("
            + NEWEST_HOLDING + ")";
    private static final String NEXT_REDO = "SELECT " + ACTION_COLUMNS + " FROM review_actions WHERE undone_at IS NOT"
            + " NULL AND id > coalesce((" + NEWEST_HOLDING + "), 0) ORDER BY id LIMIT 1";

    private final SqliteDatabase db;
    private final ReviewSearchIndex search;

    SqliteReviewStore(SqliteDatabase db) {
        this.db = db;
        this.search = new ReviewSearchIndex(db);
    }

    @Override
    public ReviewAction record(NewReviewAction action) throws StoreException {
        return db.write("record a review action", c -> insert(c, action));
    }

    @Override
    public ReviewAction edit(long sampleId, String instruction, String input, String response, String description)
            throws StoreException {
        return db.write("save an edit", c -> {
            long candidate;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO candidates(sample_id, origin, instruction, input,"
                    + " response, created_at, source) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, sampleId);
                ps.setString(2, CandidateOrigin.CURATOR.id());
                ps.setString(3, instruction);
                ps.setString(4, input);
                ps.setString(5, response);
                ps.setString(6, Instant.now().toString());
                ps.setString(7, "curator");
                candidate = Columns.insert(ps);
            }
            return insert(c, NewReviewAction.of("edit", description, List.of(
                    new NewDecision(sampleId, candidate, DecisionAction.EDIT, DecidedBy.CURATOR, 0, "edited"))));
        });
    }

    private static ReviewAction insert(Connection c, NewReviewAction action) throws SQLException {
        List<Long> samples = action.sampleIds();
        Instant now = Instant.now();
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_actions(kind, description, sample_count,"
                + " first_sample, created_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, action.kind());
            ps.setString(2, action.description());
            ps.setInt(3, samples.size());
            Columns.setId(ps, 4, samples.isEmpty() ? 0 : samples.get(0));
            ps.setString(5, now.toString());
            id = Columns.insert(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decisions(sample_id, candidate_id, action,"
                + " decided_by, run_id, reason, decided_at, action_id) VALUES (?,?,?,?,?,?,?,?)")) {
            for (NewDecision d : action.decisions()) {
                ps.setLong(1, d.sampleId());
                Columns.setId(ps, 2, d.candidateId());
                ps.setString(3, d.action().id());
                ps.setString(4, d.decidedBy().id());
                Columns.setId(ps, 5, d.runId());
                ps.setString(6, d.reason());
                ps.setString(7, now.toString());
                ps.setLong(8, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sample_notes(sample_id, note, action_id,"
                + " created_at) VALUES (?,?,?,?)")) {
            for (NewReviewAction.Note n : action.notes()) {
                ps.setLong(1, n.sampleId());
                ps.setString(2, n.text());
                ps.setLong(3, id);
                ps.setString(4, now.toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new ReviewAction(id, action.kind(), action.description(), samples.size(),
                samples.isEmpty() ? 0 : samples.get(0), now, Optional.empty());
    }

    @Override
    public Optional<ReviewAction> undo() throws StoreException {
        return db.write("undo", c -> {
            Optional<ReviewAction> action = one(c, NEXT_UNDO);
            if (action.isPresent()) {
                mark(c, action.get().id(), Instant.now().toString());
            }
            return action;
        });
    }

    @Override
    public Optional<ReviewAction> redo() throws StoreException {
        return db.write("redo", c -> {
            Optional<ReviewAction> action = one(c, NEXT_REDO);
            if (action.isPresent()) {
                mark(c, action.get().id(), null);
            }
            return action.map(a -> new ReviewAction(a.id(), a.kind(), a.description(), a.sampleCount(),
                    a.firstSampleId(), a.createdAt(), Optional.empty()));
        });
    }

    /** Sets (or, with null, clears) the undo time of an action and of everything it wrote. */
    private static void mark(Connection c, long actionId, String undoneAt) throws SQLException {
        for (String table : List.of("review_actions", "decisions", "sample_notes")) {
            String key = table.equals("review_actions") ? "id" : "action_id";
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET undone_at=? WHERE " + key + "=?")) {
                ps.setString(1, undoneAt);
                ps.setLong(2, actionId);
                ps.executeUpdate();
            }
        }
    }

    @Override
    public Optional<ReviewAction> nextUndo() throws StoreException {
        return db.read("read the undo history", c -> one(c, NEXT_UNDO));
    }

    @Override
    public Optional<ReviewAction> nextRedo() throws StoreException {
        return db.read("read the redo history", c -> one(c, NEXT_REDO));
    }

    @Override
    public List<ReviewAction> history(int limit) throws StoreException {
        return db.read("read the review history", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ACTION_COLUMNS
                    + " FROM review_actions ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                return actions(ps);
            }
        });
    }

    @Override
    public Optional<String> note(long sampleId) throws StoreException {
        return db.read("read a note", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT note FROM sample_notes WHERE sample_id=? AND"
                    + " undone_at IS NULL ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, sampleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && !rs.getString(1).isEmpty() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public ReviewRows rows(long[] datasetIds, List<ScoreColumn> columns) throws StoreException {
        return db.read("read the review rows", c -> new ReviewRowsLoader(c).load(datasetIds, columns, null));
    }

    @Override
    public ReviewRows rowsOf(long[] datasetIds, List<ScoreColumn> columns, long[] sampleIds) throws StoreException {
        return db.read("read review rows", c -> new ReviewRowsLoader(c).load(datasetIds, columns, sampleIds));
    }

    @Override
    public long[] search(String query, long[] datasetIds) throws StoreException {
        return search.search(query, datasetIds);
    }

    private static Optional<ReviewAction> one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<ReviewAction> found = actions(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<ReviewAction> actions(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            var result = new ArrayList<ReviewAction>();
            while (rs.next()) {
                result.add(new ReviewAction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Columns.id(rs, 5), Instant.parse(rs.getString(6)), Columns.instant(rs, 7)));
            }
            return result;
        }
    }
}
