package dev.sift.core.store.sqlite;

import dev.sift.core.model.SampleContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts an import's rows with multi-row INSERT statements ({@link #ROWS_PER_STATEMENT} rows per
 * execution), which cuts the JDBC round trips per row several-fold; exact duplicates are ignored by
 * the samples table's unique key.
 */
final class SampleInserter implements AutoCloseable {

    static final int ROWS_PER_STATEMENT = 32;
    private static final int COLUMNS = 10;
    private static final String PREFIX = "INSERT OR IGNORE INTO samples(dataset_id, record_index, system, instruction,"
            + " input, output, messages_json, category, char_count, content_hash) VALUES ";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?)";

    private final Connection connection;
    private final long datasetId;
    private final PreparedStatement full;

    SampleInserter(Connection connection, long datasetId) throws SQLException {
        this.connection = connection;
        this.datasetId = datasetId;
        this.full = connection.prepareStatement(sql(ROWS_PER_STATEMENT));
    }

    void insertAll(List<ImportPipe.Row> rows) throws SQLException {
        int i = 0;
        for (; i + ROWS_PER_STATEMENT <= rows.size(); i += ROWS_PER_STATEMENT) {
            bind(full, rows, i, ROWS_PER_STATEMENT);
            full.executeUpdate();
        }
        int rest = rows.size() - i;
        if (rest > 0) {
            try (PreparedStatement tail = connection.prepareStatement(sql(rest))) {
                bind(tail, rows, i, rest);
                tail.executeUpdate();
            }
        }
    }

    private void bind(PreparedStatement ps, List<ImportPipe.Row> rows, int from, int count) throws SQLException {
        for (int r = 0; r < count; r++) {
            ImportPipe.Row row = rows.get(from + r);
            SampleContent content = row.content();
            int p = r * COLUMNS;
            ps.setLong(p + 1, datasetId);
            ps.setInt(p + 2, row.recordIndex());
            ps.setString(p + 3, content.system());
            ps.setString(p + 4, content.instruction());
            ps.setString(p + 5, content.input());
            ps.setString(p + 6, content.output());
            ps.setString(p + 7, row.messagesJson());
            ps.setString(p + 8, content.category());
            ps.setInt(p + 9, content.characterCount());
            ps.setBytes(p + 10, row.hash());
        }
    }

    private static String sql(int rows) {
        return PREFIX + (ROW + ",").repeat(rows - 1) + ROW;
    }

    @Override
    public void close() throws SQLException {
        full.close();
    }
}
