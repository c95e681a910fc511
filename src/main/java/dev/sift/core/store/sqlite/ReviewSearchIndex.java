package dev.sift.core.store.sqlite;

import dev.sift.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review's word index ({@code review_search}, SQLite FTS5): one document per sample, rowid = sample id, holding
 * the sample's text and every candidate's. It is brought up to date on demand, in chunks of
 * {@value #CHUNK} samples so that other writes are never held up for long: samples and candidates newer than those
 * last indexed are added. Triggers move the marks back before a deleted sample or candidate, so a row that takes over
 * a freed id is indexed again.
 */
final class ReviewSearchIndex {

    static final int CHUNK = 2000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final SqliteDatabase db;

    ReviewSearchIndex(SqliteDatabase db) {
        this.db = db;
    }

    /** Sample ids of the datasets matching every word of {@code query} (each as a prefix), ascending. */
    long[] search(String query, long[] datasetIds) throws StoreException {
        update();
        String match = matchExpression(query);
        String in = Columns.inList(datasetIds);
        return db.read("search the review", c -> {
            String sql = match.isEmpty()
                    ? "SELECT id FROM samples WHERE dataset_id IN " + in + " ORDER BY id"
                    : "SELECT f.rowid FROM review_search f JOIN samples s ON s.id = f.rowid WHERE review_search"
                            + " MATCH ? AND s.dataset_id IN " + in + " ORDER BY f.rowid";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (!match.isEmpty()) {
                    ps.setString(1, match);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return Columns.longs(rs);
                }
            }
        });
    }

    /** The FTS5 query for the words of {@code query}: each quoted and taken as a prefix, all required. */
    static String matchExpression(String query) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find()) {
            terms.add("\"" + m.group() + "\"*");
        }
        return String.join(" ", terms);
    }

    /** Indexes what is new, chunk by chunk, rebuilding first when deletions could have let ids be reused. */
    void update() throws StoreException {
        while (db.write("update the search index", this::step)) {
            // each step is its own transaction
        }
    }

    /** One chunk of work; true while there is more. */
    private boolean step(Connection c) throws SQLException {
        long[] state = state(c);
        long lastSample = state[0];
        long lastCandidate = state[1];
        // first, samples already indexed that got candidates since: a chunk of those candidates at a time
        List<Long> dirty = new ArrayList<>();
        long reached = lastCandidate;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, sample_id FROM candidates WHERE id > ? AND"
                + " sample_id <= ? ORDER BY id LIMIT " + CHUNK)) {
            ps.setLong(1, lastCandidate);
            ps.setLong(2, lastSample);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reached = rs.getLong(1);
                    dirty.add(rs.getLong(2));
                }
            }
        }
        if (!dirty.isEmpty()) {
            index(c, dirty.stream().distinct().sorted().toList());
            save(c, lastSample, reached);
            return true;
        }
        // then the next chunk of new samples, with all their candidates
        long maxCandidate = scalar(c, "SELECT coalesce(max(id), 0) FROM candidates");
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM samples WHERE id > ? ORDER BY id LIMIT "
                + CHUNK)) {
            ps.setLong(1, lastSample);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    dirty.add(rs.getLong(1));
                }
            }
        }
        if (dirty.isEmpty()) {
            if (maxCandidate != lastCandidate) {
                save(c, lastSample, maxCandidate);
            }
            return false;
        }
        index(c, dirty);
        // every candidate so far belongs to an indexed sample or to one a later chunk indexes whole
        save(c, dirty.get(dirty.size() - 1), maxCandidate);
        return true;
    }

    /** Writes the documents of the given samples, replacing what was there. */
    private static void index(Connection c, List<Long> sampleIds) throws SQLException {
        String in = "(" + String.join(",", sampleIds.stream().map(String::valueOf).toList()) + ")";
        var docs = new java.util.TreeMap<Long, StringBuilder>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, system, instruction, input, output,"
                + " coalesce(messages_json, '') FROM samples WHERE id IN " + in)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    var doc = new StringBuilder();
                    for (int k = 2; k <= 6; k++) {
                        doc.append(rs.getString(k)).append('\n');
                    }
                    docs.put(rs.getLong(1), doc);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT sample_id, instruction, input, response FROM candidates"
                + " WHERE sample_id IN " + in)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder doc = docs.get(rs.getLong(1));
                    if (doc != null) {
                        doc.append(rs.getString(2)).append('\n').append(rs.getString(3)).append('\n')
                                .append(rs.getString(4)).append('\n');
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO review_search(rowid, text) VALUES (?,?)")) {
            for (var doc : docs.entrySet()) {
                ps.setLong(1, doc.getKey());
                ps.setString(2, doc.getValue().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The last sample id and the last candidate id indexed. */
    private static long[] state(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT last_sample_id, last_candidate_id FROM review_search_state")) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {0, 0};
        }
    }

    private static void save(Connection c, long lastSample, long lastCandidate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO review_search_state(id, last_sample_id,"
                + " last_candidate_id) VALUES (1,?,?)")) {
            ps.setLong(1, lastSample);
            ps.setLong(2, lastCandidate);
            ps.executeUpdate();
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
