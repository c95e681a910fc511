package dev.sift.core.store.sqlite;

import dev.sift.core.model.ContentHash;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.DatasetStore;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.SampleSink;
import dev.sift.core.store.SampleSource;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqliteDatasetStore implements DatasetStore {

    private static final String COLUMNS =
            "id, name, source_file, format, imported_at, record_count, sample_count, duplicate_count";

    private final SqliteDatabase db;

    SqliteDatasetStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public <E extends Exception> Dataset importDataset(NewDataset dataset, SampleSource<E> source)
            throws E, StoreException {
        return db.<Dataset, E>write("import " + dataset.name(), c -> {
            if (findByName(c, dataset.name()).isPresent()) {
                throw new StoreException("A dataset named '" + dataset.name() + "' already exists in this project");
            }
            Instant now = Instant.now();
            long id = insertDataset(c, dataset, now);
            var sink = new InsertingSink(c, id);
            try (sink) {
                source.emit(sink);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE datasets SET record_count=?, sample_count=?, duplicate_count=? WHERE id=?")) {
                ps.setInt(1, sink.records);
                ps.setInt(2, sink.records - sink.duplicates);
                ps.setInt(3, sink.duplicates);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return new Dataset(id, dataset.name(), dataset.sourceFile(), dataset.format(), now,
                    sink.records, sink.records - sink.duplicates, sink.duplicates);
        });
    }

    private static long insertDataset(Connection c, NewDataset dataset, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO datasets(name, source_file, format, imported_at, record_count, sample_count, duplicate_count)"
                        + " VALUES (?,?,?,?,0,0,0)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, dataset.name());
            ps.setString(2, dataset.sourceFile());
            ps.setString(3, dataset.format().id());
            ps.setString(4, now.toString());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Inserts records one by one inside the import's transaction; duplicates are ignored by the unique key. */
    private static final class InsertingSink implements SampleSink, AutoCloseable {
        private final PreparedStatement insert;
        private final long datasetId;
        int records;
        int duplicates;

        InsertingSink(Connection c, long datasetId) throws SQLException {
            this.datasetId = datasetId;
            this.insert = c.prepareStatement("INSERT OR IGNORE INTO samples(dataset_id, record_index, system,"
                    + " instruction, input, output, messages_json, category, char_count, content_hash)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)");
        }

        @Override
        public boolean add(int recordIndex, SampleContent content) throws StoreException {
            try {
                insert.setLong(1, datasetId);
                insert.setInt(2, recordIndex);
                insert.setString(3, content.system());
                insert.setString(4, content.instruction());
                insert.setString(5, content.input());
                insert.setString(6, content.output());
                insert.setString(7, content.isMultiTurn() ? MessagesJson.write(content.messages()) : null);
                insert.setString(8, content.category());
                insert.setInt(9, content.characterCount());
                insert.setBytes(10, ContentHash.of(content));
                records++;
                boolean added = insert.executeUpdate() == 1;
                if (!added) {
                    duplicates++;
                }
                return added;
            } catch (SQLException e) {
                throw new StoreException("Cannot store record " + recordIndex + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    @Override
    public List<Dataset> list() throws StoreException {
        return db.read("list datasets", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM datasets ORDER BY id")) {
                var result = new ArrayList<Dataset>();
                while (rs.next()) {
                    result.add(map(rs));
                }
                return List.copyOf(result);
            }
        });
    }

    @Override
    public Optional<Dataset> find(long id) throws StoreException {
        return db.read("read a dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM datasets WHERE id=?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Dataset>empty();
                }
            }
        });
    }

    @Override
    public Optional<Dataset> findByName(String name) throws StoreException {
        return db.read("read a dataset", c -> findByName(c, name));
    }

    private static Optional<Dataset> findByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM datasets WHERE name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public void delete(long id) throws StoreException {
        db.write("delete a dataset", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM datasets WHERE id=?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Dataset map(ResultSet rs) throws SQLException {
        return new Dataset(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                DatasetFormat.fromId(rs.getString(4)).orElse(DatasetFormat.ALPACA_JSON),
                Instant.parse(rs.getString(5)),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8));
    }
}
