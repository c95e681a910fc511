package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteProjectStoreTest {

    @TempDir
    Path dir;

    @Test
    void createdProjectHasTheWholeDomainSchemaInWalMode() throws Exception {
        Path file = dir.resolve("p.sift");
        SqliteProjectStore.create(file).close();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(single(s, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrator.currentVersion()));
            assertThat(single(s, "PRAGMA application_id")).isEqualTo(String.valueOf(Migrator.APPLICATION_ID));
            var tables = new ArrayList<String>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("datasets", "samples", "endpoints", "agents", "agent_pairs", "runs",
                    "run_events", "candidates", "scores", "decisions", "weight_history", "llm_calls", "exports",
                    "sample_embeddings", "duplicate_scans", "duplicate_members");
        }
    }

    @Test
    void datasetsSurviveReopening() throws Exception {
        Path file = dir.resolve("p.sift");
        try (var store = SqliteProjectStore.create(file)) {
            store.datasets().importDataset(new NewDataset("d", "d.json", DatasetFormat.ALPACA_JSON),
                    sink -> sink.add(0, SampleContent.single("Say hi", "", "Hi")));
        }
        try (var store = SqliteProjectStore.open(file)) {
            assertThat(store.datasets().list()).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo("d");
                assertThat(d.samples()).isEqualTo(1);
            });
        }
    }

    @Test
    void createRefusesAnExistingFileAndOpenRefusesAMissingOne() throws Exception {
        Path file = dir.resolve("p.sift");
        SqliteProjectStore.create(file).close();
        assertThatThrownBy(() -> SqliteProjectStore.create(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> SqliteProjectStore.open(dir.resolve("missing.sift")))
                .isInstanceOf(StoreException.class).hasMessageContaining("No project at");
    }

    @Test
    void aTextFileIsNotAProject() throws Exception {
        Path file = dir.resolve("notes.sift");
        Files.writeString(file, "just some notes, not a database at all");
        assertThatThrownBy(() -> SqliteProjectStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessage("notes.sift is not a Sift project (not an SQLite file)");
    }

    @Test
    void anotherSqliteDatabaseIsNotAProjectAndIsLeftAlone() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE people(name TEXT)");
        }
        assertThatThrownBy(() -> SqliteProjectStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Sift project");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM sqlite_master WHERE type='table'")).isEqualTo("1");
        }
    }

    @Test
    void aProjectFromANewerSiftIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("future.sift");
        SqliteProjectStore.create(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }
        assertThatThrownBy(() -> SqliteProjectStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Sift").hasMessageContaining("schema 99");
    }

    @Test
    void aClosedStoreSaysSo() throws Exception {
        var store = SqliteProjectStore.create(dir.resolve("p.sift"));
        store.close();
        assertThatThrownBy(() -> store.datasets().list()).isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void migrationScriptsSplitIntoStatements() {
        List<String> statements = Migrator.splitStatements("-- comment\nCREATE TABLE a(x);\n\nCREATE TABLE b(\n y\n);\n");
        assertThat(statements).containsExactly("CREATE TABLE a(x);", "CREATE TABLE b(\n y\n);");
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
