package dev.sift.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.model.Endpoint;
import dev.sift.core.model.EndpointKind;
import dev.sift.core.store.StoreException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat template of LOCAL endpoints, and the V002 migration that added it to existing projects. */
class EndpointChatTemplateStoreTest {

    @TempDir
    Path dir;

    private static Endpoint local(String name, String template) {
        return new Endpoint(0, name, EndpointKind.LOCAL, "", "/models/tiny", "", 1, OptionalInt.empty(),
                OptionalInt.empty(), 0, 0, "", template);
    }

    @Test
    void aLocalEndpointKeepsItsTemplateNormalisedAndAnEmptyOneMeansDetect() throws Exception {
        try (var store = SqliteProjectStore.create(dir.resolve("p.sift"))) {
            Endpoint chosen = store.endpoints().add(local("qwen", " ChatML "));
            Endpoint detecting = store.endpoints().add(local("smol", ""));

            assertThat(store.endpoints().find(chosen.id()).orElseThrow().chatTemplate()).isEqualTo("chatml");
            assertThat(store.endpoints().find(detecting.id()).orElseThrow().chatTemplateName()).isEmpty();

            store.endpoints().update(detecting.withChatTemplate("llama3"));
            assertThat(store.endpoints().findByName("smol").orElseThrow().chatTemplate()).isEqualTo("llama3");
        }
    }

    @Test
    void aServerEndpointCannotHaveATemplate() throws Exception {
        try (var store = SqliteProjectStore.create(dir.resolve("p.sift"))) {
            Endpoint server = Endpoint.openAi("vllm", "http://127.0.0.1:8000/v1", "").withChatTemplate("chatml");

            assertThatThrownBy(() -> store.endpoints().add(server)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("vllm").hasMessageContaining("only to in-process models");
            assertThatThrownBy(() -> store.endpoints().add(local("odd", "chat ml; drop")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("odd");
        }
    }

    @Test
    void aProjectOfSchemaOneIsUpgradedAndKeepsItsEndpoints() throws Exception {
        Path file = dir.resolve("old.sift");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String statement : Migrator.splitStatements(script("V001__init.sql"))) {
                s.execute(statement);
            }
            s.execute("PRAGMA application_id=" + Migrator.APPLICATION_ID);
            s.execute("PRAGMA user_version=1");
            s.execute("INSERT INTO endpoints(name, kind, model_dir, max_concurrency, created_at)"
                    + " VALUES ('old-local', 'local', '/models/tiny', 1, '2026-01-01T00:00:00Z')");
        }

        try (var store = SqliteProjectStore.open(file)) {
            Endpoint old = store.endpoints().findByName("old-local").orElseThrow();
            assertThat(old.kind()).isEqualTo(EndpointKind.LOCAL);
            assertThat(old.chatTemplate()).isEmpty();
            store.endpoints().update(old.withChatTemplate("gemma"));
            assertThat(store.endpoints().find(old.id()).orElseThrow().chatTemplate()).isEqualTo("gemma");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Migrator.currentVersion());
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Migrator.class.getResourceAsStream("migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
