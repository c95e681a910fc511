package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.SampleContent;
import dev.sift.core.store.AddedPair;
import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.PairProvenance;
import dev.sift.core.store.SeedChunkKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project of schema 4 gains the seed and AgentInstruct tables and keeps its data. */
class AgentInstructMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aSchemaFourProjectGainsSeedsAndProvenance() throws Exception {
        Path file = dir.resolve("old.sift");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (int i = 0; i < 4; i++) {
                for (String statement : Migrator.splitStatements(script(Migrator.SCRIPTS.get(i)))) {
                    s.execute(statement);
                }
            }
            s.execute("PRAGMA application_id=" + Migrator.APPLICATION_ID);
            s.execute("PRAGMA user_version=4");
            s.execute("INSERT INTO datasets VALUES (1, 'd', 'd.jsonl', 'alpaca-jsonl', '2026-01-01T00:00:00Z', 1, 1, 0)");
            s.execute("INSERT INTO samples(id, dataset_id, record_index, system, instruction, input, output, category,"
                    + " char_count, content_hash) VALUES (1, 1, 0, '', 'Say hi', '', 'hi', '', 8, x'01')");
            s.execute("INSERT INTO runs(id, recipe, dataset_id, config_json, seed, status, created_at)"
                    + " VALUES (3, 'agentinstruct', 1, '{}', 0, 'running', 'now')");
        }

        try (var store = SqliteProjectStore.open(file)) {
            long collection = store.seeds().importCollection("seeds", "{}", sink -> sink.add(new NewSeedChunk("a.txt",
                    SeedChunkKind.TEXT, "", 0, "Seed text.", 2))).id();
            long chunk = store.seeds().chunkIds(collection)[0];
            long content = store.instruct().saveContent(3, chunk, "fermi", "identity", 0, "Seed text.");
            AddedPair pair = store.instruct().addPair(3, 1, SampleContent.single("How many?", "", "About ten."),
                    new PairProvenance(content, "fermi", "estimate", 0, null, null));

            assertThat(store.datasets().find(1).orElseThrow().samples()).isEqualTo(2);
            assertThat(store.instruct().provenance(pair.sampleId()).orElseThrow().seed().orElseThrow().text())
                    .isEqualTo("Seed text.");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(5);
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Migrator.class.getResourceAsStream("migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
