package dev.sift.core.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Conversions between nullable columns and the zero / empty conventions of the store records. */
final class Columns {

    private Columns() {}

    /** Binds an id where 0 means "none" (NULL). */
    static void setId(PreparedStatement ps, int index, long id) throws SQLException {
        if (id == 0) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, id);
        }
    }

    /** Reads an id where NULL becomes 0. */
    static long id(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? 0 : value;
    }

    static void setInt(PreparedStatement ps, int index, OptionalInt value) throws SQLException {
        if (value.isPresent()) {
            ps.setInt(index, value.getAsInt());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    static OptionalInt optionalInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    static void setDouble(PreparedStatement ps, int index, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            ps.setDouble(index, value.getAsDouble());
        } else {
            ps.setNull(index, Types.REAL);
        }
    }

    static OptionalDouble optionalDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Binds text where the empty string means NULL. */
    static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Reads text where NULL becomes the empty string. */
    static String text(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
    }

    /**
     * Runs an insert and returns the new row id. Generated-key retrieval is off on our connections (it
     * costs a statement per insert), so the id is read with {@code last_insert_rowid()} on the same
     * connection, which only the writer thread uses.
     */
    static long insert(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (var s = ps.getConnection().createStatement();
                ResultSet keys = s.executeQuery("SELECT last_insert_rowid()")) {
            if (!keys.next()) {
                throw new SQLException("no row id returned by the insert");
            }
            return keys.getLong(1);
        }
    }

    /** {@code (1,2,3)} for an SQL {@code IN}; {@code (NULL)}, which matches nothing, for no ids. Ids are numbers. */
    static String inList(long[] ids) {
        if (ids.length == 0) {
            return "(NULL)";
        }
        var joined = new StringBuilder("(");
        for (int i = 0; i < ids.length; i++) {
            joined.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return joined.append(')').toString();
    }

    /** Reads the current row of a result into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql}, whose one parameter is {@code key}, each read by {@code row}, in order. */
    static <T> List<T> list(Connection c, String sql, long key, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                var result = new ArrayList<T>();
                while (rs.next()) {
                    result.add(row.read(rs));
                }
                return List.copyOf(result);
            }
        }
    }

    /** The first column of the rows of {@code sql}, whose one parameter is {@code key}, as longs, in order. */
    static long[] longs(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return longs(rs);
            }
        }
    }

    /** The first column of every remaining row, as longs, in order. */
    static long[] longs(ResultSet rs) throws SQLException {
        long[] values = new long[64];
        int n = 0;
        while (rs.next()) {
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = rs.getLong(1);
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /** The lower-case hex form of bytes. */
    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
