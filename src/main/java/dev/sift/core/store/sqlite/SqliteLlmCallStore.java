package dev.sift.core.store.sqlite;

import dev.sift.core.store.LlmCall;
import dev.sift.core.store.LlmCallStatus;
import dev.sift.core.store.LlmCallStore;
import dev.sift.core.store.NewLlmCall;
import dev.sift.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The call log; the hash is kept as a 32-byte BLOB, indexed with the status for cache look-ups. */
final class SqliteLlmCallStore implements LlmCallStore {

    private static final String COLUMNS = "id, request_hash, run_id, endpoint_id, model, request_json, response_json,"
            + " status, http_status, latency_ms, tokens_in, tokens_out, cost_usd, error, created_at";

    private final SqliteDatabase db;

    SqliteLlmCallStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public LlmCall record(NewLlmCall call) throws StoreException {
        return db.write("log an LLM call", c -> {
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO llm_calls(request_hash, run_id, endpoint_id,"
                    + " model, request_json, response_json, status, http_status, latency_ms, tokens_in, tokens_out,"
                    + " cost_usd, error, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setBytes(1, Columns.unhex(call.requestHash()));
                Columns.setId(ps, 2, call.runId());
                Columns.setId(ps, 3, call.endpointId());
                ps.setString(4, call.model());
                ps.setString(5, call.requestJson());
                Columns.setText(ps, 6, call.responseJson());
                ps.setString(7, call.status().id());
                Columns.setInt(ps, 8, call.httpStatus());
                ps.setLong(9, call.latencyMillis());
                ps.setLong(10, call.tokensIn());
                ps.setLong(11, call.tokensOut());
                ps.setDouble(12, call.costUsd());
                Columns.setText(ps, 13, call.error());
                ps.setString(14, now.toString());
                id = Columns.insert(ps);
            }
            if (call.runId() != 0 && (call.tokensIn() != 0 || call.tokensOut() != 0 || call.costUsd() != 0)) {
                SqliteRunStore.addUsage(c, call.runId(), call.tokensIn(), call.tokensOut(), call.costUsd());
            }
            return new LlmCall(id, call.requestHash(), call.runId(), call.endpointId(), call.model(),
                    call.requestJson(), call.responseJson(), call.status(), call.httpStatus(), call.latencyMillis(),
                    call.tokensIn(), call.tokensOut(), call.costUsd(), call.error(), now);
        });
    }

    @Override
    public Optional<LlmCall> findLatestOk(String requestHash) throws StoreException {
        return db.read("look up the request cache", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM llm_calls"
                    + " WHERE request_hash=? AND status=? ORDER BY id DESC LIMIT 1")) {
                ps.setBytes(1, Columns.unhex(requestHash));
                ps.setString(2, LlmCallStatus.OK.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<LlmCall>empty();
                }
            }
        });
    }

    @Override
    public List<LlmCall> listByRun(long runId) throws StoreException {
        return db.read("read the call log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM llm_calls WHERE run_id=?"
                    + " ORDER BY id")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    var calls = new ArrayList<LlmCall>();
                    while (rs.next()) {
                        calls.add(map(rs));
                    }
                    return List.copyOf(calls);
                }
            }
        });
    }

    @Override
    public long countByRun(long runId, LlmCallStatus status) throws StoreException {
        return db.read("read the call log", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM llm_calls WHERE run_id=? AND status=?")) {
                ps.setLong(1, runId);
                ps.setString(2, status.id());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private static LlmCall map(ResultSet rs) throws SQLException {
        return new LlmCall(rs.getLong(1), Columns.hex(rs.getBytes(2)), Columns.id(rs, 3), Columns.id(rs, 4),
                rs.getString(5), rs.getString(6), Columns.text(rs, 7),
                LlmCallStatus.fromId(rs.getString(8)).orElse(LlmCallStatus.ERROR), Columns.optionalInt(rs, 9),
                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getDouble(13), Columns.text(rs, 14),
                Instant.parse(rs.getString(15)));
    }
}
