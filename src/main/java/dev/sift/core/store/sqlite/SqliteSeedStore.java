package dev.sift.core.store.sqlite;

import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.SeedChunkKind;
import dev.sift.core.store.SeedChunkSource;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.SeedStore;
import dev.sift.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class SqliteSeedStore implements SeedStore {

    private static final String COLLECTION_COLUMNS =
            "id, name, created_at, settings_json, document_count, chunk_count, duplicate_count";
    private static final String CHUNK_COLUMNS =
            "id, collection_id, source, kind, language, chunk_index, text, token_count";
    private static final int FETCH_CHUNK = 256;

    private final SqliteDatabase db;

    SqliteSeedStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public <E extends Exception> SeedCollection importCollection(
            String name, String settingsJson, SeedChunkSource<E> source) throws E, StoreException {
        return db.<SeedCollection, E>write("import seed collection " + name, c -> {
            if (findCollection(c, name).isPresent()) {
                throw new StoreException("A seed collection named '" + name + "' already exists in this project");
            }
            Instant now = Instant.now();
            long id = insertCollection(c, name, settingsJson, now);
            Set<String> documents = new HashSet<>();
            int[] counts = new int[2]; // stored, duplicates
            try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO seed_chunks(collection_id,"
                    + " source, kind, language, chunk_index, text, token_count, content_hash) VALUES (?,?,?,?,?,?,?,?)")) {
                source.emit(chunk -> {
                    boolean stored = insertChunk(insert, id, chunk);
                    counts[stored ? 0 : 1]++;
                    if (stored) {
                        documents.add(chunk.source());
                    }
                    return stored;
                });
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE seed_collections SET document_count=?,"
                    + " chunk_count=?, duplicate_count=? WHERE id=?")) {
                ps.setInt(1, documents.size());
                ps.setInt(2, counts[0]);
                ps.setInt(3, counts[1]);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return new SeedCollection(id, name, now, settingsJson, documents.size(), counts[0], counts[1]);
        });
    }

    private static boolean insertChunk(PreparedStatement insert, long collectionId, NewSeedChunk chunk)
            throws StoreException {
        try {
            insert.setLong(1, collectionId);
            insert.setString(2, chunk.source());
            insert.setString(3, chunk.kind().id());
            insert.setString(4, chunk.language());
            insert.setInt(5, chunk.chunkIndex());
            insert.setString(6, chunk.text());
            insert.setInt(7, chunk.tokenCount());
            insert.setBytes(8, normalisedHash(chunk.text()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("Cannot store chunk " + chunk.chunkIndex() + " of " + chunk.source() + ": "
                    + e.getMessage(), e);
        }
    }

    /** SHA-256 of the text with white-space runs made one space and the ends trimmed (see {@link SeedStore}). */
    static byte[] normalisedHash(String text) {
        String normalised = text.strip().replaceAll("\\s+", " ");
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long insertCollection(Connection c, String name, String settingsJson, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO seed_collections(name, created_at, settings_json) VALUES (?,?,?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, now.toString());
            ps.setString(3, settingsJson);
            try (ResultSet keys = ps.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public List<SeedCollection> listCollections() throws StoreException {
        return db.read("list seed collections", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + COLLECTION_COLUMNS + " FROM seed_collections ORDER BY id")) {
                var result = new ArrayList<SeedCollection>();
                while (rs.next()) {
                    result.add(mapCollection(rs));
                }
                return List.copyOf(result);
            }
        });
    }

    @Override
    public Optional<SeedCollection> findCollection(String name) throws StoreException {
        return db.read("read a seed collection", c -> findCollection(c, name));
    }

    private static Optional<SeedCollection> findCollection(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLLECTION_COLUMNS + " FROM seed_collections WHERE name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapCollection(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<SeedCollection> findCollection(long id) throws StoreException {
        return db.read("read a seed collection", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLLECTION_COLUMNS + " FROM seed_collections WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapCollection(rs)) : Optional.<SeedCollection>empty();
                }
            }
        });
    }

    @Override
    public long[] chunkIds(long collectionId) throws StoreException {
        return db.read("read seed chunk ids", c -> Columns.longs(c,
                "SELECT id FROM seed_chunks WHERE collection_id=? ORDER BY id", collectionId));
    }

    @Override
    public List<SeedChunk> chunks(long collectionId, int offset, int limit) throws StoreException {
        return db.read("read seed chunks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CHUNK_COLUMNS
                    + " FROM seed_chunks WHERE collection_id=? ORDER BY id LIMIT ? OFFSET ?")) {
                ps.setLong(1, collectionId);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                return mapChunks(ps);
            }
        });
    }

    @Override
    public <E extends Exception> void forEachChunk(long collectionId, ChunkVisitor<E> visitor)
            throws E, StoreException {
        // Pages keyed by id, so that no statement stays open across the visitor's work.
        long after = Long.MIN_VALUE;
        while (true) {
            long lastId = after;
            List<SeedChunk> page = db.read("read seed chunks", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + CHUNK_COLUMNS
                        + " FROM seed_chunks WHERE collection_id=? AND id > ? ORDER BY id LIMIT " + FETCH_CHUNK)) {
                    ps.setLong(1, collectionId);
                    ps.setLong(2, lastId);
                    return mapChunks(ps);
                }
            });
            for (SeedChunk chunk : page) {
                visitor.visit(chunk);
            }
            if (page.size() < FETCH_CHUNK) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    @Override
    public Optional<SeedChunk> chunk(long id) throws StoreException {
        return db.read("read a seed chunk", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CHUNK_COLUMNS + " FROM seed_chunks WHERE id=?")) {
                ps.setLong(1, id);
                return mapChunks(ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean deleteCollection(long id) throws StoreException {
        return db.write("delete a seed collection", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM seed_collections WHERE id=?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<SeedChunk> mapChunks(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            var result = new ArrayList<SeedChunk>();
            while (rs.next()) {
                result.add(mapChunk(rs));
            }
            return result;
        }
    }

    /** Maps a row of {@link #CHUNK_COLUMNS} starting at column {@code from}. */
    static SeedChunk mapChunk(ResultSet rs, int from) throws SQLException {
        return new SeedChunk(rs.getLong(from), rs.getLong(from + 1), rs.getString(from + 2),
                SeedChunkKind.fromId(rs.getString(from + 3)).orElse(SeedChunkKind.TEXT), rs.getString(from + 4),
                rs.getInt(from + 5), rs.getString(from + 6), rs.getInt(from + 7));
    }

    private static SeedChunk mapChunk(ResultSet rs) throws SQLException {
        return mapChunk(rs, 1);
    }

    /** The chunk columns, for joins: prefix each with the table's alias. */
    static String chunkColumns(String alias) {
        return alias + "." + CHUNK_COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static SeedCollection mapCollection(ResultSet rs) throws SQLException {
        return new SeedCollection(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getString(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7));
    }
}
