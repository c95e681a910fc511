package dev.sift.core.store.sqlite;

import dev.sift.core.store.EmbeddingStore;
import dev.sift.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

final class SqliteEmbeddingStore implements EmbeddingStore {

    private final SqliteDatabase db;

    SqliteEmbeddingStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void putAll(String model, Map<Long, float[]> vectors) throws StoreException {
        db.write("store embeddings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO sample_embeddings(sample_id, model, dimension, vector) VALUES (?,?,?,?)")) {
                for (var entry : vectors.entrySet()) {
                    ps.setLong(1, entry.getKey());
                    ps.setString(2, model);
                    ps.setInt(3, entry.getValue().length);
                    ps.setBytes(4, FloatVectors.toBytes(entry.getValue()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Map<Long, float[]> load(long datasetId, String model) throws StoreException {
        return db.read("read embeddings", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.sample_id, e.vector FROM sample_embeddings e"
                    + " JOIN samples s ON s.id = e.sample_id WHERE s.dataset_id=? AND e.model=?")) {
                ps.setLong(1, datasetId);
                ps.setString(2, model);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<Long, float[]> result = new HashMap<>();
                    while (rs.next()) {
                        result.put(rs.getLong(1), FloatVectors.fromBytes(rs.getBytes(2)));
                    }
                    return result;
                }
            }
        });
    }
}
