package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.store.Score;
import dev.sift.core.store.ScoreLosses;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project of schema 2 (scores holding their losses inline) upgraded to the review schema and beyond. */
class ReviewMigrationTest {

    @TempDir
    Path dir;

    @Test
    void scoresKeepTheirLossesInTheirOwnTableAndTheReviewTablesAppear() throws Exception {
        Path file = dir.resolve("old.sift");
        float[] conditioned = {Float.NaN, 1.5f, 0.25f};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String script : List.of("V001__init.sql", "V002__endpoint_chat_template.sql")) {
                for (String statement : Migrator.splitStatements(script(script))) {
                    s.execute(statement);
                }
            }
            s.execute("PRAGMA application_id=" + Migrator.APPLICATION_ID);
            s.execute("PRAGMA user_version=2");
            s.execute("INSERT INTO datasets VALUES (1, 'd', 'd.jsonl', 'alpaca-jsonl', 'now', 1, 1, 0)");
            s.execute("INSERT INTO samples(id, dataset_id, record_index, system, instruction, input, output, category,"
                    + " char_count, content_hash) VALUES (1, 1, 0, '', 'Say hi', '', 'hi', '', 8, x'01')");
            s.execute("INSERT INTO candidates(id, sample_id, origin, instruction, response, created_at)"
                    + " VALUES (7, 1, 'original', 'Say hi', 'hi', 'now')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scores(candidate_id, metric, value, scorer,"
                    + " template, nll_conditioned, details_json, created_at) VALUES (7, 'ifd', 0.8, 'tiny', 'alpaca',"
                    + " ?, '{\"ifd_ppl\":0.7}', '2026-01-01T00:00:00Z')")) {
                ps.setBytes(1, FloatVectors.toBytes(conditioned));
                ps.executeUpdate();
            }
        }

        try (var store = SqliteProjectStore.open(file)) {
            Score score = store.scores().listBySample(1).get(0);
            assertThat(score.value()).isEqualTo(0.8);
            assertThat(score.detailsJson()).isEqualTo("{\"ifd_ppl\":0.7}");
            ScoreLosses losses = store.scores().losses(score.id()).orElseThrow();
            assertThat(losses.conditioned()).containsExactly(Double.NaN, 1.5, 0.25);
            assertThat(losses.direct()).isEmpty();
            assertThat(store.review().search("hi", new long[] {1})).containsExactly(1L);
            assertThat(store.review().nextUndo()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pragma_table_info('scores')"
                        + " WHERE name LIKE 'nll%'")) {
            assertThat(rs.getInt(1)).as("the blobs left the score rows").isZero();
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Migrator.class.getResourceAsStream("migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
