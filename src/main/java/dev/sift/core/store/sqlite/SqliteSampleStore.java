package dev.sift.core.store.sqlite;

import dev.sift.core.model.ContentHash;
import dev.sift.core.model.Sample;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.SampleStore;
import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class SqliteSampleStore implements SampleStore {

    private static final String COLUMNS = "id, dataset_id, record_index, system, instruction, input, output,"
            + " messages_json, category, content_hash";
    private static final int FETCH_CHUNK = 500;

    private final SqliteDatabase db;

    SqliteSampleStore(SqliteDatabase db) {
        this.db = db;
    }

    /** A WHERE clause and its parameters. */
    private record Filter(String where, List<Object> parameters) {
        static Filter of(SampleQuery query) {
            var clauses = new ArrayList<String>();
            var parameters = new ArrayList<Object>();
            if (!query.datasetIds().isEmpty()) {
                clauses.add("dataset_id IN (" + "?,".repeat(query.datasetIds().size() - 1) + "?)");
                parameters.addAll(query.datasetIds());
            }
            if (!query.text().isEmpty()) {
                String pattern = "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                var fields = List.of("instruction", "input", "output", "system", "messages_json");
                var likes = new ArrayList<String>();
                for (String field : fields) {
                    likes.add(field + " LIKE ? ESCAPE '\\'");
                    parameters.add(pattern);
                }
                clauses.add("(" + String.join(" OR ", likes) + ")");
            }
            if (!query.sampleIds().isEmpty()) {
                // one JSON array parameter, so that any number of ids stays within SQLite's parameter limit
                clauses.add("id IN (SELECT value FROM json_each(?))");
                parameters.add(query.sampleIds().toString());
            }
            if (query.chosenOnly()) {
                clauses.add("id IN (SELECT d.sample_id FROM decisions d WHERE d.undone_at IS NULL"
                        + " AND d.action IN ('choose', 'edit') AND d.id = (SELECT max(e.id) FROM decisions e"
                        + " WHERE e.sample_id = d.sample_id AND e.undone_at IS NULL))");
            }
            return new Filter(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), parameters);
        }

        PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            return ps;
        }
    }

    @Override
    public long count(SampleQuery query) throws StoreException {
        Filter filter = Filter.of(query);
        return db.read("count samples", c -> {
            try (PreparedStatement ps = filter.prepare(c, "SELECT count(*) FROM samples" + filter.where());
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public long[] ids(SampleQuery query) throws StoreException {
        Filter filter = Filter.of(query);
        return db.read("list samples", c -> {
            try (PreparedStatement ps = filter.prepare(c,
                            "SELECT id FROM samples" + filter.where() + " ORDER BY dataset_id, record_index");
                    ResultSet rs = ps.executeQuery()) {
                var ids = new LongArray();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.toArray();
            }
        });
    }

    @Override
    public List<Sample> fetch(long[] ids, int from, int to) throws StoreException {
        if (from >= to) {
            return List.of();
        }
        return db.read("read samples", c -> {
            Map<Long, Sample> found = new HashMap<>();
            for (int start = from; start < to; start += FETCH_CHUNK) {
                int end = Math.min(to, start + FETCH_CHUNK);
                String sql = "SELECT " + COLUMNS + " FROM samples WHERE id IN (" + "?,".repeat(end - start - 1) + "?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = start; i < end; i++) {
                        ps.setLong(i - start + 1, ids[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Sample sample = map(rs);
                            found.put(sample.id(), sample);
                        }
                    }
                }
            }
            var ordered = new ArrayList<Sample>(to - from);
            for (int i = from; i < to; i++) {
                Sample sample = found.get(ids[i]);
                if (sample != null) {
                    ordered.add(sample);
                }
            }
            return List.copyOf(ordered);
        });
    }

    @Override
    public <E extends Exception> void forEach(SampleQuery query, SampleVisitor<E> visitor) throws E, StoreException {
        Filter filter = Filter.of(query);
        // Read in pages keyed by id so that no statement stays open across the visitor's work.
        long after = Long.MIN_VALUE;
        while (true) {
            long lastId = after;
            List<Sample> page = db.read("read samples", c -> {
                String where = filter.where().isEmpty() ? " WHERE id > ?" : filter.where() + " AND id > ?";
                try (PreparedStatement ps = filter.prepare(c, "SELECT " + COLUMNS + " FROM samples" + where
                        + " ORDER BY id LIMIT " + FETCH_CHUNK)) {
                    ps.setLong(filter.parameters().size() + 1, lastId);
                    try (ResultSet rs = ps.executeQuery()) {
                        var samples = new ArrayList<Sample>(FETCH_CHUNK);
                        while (rs.next()) {
                            samples.add(map(rs));
                        }
                        return samples;
                    }
                }
            });
            for (Sample sample : page) {
                visitor.visit(sample);
            }
            if (page.size() < FETCH_CHUNK) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    @Override
    public int[] characterCounts(SampleQuery query) throws StoreException {
        Filter filter = Filter.of(query);
        return db.read("read sample lengths", c -> {
            try (PreparedStatement ps = filter.prepare(c, "SELECT char_count FROM samples" + filter.where());
                    ResultSet rs = ps.executeQuery()) {
                var counts = new LongArray();
                while (rs.next()) {
                    counts.add(rs.getInt(1));
                }
                long[] raw = counts.toArray();
                int[] result = new int[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    result[i] = (int) raw[i];
                }
                return result;
            }
        });
    }

    private static Sample map(ResultSet rs) throws SQLException {
        var content = new SampleContent(
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                MessagesJson.read(rs.getString(8)),
                rs.getString(9));
        return new Sample(rs.getLong(1), rs.getLong(2), rs.getInt(3), content, ContentHash.hex(rs.getBytes(10)));
    }

    /** A growable array of longs, so that a million ids cost 8 MB and not 24. */
    private static final class LongArray {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
