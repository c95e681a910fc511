package dev.sift.core.store.sqlite;

import dev.sift.core.store.NewRun;
import dev.sift.core.store.RoundWeights;
import dev.sift.core.store.Run;
import dev.sift.core.store.RunEvent;
import dev.sift.core.store.RunStatus;
import dev.sift.core.store.RunStore;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

final class SqliteRunStore implements RunStore {

    private static final String COLUMNS = "id, recipe, dataset_id, config_json, seed, status, created_at, started_at,"
            + " finished_at, done_items, total_items, tokens_in, tokens_out, cost_usd, budget_usd, error";

    private final SqliteDatabase db;

    SqliteRunStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Run create(NewRun run) throws StoreException {
        return db.write("create a run", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs(recipe, dataset_id, config_json, seed,"
                    + " status, created_at, budget_usd) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, run.recipe());
                Columns.setId(ps, 2, run.datasetId());
                ps.setString(3, run.configJson());
                ps.setLong(4, run.seed());
                ps.setString(5, RunStatus.QUEUED.id());
                ps.setString(6, Instant.now().toString());
                Columns.setDouble(ps, 7, run.budgetUsd());
                long id = Columns.insert(ps);
                return find(c, id).orElseThrow();
            }
        });
    }

    @Override
    public void setStatus(long runId, RunStatus status, String error) throws StoreException {
        String now = Instant.now().toString();
        db.write("update a run", c -> {
            PreparedStatement ps;
            if (status == RunStatus.RUNNING) {
                ps = c.prepareStatement("UPDATE runs SET status=?, started_at=coalesce(started_at, ?),"
                        + " finished_at=NULL, error=NULL WHERE id=?");
                ps.setString(2, now);
                ps.setLong(3, runId);
            } else if (status.isFinished()) {
                ps = c.prepareStatement("UPDATE runs SET status=?, finished_at=?, error=? WHERE id=?");
                ps.setString(2, now);
                Columns.setText(ps, 3, error);
                ps.setLong(4, runId);
            } else {
                ps = c.prepareStatement("UPDATE runs SET status=? WHERE id=?");
                ps.setLong(2, runId);
            }
            try (ps) {
                ps.setString(1, status.id());
                requireOneRow(ps.executeUpdate(), runId);
            }
            return null;
        });
    }

    @Override
    public void updateProgress(long runId, long done, long total) throws StoreException {
        db.write("update a run", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET done_items=?, total_items=? WHERE id=?")) {
                ps.setLong(1, done);
                ps.setLong(2, total);
                ps.setLong(3, runId);
                requireOneRow(ps.executeUpdate(), runId);
            }
            return null;
        });
    }

    @Override
    public void addUsage(long runId, long tokensIn, long tokensOut, double costUsd) throws StoreException {
        db.write("update a run", c -> {
            addUsage(c, runId, tokensIn, tokensOut, costUsd);
            return null;
        });
    }

    /** Adds to a run's totals inside the caller's transaction; shared with the call log. */
    static void addUsage(Connection c, long runId, long tokensIn, long tokensOut, double costUsd)
            throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET tokens_in=tokens_in+?, tokens_out=tokens_out+?,"
                + " cost_usd=cost_usd+? WHERE id=?")) {
            ps.setLong(1, tokensIn);
            ps.setLong(2, tokensOut);
            ps.setDouble(3, costUsd);
            ps.setLong(4, runId);
            requireOneRow(ps.executeUpdate(), runId);
        }
    }

    @Override
    public RunEvent appendEvent(long runId, String kind, String message, String dataJson) throws StoreException {
        return db.write("log a run event", c -> {
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_events(run_id, at, kind, message, data_json)"
                    + " VALUES (?,?,?,?,?)")) {
                ps.setLong(1, runId);
                ps.setString(2, now.toString());
                ps.setString(3, kind);
                ps.setString(4, message);
                Columns.setText(ps, 5, dataJson);
                return new RunEvent(Columns.insert(ps), runId, now, kind, message, dataJson == null ? "" : dataJson);
            }
        });
    }

    @Override
    public List<RunEvent> events(long runId, long afterId, int limit) throws StoreException {
        return db.read("read a run's log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, run_id, at, kind, message, data_json"
                    + " FROM run_events WHERE run_id=? AND id>? ORDER BY id LIMIT ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, afterId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    var events = new ArrayList<RunEvent>();
                    while (rs.next()) {
                        events.add(new RunEvent(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)),
                                rs.getString(4), rs.getString(5), Columns.text(rs, 6)));
                    }
                    return List.copyOf(events);
                }
            }
        });
    }

    @Override
    public Optional<Run> find(long id) throws StoreException {
        return db.read("read a run", c -> find(c, id));
    }

    @Override
    public List<Run> list() throws StoreException {
        return db.read("list runs", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM runs ORDER BY id DESC")) {
                var runs = new ArrayList<Run>();
                while (rs.next()) {
                    runs.add(map(rs));
                }
                return List.copyOf(runs);
            }
        });
    }

    @Override
    public void recordWeights(long runId, RoundWeights weights) throws StoreException {
        db.write("record agent pair weights", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM weight_history WHERE run_id=? AND round_no=?")) {
                delete.setLong(1, runId);
                delete.setInt(2, weights.round());
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO weight_history(run_id, round_no, agent_pair_id, weight) VALUES (?,?,?,?)")) {
                for (Map.Entry<Long, Double> e : weights.weights().entrySet()) {
                    ps.setLong(1, runId);
                    ps.setInt(2, weights.round());
                    ps.setLong(3, e.getKey());
                    ps.setDouble(4, e.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<RoundWeights> weights(long runId) throws StoreException {
        return db.read("read agent pair weights", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT round_no, agent_pair_id, weight FROM weight_history"
                    + " WHERE run_id=? ORDER BY round_no, agent_pair_id")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<Integer, Map<Long, Double>> byRound = new TreeMap<>();
                    while (rs.next()) {
                        byRound.computeIfAbsent(rs.getInt(1), r -> new TreeMap<>()).put(rs.getLong(2), rs.getDouble(3));
                    }
                    var out = new ArrayList<RoundWeights>();
                    byRound.forEach((round, w) -> out.add(new RoundWeights(round, w)));
                    return List.copyOf(out);
                }
            }
        });
    }

    private static Optional<Run> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static void requireOneRow(int updated, long runId) throws StoreException {
        if (updated == 0) {
            throw new StoreException("There is no run with id " + runId);
        }
    }

    private static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getLong(1), rs.getString(2), Columns.id(rs, 3), rs.getString(4), rs.getLong(5),
                RunStatus.fromId(rs.getString(6)).orElse(RunStatus.FAILED), Instant.parse(rs.getString(7)),
                Columns.instant(rs, 8), Columns.instant(rs, 9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                rs.getLong(13), rs.getDouble(14), Columns.optionalDouble(rs, 15), Columns.text(rs, 16));
    }
}
