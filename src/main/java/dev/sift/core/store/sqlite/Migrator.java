package dev.sift.core.store.sqlite;

import dev.sift.core.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a project file to the current schema by running the numbered scripts it has not seen yet.
 * The schema version is SQLite's {@code user_version}; {@code application_id} marks the file as a
 * Sift project so that another SQLite file is never mistaken for one.
 */
final class Migrator {

    /** 'SIFT' in ASCII. */
    static final int APPLICATION_ID = 0x53494654;

    /** Migration scripts in order; script i brings the schema to version i + 1. */
    static final List<String> SCRIPTS = List.of("V001__init.sql", "V002__endpoint_chat_template.sql",
            "V003__review.sql", "V004__score_losses_and_review_indexes.sql", "V005__agentinstruct.sql");

    private Migrator() {}

    static int currentVersion() {
        return SCRIPTS.size();
    }

    /** Runs inside the caller's transaction: DDL and these PRAGMAs are transactional in SQLite. */
    static void migrate(Connection connection, String fileName) throws SQLException, StoreException {
        int applicationId = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        if (applicationId != APPLICATION_ID && (applicationId != 0 || version != 0 || hasTables(connection))) {
            throw new StoreException(fileName + " is not a Sift project (it is another SQLite database)");
        }
        if (version > currentVersion()) {
            throw new StoreException(fileName + " was written by a newer Sift (schema " + version
                    + ", this version reads up to " + currentVersion() + "); update Sift to open it");
        }
        for (int i = version; i < SCRIPTS.size(); i++) {
            apply(connection, SCRIPTS.get(i), i + 1);
        }
    }

    private static void apply(Connection connection, String script, int newVersion) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String statement : splitStatements(load(script))) {
                s.execute(statement);
            }
            s.execute("PRAGMA application_id=" + APPLICATION_ID);
            s.execute("PRAGMA user_version=" + newVersion);
        }
    }

    /**
     * Splits a script on semicolons that end a line, except inside a trigger, which ends at a line {@code END;};
     * comment lines are dropped.
     */
    static List<String> splitStatements(String sql) {
        var statements = new java.util.ArrayList<String>();
        var current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            boolean trigger = current.toString().stripLeading().toUpperCase(java.util.Locale.ROOT)
                    .startsWith("CREATE TRIGGER");
            if (trigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String load(String script) {
        try (InputStream in = Migrator.class.getResourceAsStream("migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + script, e);
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }
}
