package dev.sift.core.store.sqlite;

import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.CandidateStore;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class SqliteCandidateStore implements CandidateStore {

    private static final String COLUMNS = "id, sample_id, run_id, agent_pair_id, origin, round_no, instruction, input,"
            + " response, created_at, source";

    private static final String INSERT = "INSERT INTO candidates(sample_id, run_id, agent_pair_id, origin, round_no,"
            + " instruction, input, response, created_at, source) VALUES (?,?,?,?,?,?,?,?,?,?)";

    private final SqliteDatabase db;

    SqliteCandidateStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Candidate add(NewCandidate n) throws StoreException {
        return db.write("save a candidate", c -> {
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, n, now.toString());
                long id = Columns.insert(ps);
                return new Candidate(id, n.sampleId(), n.runId(), n.agentPairId(), n.origin(), n.round(),
                        n.instruction(), n.input(), n.response(), now, n.source());
            }
        });
    }

    @Override
    public long[] addAll(List<NewCandidate> candidates) throws StoreException {
        return db.write("save candidates", c -> {
            String now = Instant.now().toString();
            long[] ids = new long[candidates.size()];
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (int i = 0; i < ids.length; i++) {
                    bind(ps, candidates.get(i), now);
                    ids[i] = Columns.insert(ps);
                }
            }
            return ids;
        });
    }

    @Override
    public List<Candidate> listBySample(long sampleId) throws StoreException {
        return list("SELECT " + COLUMNS + " FROM candidates WHERE sample_id=? ORDER BY id", sampleId);
    }

    @Override
    public List<Candidate> listByRun(long runId) throws StoreException {
        return list("SELECT " + COLUMNS + " FROM candidates WHERE run_id=? ORDER BY id", runId);
    }

    @Override
    public java.util.Map<Long, Integer> responseLengths(long[] candidateIds) throws StoreException {
        // json_each takes the ids as one parameter, so any number of them stays under SQLite's parameter limit
        String ids = java.util.Arrays.stream(candidateIds).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        return db.read("read response lengths", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, length(response) FROM candidates WHERE id IN (SELECT value FROM json_each(?))")) {
                ps.setString(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    var lengths = new java.util.HashMap<Long, Integer>();
                    while (rs.next()) {
                        lengths.put(rs.getLong(1), rs.getInt(2));
                    }
                    return lengths;
                }
            }
        });
    }

    @Override
    public long countByRun(long runId) throws StoreException {
        return db.read("count candidates", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM candidates WHERE run_id=?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public boolean existsForSample(long runId, long sampleId) throws StoreException {
        return db.read("read candidates", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM candidates WHERE sample_id=? AND run_id=? LIMIT 1")) {
                ps.setLong(1, sampleId);
                ps.setLong(2, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public long[] sampleIdsWithCandidates(long runId) throws StoreException {
        return db.read("read candidates", c -> Columns.longs(c,
                "SELECT DISTINCT sample_id FROM candidates WHERE run_id=? ORDER BY sample_id", runId));
    }

    private List<Candidate> list(String sql, long id) throws StoreException {
        return db.read("read candidates", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    var result = new ArrayList<Candidate>();
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                    return List.copyOf(result);
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, NewCandidate n, String now) throws SQLException {
        ps.setLong(1, n.sampleId());
        Columns.setId(ps, 2, n.runId());
        Columns.setId(ps, 3, n.agentPairId());
        ps.setString(4, n.origin().id());
        Columns.setInt(ps, 5, n.round());
        ps.setString(6, n.instruction());
        ps.setString(7, n.input());
        ps.setString(8, n.response());
        ps.setString(9, now);
        ps.setString(10, n.source());
    }

    private static Candidate map(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getLong(2), Columns.id(rs, 3), Columns.id(rs, 4),
                CandidateOrigin.fromId(rs.getString(5)).orElse(CandidateOrigin.GENERATED), Columns.optionalInt(rs, 6),
                rs.getString(7), rs.getString(8), rs.getString(9), Instant.parse(rs.getString(10)), rs.getString(11));
    }
}
