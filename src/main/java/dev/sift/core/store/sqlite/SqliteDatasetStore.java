package dev.sift.core.store.sqlite;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.DatasetStore;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.SampleSource;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Future;
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
        var pipe = new ImportPipe();
        Future<Dataset> writing = db.submitWrite(c -> write(c, dataset, pipe));
        pipe.attach(writing);
        try {
            source.emit(pipe);
            pipe.finish();
        } catch (Exception | Error e) {
            pipe.abort();
            try {
                db.<Dataset, Exception>await("import " + dataset.name(), writing);
            } catch (Exception writerFailure) {
                // the writer rolled back; Aborted is the expected answer to abort(), anything else is news
                if (!(writerFailure instanceof ImportPipe.Aborted)) {
                    e.addSuppressed(writerFailure);
                }
            }
            throw e;
        }
        try {
            return db.<Dataset, Exception>await("import " + dataset.name(), writing);
        } catch (StoreException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("Import of " + dataset.name() + " stopped: " + e.getMessage(), e);
        }
    }

    /** Writer side of an import: the dataset row, then every batch the pipe delivers, in one transaction. */
    private static Dataset write(Connection c, NewDataset dataset, ImportPipe pipe)
            throws SQLException, StoreException, ImportPipe.Aborted, InterruptedException {
        if (findByName(c, dataset.name()).isPresent()) {
            throw new StoreException("A dataset named '" + dataset.name() + "' already exists in this project");
        }
        Instant now = Instant.now();
        long id = insertDataset(c, dataset, now);
        int records = 0;
        try (var insert = new SampleInserter(c, id)) {
            List<ImportPipe.Row> batch;
            while (!(batch = pipe.take()).isEmpty()) {
                insert.insertAll(batch);
                records += batch.size();
            }
        }
        int samples = countSamples(c, id);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE datasets SET record_count=?, sample_count=?, duplicate_count=? WHERE id=?")) {
            ps.setInt(1, records);
            ps.setInt(2, samples);
            ps.setInt(3, records - samples);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
        return new Dataset(id, dataset.name(), dataset.sourceFile(), dataset.format(), now, records, samples,
                records - samples);
    }

    private static int countSamples(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM samples WHERE dataset_id=?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long insertDataset(Connection c, NewDataset dataset, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO datasets(name, source_file, format, imported_at, record_count, sample_count, duplicate_count)"
                        + " VALUES (?,?,?,?,0,0,0) RETURNING id")) {
            ps.setString(1, dataset.name());
            ps.setString(2, dataset.sourceFile());
            ps.setString(3, dataset.format().id());
            ps.setString(4, now.toString());
            try (ResultSet keys = ps.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
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
