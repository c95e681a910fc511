package dev.sift.core.store.sqlite;

import dev.sift.core.store.ExportLog;
import dev.sift.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class SqliteExportLog implements ExportLog {

    private final SqliteDatabase db;

    SqliteExportLog(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void record(String path, String format, long records, String manifestJson) throws StoreException {
        db.write("record an export", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exports(path, format, record_count,"
                    + " manifest_json, exported_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, path);
                ps.setString(2, format);
                ps.setLong(3, records);
                ps.setString(4, manifestJson);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Entry> list() throws StoreException {
        return db.read("list exports", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT id, path, format, record_count, exported_at FROM exports ORDER BY id")) {
                var entries = new ArrayList<Entry>();
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            Instant.parse(rs.getString(5))));
                }
                return List.copyOf(entries);
            }
        });
    }
}
