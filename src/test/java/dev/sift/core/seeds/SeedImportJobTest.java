package dev.sift.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.dataset.ImportException;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.store.SeedChunk;
import dev.sift.core.store.SeedChunkKind;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.testing.EmptyProjectTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedImportJobTest extends EmptyProjectTest {

    private static final Path SAMPLE_SEEDS = Path.of("datasets/seeds");

    private SeedImportResult importSeeds(String name, ChunkSettings settings, Path... paths) throws Exception {
        return new SeedImportJob(new SeedImportRequest(name, List.of(paths), settings), store)
                .run(TestContext.running());
    }

    @Test
    void theSampleSeedsImportAsTextMarkdownCodeAndJsonlDocuments() throws Exception {
        TestContext context = TestContext.running();
        SeedImportResult result = new SeedImportJob(new SeedImportRequest("samples", List.of(SAMPLE_SEEDS),
                ChunkSettings.defaults()), store).run(context);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.collection().documents()).isEqualTo(8);
        assertThat(result.collection().duplicates()).isZero();
        List<SeedChunk> chunks = store.seeds().chunks(result.collection().id(), 0, 100);
        assertThat(chunks).hasSize(result.collection().chunks());
        assertThat(chunks).extracting(SeedChunk::source).contains("datasets/seeds/articles/bridge-types.txt",
                "datasets/seeds/code/RingBuffer.java", "datasets/seeds/notes.jsonl#1", "datasets/seeds/notes.jsonl#3");
        SeedChunk java = chunks.stream().filter(c -> c.source().endsWith("RingBuffer.java")).findFirst().orElseThrow();
        assertThat(java.kind()).isEqualTo(SeedChunkKind.CODE);
        assertThat(java.language()).isEqualTo("java");
        assertThat(chunks.stream().filter(c -> c.source().endsWith(".md")).map(SeedChunk::kind).distinct())
                .containsExactly(SeedChunkKind.MARKDOWN);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isBetween(1, 512));
        assertThat(context.lastDone()).isEqualTo(6);
        assertThat(context.lastTotal()).isEqualTo(6);

        var settings = new ObjectMapper().readTree(result.collection().settingsJson());
        assertThat(settings.get("chunkTokens").asInt()).isEqualTo(512);
        assertThat(settings.get("overlap").asInt()).isEqualTo(64);
        assertThat(settings.get("tokenizer").asText()).isEqualTo(ApproximateTokenCounter.NAME);
        assertThat(settings.get("sources").get(0).asText()).isEqualTo("datasets/seeds");
    }

    @Test
    void aSmallerBudgetCutsMoreChunksWithinIt() throws Exception {
        SeedImportResult small = importSeeds("small", new ChunkSettings(64, 8, "text"), SAMPLE_SEEDS);
        SeedImportResult large = importSeeds("large", ChunkSettings.defaults(), SAMPLE_SEEDS);

        assertThat(small.collection().chunks()).isGreaterThan(large.collection().chunks() * 2);
        store.seeds().forEachChunk(small.collection().id(), c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(64));
    }

    @Test
    void binaryAndUnknownFilesAreSkippedWithAWarningAndDuplicatesCounted() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(folder.resolve("a.txt"), "Bees dance to tell each other where flowers are.");
        Files.writeString(folder.resolve("b.txt"), "Bees dance to tell each other\nwhere flowers are.\n");
        Files.write(folder.resolve("c.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        Files.writeString(folder.resolve("d.pdf"), "%PDF-1.7");
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/config"), "[core]");

        SeedImportResult result = importSeeds("mixed", ChunkSettings.defaults(), folder);

        assertThat(result.warnings()).containsExactly(
                folder.resolve("d.pdf").toString().replace('\\', '/')
                        + ": skipped, not a text, Markdown, code or JSONL file",
                folder.resolve("c.txt").toString().replace('\\', '/') + ": skipped, a binary file");
        assertThat(result.collection().chunks()).isEqualTo(1);
        assertThat(result.collection().duplicates()).isEqualTo(1);
    }

    @Test
    void aBadJsonlLineFailsTheWholeImportNamingFileLineAndField() throws Exception {
        Path docs = dir.resolve("docs.jsonl");
        Files.writeString(docs, "{\"body\": \"First.\"}\n\n{\"body\": \"Second.\"}\n{\"body\": 42}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importSeeds("docs", new ChunkSettings(512, 64, "body"), SAMPLE_SEEDS.resolve("articles"), docs))
                .isInstanceOf(ImportException.class)
                .hasMessage("docs.jsonl, line 4: field 'body' must be a string, found a number");
        assertThatThrownBy(() -> importSeeds("docs", ChunkSettings.defaults(), docs))
                .hasMessage("docs.jsonl, line 1: field 'text' is missing (set another field with --field)");
        Files.writeString(docs, "{\"text\": \"Fine.\"}\n[1, 2]\n");
        assertThatThrownBy(() -> importSeeds("docs", ChunkSettings.defaults(), docs))
                .hasMessage("docs.jsonl, line 2: must be a JSON object with a 'text' field, found an array");
        Files.writeString(docs, "{\"text\": \"Fine.\"}\n{\"text\": \"cut\n");
        assertThatThrownBy(() -> importSeeds("docs", ChunkSettings.defaults(), docs))
                .hasMessageStartingWith("docs.jsonl, line 2: is not valid JSON");

        assertThat(store.seeds().listCollections()).as("nothing of the failed imports stays").isEmpty();
    }

    @Test
    void aMissingPathATakenNameAndNothingToReadAreRefused() throws Exception {
        assertThatThrownBy(() -> importSeeds("x", ChunkSettings.defaults(), dir.resolve("nowhere")))
                .hasMessage("nowhere: does not exist (give seed files or folders)");
        importSeeds("taken", ChunkSettings.defaults(), SAMPLE_SEEDS.resolve("articles"));
        assertThatThrownBy(() -> importSeeds("taken", ChunkSettings.defaults(), SAMPLE_SEEDS))
                .isInstanceOf(StoreException.class).hasMessageContaining("'taken' already exists");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("blank.md"), "\n\n   \n");
        assertThatThrownBy(() -> importSeeds("empty", ChunkSettings.defaults(), empty))
                .hasMessage("empty: holds no seed text to import");

        assertThat(store.seeds().listCollections()).extracting(c -> c.name()).containsExactly("taken");
    }

    @Test
    void aCancelRollsTheImportBack() throws StoreException {
        TestContext context = TestContext.cancelledAfter(2);

        assertThatThrownBy(() -> new SeedImportJob(new SeedImportRequest("cancelled", List.of(SAMPLE_SEEDS),
                ChunkSettings.defaults()), store).run(context)).isInstanceOf(JobCancelledException.class);

        assertThat(context.lastDone()).isEqualTo(2);
        assertThat(store.seeds().findCollection("cancelled")).isEmpty();
    }

    @Test
    void jsonlRecordsOfCodeDumpsAreCodeByTheirLanguageOrPath() throws Exception {
        Path dump = dir.resolve("dump.jsonl");
        Files.writeString(dump, String.join("\n",
                "{\"code\":\"def add(a, b):\\n    return a + b\\n\",\"language\":\"Python\",\"path\":\"lib/add.py\"}",
                "{\"code\":\"class A {\\n  int x;\\n}\\n\",\"path\":\"src\\\\A.java\"}",
                "{\"code\":\"# Title\\n\\nSome prose.\\n\",\"path\":\"docs/intro.md\"}",
                "{\"code\":\"Plain words about tides.\"}"));
        SeedImportResult result = new SeedImportJob(new SeedImportRequest("dump", List.of(dump),
                new ChunkSettings(512, 64, "code")), store).run(TestContext.running());

        List<SeedChunk> chunks = store.seeds().chunks(result.collection().id(), 0, 10);
        assertThat(chunks).extracting(c -> c.kind() + "/" + c.language() + " " + c.source().replace(dir + "/", ""))
                .containsExactly("CODE/python dump.jsonl#1 lib/add.py", "CODE/java dump.jsonl#2 src\\A.java",
                        "MARKDOWN/ dump.jsonl#3 docs/intro.md", "TEXT/ dump.jsonl#4");
    }
}
