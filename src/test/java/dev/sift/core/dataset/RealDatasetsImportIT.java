package dev.sift.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Sample;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports the team's shared real-world files (kept next to the repository, not in it) with format
 * detection, and checks the counts against an independent tree-model reading of each file.
 */
class RealDatasetsImportIT {

    /** Beside the repository; {@code -Dsift.datasets=<folder>} points elsewhere (e.g. from a worktree). */
    private static final Path DATASETS = System.getProperty("sift.datasets") != null
            ? Path.of(System.getProperty("sift.datasets"))
            : Path.of("..", "shared", "datasets");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            alpaca/alpaca_gpt4_en_demo_1k_llamafactory.json,      ALPACA_JSON
            dolly/dolly_3k_alpagasus_filtered.json,               ALPACA_JSON
            chat_formats/hf_messages_kto_en_demo.json,            MESSAGES_JSONL
            chat_formats/sharegpt_fastchat_dummy_conversation.json, SHAREGPT
            chat_formats/sharegpt_real_example_dialogstudio.json, SHAREGPT
            chat_formats/sharegpt_toolcall_glaive_en_demo.json,   SHAREGPT
            chat_formats/sharegpt_v3_first_turn_prompts_500.json, SHAREGPT
            """)
    void importsRealFilesWithTheDetectedFormat(String relative, DatasetFormat expected) throws Exception {
        assumeTrue(Files.isDirectory(DATASETS), "../shared/datasets not present: skipping real-data import test");
        Path file = DATASETS.resolve(relative);
        assumeTrue(Files.isRegularFile(file), file + " not present: skipping");
        JsonNode records = MAPPER.readTree(file.toFile());

        try (ProjectStore store = ImportFixture.newProject(dir)) {
            Dataset dataset = ImportFixture.importFile(store, file);

            assertThat(dataset.format()).isEqualTo(expected);
            assertThat(FormatDetector.detect(file)).isEqualTo(expected);
            assertThat(dataset.records()).isEqualTo(records.size());
            assertThat(dataset.samples() + dataset.duplicates()).isEqualTo(dataset.records());
            var stored = ImportFixture.samples(store, dataset);
            assertThat(stored).hasSize(dataset.samples());
            assertThat(stored).allSatisfy(s -> assertThat(s.content().instruction()).isNotBlank());
            var indexes = new HashSet<Integer>();
            stored.forEach(s -> indexes.add(s.recordIndex()));
            assertThat(indexes).hasSize(stored.size()).allSatisfy(i -> assertThat(i).isBetween(0, records.size() - 1));
            Sample first = stored.get(0);
            assertThat(first.recordIndex()).isZero();
            assertThat(first.content().instruction()).isEqualTo(firstInstruction(records.get(0)));
        }
    }

    /** The first user text of a record, read independently with the tree model. */
    private static String firstInstruction(JsonNode record) {
        if (record.has("instruction")) {
            return record.get("instruction").asText();
        }
        JsonNode turns = record.has("conversations") ? record.get("conversations") : record.get("messages");
        String roleKey = record.has("conversations") ? "from" : "role";
        String textKey = record.has("conversations") ? "value" : "content";
        for (JsonNode turn : turns) {
            String role = turn.get(roleKey).asText();
            if (role.equals("human") || role.equals("user")) {
                return turn.get(textKey).asText();
            }
        }
        throw new AssertionError("no user turn in " + record);
    }
}
