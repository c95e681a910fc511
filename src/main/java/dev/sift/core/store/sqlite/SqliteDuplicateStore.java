package dev.sift.core.store.sqlite;

import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.DuplicateStore;
import dev.sift.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class SqliteDuplicateStore implements DuplicateStore {

    private final SqliteDatabase db;

    SqliteDuplicateStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public DuplicateScan save(long datasetId, String model, double threshold, List<DuplicateGroup> groups)
            throws StoreException {
        Instant now = Instant.now();
        long scanId = db.write("store duplicate groups", c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO duplicate_scans(dataset_id, model, threshold,"
                    + " created_at, group_count) VALUES (?,?,?,?,?) RETURNING id")) {
                ps.setLong(1, datasetId);
                ps.setString(2, model);
                ps.setDouble(3, threshold);
                ps.setString(4, now.toString());
                ps.setInt(5, groups.size());
                try (ResultSet keys = ps.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO duplicate_members(scan_id, group_no, sample_id, similarity) VALUES (?,?,?,?)")) {
                for (int g = 0; g < groups.size(); g++) {
                    for (DuplicateGroup.Member m : groups.get(g).members()) {
                        ps.setLong(1, id);
                        ps.setInt(2, g);
                        ps.setLong(3, m.sampleId());
                        ps.setDouble(4, m.similarity());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return id;
        });
        return new DuplicateScan(scanId, datasetId, model, threshold, now, groups);
    }

    @Override
    public Optional<DuplicateScan> latest(long datasetId) throws StoreException {
        return db.read("read duplicate groups", c -> {
            long scanId;
            String model;
            double threshold;
            Instant createdAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, model, threshold, created_at FROM duplicate_scans"
                    + " WHERE dataset_id=? ORDER BY id DESC LIMIT 1")) {
                ps.setLong(1, datasetId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<DuplicateScan>empty();
                    }
                    scanId = rs.getLong(1);
                    model = rs.getString(2);
                    threshold = rs.getDouble(3);
                    createdAt = Instant.parse(rs.getString(4));
                }
            }
            var groups = new ArrayList<DuplicateGroup>();
            try (PreparedStatement ps = c.prepareStatement("SELECT group_no, sample_id, similarity FROM duplicate_members"
                    + " WHERE scan_id=? ORDER BY group_no, similarity DESC, sample_id")) {
                ps.setLong(1, scanId);
                try (ResultSet rs = ps.executeQuery()) {
                    int currentGroup = -1;
                    var members = new ArrayList<DuplicateGroup.Member>();
                    while (rs.next()) {
                        if (rs.getInt(1) != currentGroup && !members.isEmpty()) {
                            groups.add(new DuplicateGroup(members));
                            members.clear();
                        }
                        currentGroup = rs.getInt(1);
                        members.add(new DuplicateGroup.Member(rs.getLong(2), rs.getDouble(3)));
                    }
                    if (!members.isEmpty()) {
                        groups.add(new DuplicateGroup(members));
                    }
                }
            }
            return Optional.of(new DuplicateScan(scanId, datasetId, model, threshold, createdAt, groups));
        });
    }
}
