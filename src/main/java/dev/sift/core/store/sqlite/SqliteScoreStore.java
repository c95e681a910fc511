package dev.sift.core.store.sqlite;

import dev.sift.core.store.NewScore;
import dev.sift.core.store.Score;
import dev.sift.core.store.ScoreGroup;
import dev.sift.core.store.ScoreLosses;
import dev.sift.core.store.ScoreStore;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores in the {@code scores} table, NaN as NULL; their per-token losses (little-endian float32 blobs, kilobytes
 * each) in {@code score_losses}, so that reading values and details never walks through them.
 */
final class SqliteScoreStore implements ScoreStore {

    private static final String COLUMNS = "sc.id, sc.candidate_id, c.sample_id, sc.metric, sc.value, sc.scorer,"
            + " sc.template, sc.max_length, sc.details_json, sc.created_at";
    private static final String OF_DATASET = " FROM scores sc JOIN candidates c ON c.id = sc.candidate_id"
            + " JOIN samples s ON s.id = c.sample_id WHERE s.dataset_id=? AND sc.metric=?";

    private final SqliteDatabase db;

    SqliteScoreStore(SqliteDatabase db) {
        this.db = db;
    }

    /** Upserts the score row (its losses live in {@code score_losses}) and returns its id. */
    private static final String UPSERT = "INSERT INTO scores(candidate_id, metric, value, scorer, template, max_length,"
            + " details_json, created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(candidate_id, metric, scorer, template)"
            + " DO UPDATE SET value=excluded.value, max_length=excluded.max_length,"
            + " details_json=excluded.details_json, created_at=excluded.created_at RETURNING id";

    @Override
    public Score save(NewScore n) throws StoreException {
        return db.write("save a score", c -> {
            long id = write(c, n, Instant.now().toString());
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scores sc"
                    + " JOIN candidates c ON c.id = sc.candidate_id WHERE sc.id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("The score of candidate " + n.candidateId() + " was not saved");
                    }
                    return map(rs);
                }
            }
        });
    }

    @Override
    public void saveAll(List<NewScore> scores) throws StoreException {
        db.write("save scores", c -> {
            String now = Instant.now().toString();
            for (NewScore n : scores) {
                write(c, n, now);
            }
            return null;
        });
    }

    /** Writes one score and its losses (replacing both when the score existed); returns the score's id. */
    private static long write(Connection c, NewScore n, String now) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setLong(1, n.candidateId());
            ps.setString(2, n.metric());
            if (Double.isNaN(n.value())) {
                ps.setNull(3, Types.REAL);
            } else {
                ps.setDouble(3, n.value());
            }
            ps.setString(4, n.scorer());
            ps.setString(5, n.template());
            if (n.maxLength() > 0) {
                ps.setInt(6, n.maxLength());
            } else {
                ps.setNull(6, Types.INTEGER);
            }
            Columns.setText(ps, 7, n.detailsJson());
            ps.setString(8, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (n.nllConditioned().length == 0 && n.nllDirect().length == 0) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM score_losses WHERE score_id=?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return id;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO score_losses(score_id, nll_conditioned,"
                + " nll_direct) VALUES (?,?,?)")) {
            ps.setLong(1, id);
            setLosses(ps, 2, n.nllConditioned());
            setLosses(ps, 3, n.nllDirect());
            ps.executeUpdate();
        }
        return id;
    }

    @Override
    public List<Score> list(long datasetId, String metric, String scorer, String template) throws StoreException {
        return db.read("read scores", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + OF_DATASET
                    + " AND sc.scorer=? AND sc.template=? ORDER BY c.sample_id, c.id")) {
                bind(ps, datasetId, metric, scorer, template);
                try (ResultSet rs = ps.executeQuery()) {
                    var result = new ArrayList<Score>();
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                    return List.copyOf(result);
                }
            }
        });
    }

    @Override
    public List<Score> listBySample(long sampleId) throws StoreException {
        return db.read("read scores", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scores sc JOIN candidates c"
                    + " ON c.id = sc.candidate_id WHERE c.sample_id=? ORDER BY sc.candidate_id, sc.metric, sc.id")) {
                ps.setLong(1, sampleId);
                try (ResultSet rs = ps.executeQuery()) {
                    var result = new ArrayList<Score>();
                    while (rs.next()) {
                        result.add(map(rs));
                    }
                    return List.copyOf(result);
                }
            }
        });
    }

    @Override
    public long[] scoredCandidateIds(long datasetId, String metric, String scorer, String template)
            throws StoreException {
        return db.read("read scores", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sc.candidate_id" + OF_DATASET
                    + " AND sc.scorer=? AND sc.template=? ORDER BY sc.candidate_id")) {
                bind(ps, datasetId, metric, scorer, template);
                try (ResultSet rs = ps.executeQuery()) {
                    return Columns.longs(rs);
                }
            }
        });
    }

    @Override
    public List<ScoreGroup> groups(long datasetId, String metric) throws StoreException {
        return db.read("read scores", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sc.scorer, sc.template, count(*), max(sc.id)"
                    + OF_DATASET + " GROUP BY sc.scorer, sc.template ORDER BY count(*) DESC, max(sc.id) DESC")) {
                ps.setLong(1, datasetId);
                ps.setString(2, metric);
                try (ResultSet rs = ps.executeQuery()) {
                    var result = new ArrayList<ScoreGroup>();
                    while (rs.next()) {
                        result.add(new ScoreGroup(metric, rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                    return List.copyOf(result);
                }
            }
        });
    }

    @Override
    public Optional<ScoreLosses> losses(long scoreId) throws StoreException {
        return db.read("read score losses", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT l.nll_conditioned, l.nll_direct FROM scores sc LEFT JOIN score_losses l"
                            + " ON l.score_id = sc.id WHERE sc.id=?")) {
                ps.setLong(1, scoreId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ScoreLosses(losses(rs.getBytes(1)), losses(rs.getBytes(2))));
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, long datasetId, String metric, String scorer, String template)
            throws SQLException {
        ps.setLong(1, datasetId);
        ps.setString(2, metric);
        ps.setString(3, scorer);
        ps.setString(4, template);
    }

    private static void setLosses(PreparedStatement ps, int index, double[] values) throws SQLException {
        if (values.length == 0) {
            ps.setNull(index, Types.BLOB);
            return;
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        ps.setBytes(index, FloatVectors.toBytes(floats));
    }

    private static double[] losses(byte[] bytes) {
        if (bytes == null) {
            return new double[0];
        }
        float[] floats = FloatVectors.fromBytes(bytes);
        double[] values = new double[floats.length];
        for (int i = 0; i < floats.length; i++) {
            values[i] = floats[i];
        }
        return values;
    }

    private static Score map(ResultSet rs) throws SQLException {
        double value = rs.getDouble(5);
        if (rs.wasNull()) {
            value = Double.NaN;
        }
        int maxLength = rs.getInt(8);
        return new Score(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), value, rs.getString(6),
                rs.getString(7), rs.wasNull() ? 0 : maxLength, Columns.text(rs, 9), Instant.parse(rs.getString(10)));
    }
}
