package dev.sift.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.SeedChunkKind;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the team's shared real seed documents (kept next to the repository, not in it): public-domain and
 * encyclopedic text, web text as JSONL, Markdown guides and source files stored as JSONL records. Checks what a
 * curator relies on: every document read, code records recognised as code, no chunk over the budget, and each
 * document's first and last words kept.
 */
class RealSeedsImportIT {

    /** Beside the repository; {@code -Dsift.datasets=<folder>} points elsewhere (e.g. from a worktree). */
    private static final Path SEEDS = (System.getProperty("sift.datasets") != null
            ? Path.of(System.getProperty("sift.datasets")) : Path.of("..", "shared", "datasets")).resolve("seeds");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSharedSeedsImportWithinTheBudgetAndKeepEveryDocument() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/datasets/seeds not present: skipping real-seed import test");
        var settings = new ChunkSettings(384, 48, "text");
        try (ProjectStore store = SqliteProjectStore.create(dir.resolve("seeds.sift"))) {
            SeedImportResult result = new SeedImportJob(new SeedImportRequest("shared", List.of(SEEDS), settings),
                    store).run(TestContext.running());

            assertThat(result.warnings()).isEmpty();
            Map<String, List<SeedChunk>> byDocument = new LinkedHashMap<>();
            store.seeds().forEachChunk(result.collection().id(), chunk -> byDocument
                    .computeIfAbsent(chunk.source(), s -> new ArrayList<>()).add(chunk));
            assertThat(byDocument).hasSize(result.collection().documents());
            var counter = new ApproximateTokenCounter();
            for (List<SeedChunk> chunks : byDocument.values()) {
                for (SeedChunk chunk : chunks) {
                    assertThat(chunk.tokenCount()).as(chunk.source() + " chunk " + chunk.chunkIndex())
                            .isBetween(1, settings.chunkTokens()).isEqualTo(counter.count(chunk.text()));
                }
            }

            Set<String> languages = new TreeSet<>();
            int codeDocuments = 0;
            for (var e : byDocument.entrySet()) {
                if (e.getKey().contains("code_seeds.jsonl#")) {
                    codeDocuments++;
                    assertThat(e.getValue()).allMatch(c -> c.kind() == SeedChunkKind.CODE);
                    e.getValue().forEach(c -> languages.add(c.language()));
                }
            }
            List<JsonNode> codeRecords = records(SEEDS.resolve("code_seeds.jsonl"));
            assertThat(codeDocuments).isEqualTo(codeRecords.size());
            assertThat(languages).containsExactlyInAnyOrder(codeRecords.stream()
                    .map(r -> r.path("language").asText()).distinct().toArray(String[]::new));

            long webDocuments = byDocument.keySet().stream().filter(s -> s.contains("c4_300_docs.jsonl#")).count();
            assertThat(webDocuments).as("web documents read (an exact repeat would be counted as a duplicate)")
                    .isEqualTo(records(SEEDS.resolve("text/c4_300_docs.jsonl")).size());

            String guide = Files.readString(SEEDS.resolve("docs/gson_UserGuide.md")).strip();
            List<SeedChunk> guideChunks = byDocument.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("gson_UserGuide.md")).findFirst().orElseThrow().getValue();
            assertThat(guideChunks).allMatch(c -> c.kind() == SeedChunkKind.MARKDOWN);
            assertThat(guideChunks.get(0).text()).startsWith(firstWords(guide));
            assertThat(guideChunks.get(guideChunks.size() - 1).text().strip()).endsWith(lastWords(guide));
            assertThat(guideChunks.size()).as("a 35 KB guide needs several chunks of 384 tokens")
                    .isGreaterThan(counter.count(guide) / settings.chunkTokens());
        }
    }

    private static List<JsonNode> records(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static String firstWords(String text) {
        return text.substring(0, Math.min(40, text.length())).replaceAll("\\s+\\S*$", "");
    }

    private static String lastWords(String text) {
        String tail = text.substring(Math.max(0, text.length() - 40));
        return tail.replaceAll("^\\S*\\s+", "");
    }
}
