package dev.sift.core.store.sqlite;

import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.Decision;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.DecisionStore;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decisions in the {@code decisions} table; undo sets {@code undone_at}, nothing is deleted. */
final class SqliteDecisionStore implements DecisionStore {

    private static final String COLUMNS = "d.id, d.sample_id, d.candidate_id, d.action, d.decided_by, d.run_id,"
            + " d.reason, d.decided_at, d.undone_at";
    /** The newest decision not undone of each sample. */
    private static final String CURRENT = "d.undone_at IS NULL AND d.id = (SELECT max(e.id) FROM decisions e"
            + " WHERE e.sample_id = d.sample_id AND e.undone_at IS NULL)";

    private final SqliteDatabase db;

    SqliteDecisionStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void addAll(List<NewDecision> decisions) throws StoreException {
        db.write("save decisions", c -> {
            String now = Instant.now().toString();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decisions(sample_id, candidate_id, action,"
                    + " decided_by, run_id, reason, decided_at) VALUES (?,?,?,?,?,?,?)")) {
                for (NewDecision d : decisions) {
                    ps.setLong(1, d.sampleId());
                    Columns.setId(ps, 2, d.candidateId());
                    ps.setString(3, d.action().id());
                    ps.setString(4, d.decidedBy().id());
                    Columns.setId(ps, 5, d.runId());
                    ps.setString(6, d.reason());
                    ps.setString(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Decision> current(long sampleId) throws StoreException {
        List<Decision> found = list("SELECT " + COLUMNS + " FROM decisions d WHERE d.sample_id=? AND " + CURRENT,
                sampleId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Decision> currentByDataset(long datasetId) throws StoreException {
        return list("SELECT " + COLUMNS + " FROM decisions d JOIN samples s ON s.id = d.sample_id"
                + " WHERE s.dataset_id=? AND " + CURRENT + " ORDER BY d.sample_id", datasetId);
    }

    @Override
    public List<Decision> listByRun(long runId) throws StoreException {
        return list("SELECT " + COLUMNS + " FROM decisions d WHERE d.run_id=? ORDER BY d.id", runId);
    }

    @Override
    public boolean undo(long decisionId) throws StoreException {
        return db.write("undo a decision", c -> update(c.prepareStatement(
                "UPDATE decisions SET undone_at=? WHERE id=? AND undone_at IS NULL"), decisionId) > 0);
    }

    @Override
    public int undoRun(long runId) throws StoreException {
        return db.write("undo a run's decisions", c -> update(c.prepareStatement(
                "UPDATE decisions SET undone_at=? WHERE run_id=? AND undone_at IS NULL"), runId));
    }

    private static int update(PreparedStatement statement, long id) throws SQLException {
        try (PreparedStatement ps = statement) {
            ps.setString(1, Instant.now().toString());
            ps.setLong(2, id);
            return ps.executeUpdate();
        }
    }

    private List<Decision> list(String sql, long id) throws StoreException {
        return db.read("read decisions", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    var result = new ArrayList<Decision>();
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                    return List.copyOf(result);
                }
            }
        });
    }

    private static Decision map(ResultSet rs) throws SQLException {
        return new Decision(rs.getLong(1), rs.getLong(2), Columns.id(rs, 3),
                DecisionAction.fromId(rs.getString(4)).orElse(DecisionAction.REJECT),
                DecidedBy.fromId(rs.getString(5)).orElse(DecidedBy.CURATOR), Columns.id(rs, 6), rs.getString(7),
                Instant.parse(rs.getString(8)), Columns.instant(rs, 9));
    }
}
