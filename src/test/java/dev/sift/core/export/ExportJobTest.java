package dev.sift.core.export;

import dev.sift.core.job.testing.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.JobCancelledException;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ProjectStore store;
    private Path out;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("project.sift"));
        out = Files.createDirectory(dir.resolve("out"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void alpacaJsonWritesInstructionInputOutputAndSystemWhenPresent() throws Exception {
        Dataset data = importSamples("plain",
                SampleContent.single("Add", "2+2", "4"),
                new SampleContent("Be terse.", "Name a colour", "", "Red", List.of(), ""));

        JsonNode records = export(DatasetFormat.ALPACA_JSON, "alpaca.json", data);

        assertThat(records).hasSize(2);
        assertThat(text(records.get(0))).isEqualTo("{\"instruction\":\"Add\",\"input\":\"2+2\",\"output\":\"4\"}");
        assertThat(records.get(1).get("system").asText()).isEqualTo("Be terse.");
        assertThat(records.get(1).get("instruction").asText()).isEqualTo("Name a colour");
        assertThat(records.get(1).has("history")).isFalse();
    }

    @Test
    void alpacaJsonlPutsTheLastExchangeFirstAndEarlierOnesInHistory() throws Exception {
        Dataset data = importSamples("chat", conversation("Stay kind.",
                user("Hi"), assistant("Hello!"), user("What is 2+2?"), assistant("4"), user("And 3+3?"), assistant("6")));

        List<JsonNode> lines = exportLines(DatasetFormat.ALPACA_JSONL, "chat.jsonl", data);

        assertThat(lines).hasSize(1);
        JsonNode record = lines.get(0);
        assertThat(record.get("instruction").asText()).isEqualTo("And 3+3?");
        assertThat(record.get("input").asText()).isEmpty();
        assertThat(record.get("output").asText()).isEqualTo("6");
        assertThat(record.get("system").asText()).isEqualTo("Stay kind.");
        assertThat(text(record.get("history"))).isEqualTo("[[\"Hi\",\"Hello!\"],[\"What is 2+2?\",\"4\"]]");
    }

    @Test
    void shareGptWritesConversationsWithToolCallsAndSystemApart() throws Exception {
        Dataset data = importSamples("tools",
                SampleContent.single("Add", "2+2", "4"),
                conversation("Use tools.", user("Weather in Oslo?"), assistant("{\"name\":\"weather\"}"),
                        new Message(Message.TOOL, "{\"temp\":3}"), assistant("It is 3 degrees.")));

        JsonNode records = export(DatasetFormat.SHAREGPT, "sharegpt.json", data);

        assertThat(text(records.get(0))).isEqualTo(
                "{\"conversations\":[{\"from\":\"human\",\"value\":\"Add\\n\\n2+2\"},{\"from\":\"gpt\",\"value\":\"4\"}]}");
        JsonNode tools = records.get(1);
        assertThat(tools.get("system").asText()).isEqualTo("Use tools.");
        assertThat(tools.get("conversations").findValuesAsText("from"))
                .containsExactly("human", "function_call", "observation", "gpt");
        assertThat(tools.get("conversations").get(2).get("value").asText()).isEqualTo("{\"temp\":3}");
    }

    @Test
    void messagesJsonlPutsTheSystemMessageFirst() throws Exception {
        Dataset data = importSamples("msgs",
                new SampleContent("Be terse.", "Name a colour", "", "Red", List.of(), ""),
                conversation("", user("Hi"), assistant("Hello"), user("Bye"), assistant("Bye!")));

        List<JsonNode> lines = exportLines(DatasetFormat.MESSAGES_JSONL, "msgs.jsonl", data);

        assertThat(text(lines.get(0))).isEqualTo("{\"messages\":[{\"role\":\"system\",\"content\":\"Be terse.\"},"
                + "{\"role\":\"user\",\"content\":\"Name a colour\"},{\"role\":\"assistant\",\"content\":\"Red\"}]}");
        assertThat(lines.get(1).get("messages").findValuesAsText("role"))
                .containsExactly("user", "assistant", "user", "assistant");
    }

    @Test
    void toolTurnsCannotBeAlpacaAndTheFailureNamesTheSampleAndLeavesNoFile() throws Exception {
        Dataset data = importSamples("agentic", SampleContent.single("Add", "", "4"),
                conversation("", user("Weather?"), assistant("call"), new Message(Message.TOOL, "3"), assistant("3")));
        Path target = out.resolve("agentic.json");

        assertThatThrownBy(() -> new ExportJob(request(DatasetFormat.ALPACA_JSON, target, data), store, "test")
                        .run(TestContext.running()))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("\"agentic\" record 1")
                .hasMessageContaining("ShareGPT");
        assertThat(listFiles(out)).isEmpty();
        assertThat(store.exports().list()).isEmpty();
    }

    @Test
    void cancellingLeavesNoTemporaryFileAndKeepsTheExistingTarget() throws Exception {
        Dataset data = importMany("many", 3 * ExportJob.BATCH);
        Path target = out.resolve("many.jsonl");
        Files.writeString(target, "previous export\n");

        assertThatThrownBy(() -> new ExportJob(request(DatasetFormat.ALPACA_JSONL, target, data), store, "test")
                        .run(TestContext.cancelledAfter(ExportJob.BATCH)))
                .isInstanceOf(JobCancelledException.class);

        assertThat(listFiles(out)).containsExactly("many.jsonl");
        assertThat(Files.readString(target)).isEqualTo("previous export\n");
    }

    @Test
    void manifestDescribesTheExportAndItsHashMatchesTheFile() throws Exception {
        Dataset data = importSamples("plain", SampleContent.single("a", "", "1"), SampleContent.single("b", "", "2"));
        Path target = out.resolve("plain.jsonl");

        ExportResult result = new ExportJob(request(DatasetFormat.ALPACA_JSONL, target, data), store, "1.2.3")
                .run(TestContext.running());

        assertThat(result.records()).isEqualTo(2);
        assertThat(result.manifest()).isEqualTo(out.resolve("plain.jsonl.manifest.json"));
        JsonNode manifest = JSON.readTree(result.manifest().toFile());
        assertThat(manifest.get("sift_version").asText()).isEqualTo("1.2.3");
        assertThat(manifest.get("format").asText()).isEqualTo("alpaca-jsonl");
        assertThat(manifest.get("file").asText()).isEqualTo("plain.jsonl");
        assertThat(manifest.get("records").asLong()).isEqualTo(2);
        assertThat(java.time.Instant.parse(manifest.get("written_at").asText())).isNotNull();
        assertThat(manifest.get("sha256").asText()).isEqualTo(sha256(target));
        JsonNode source = manifest.get("datasets").get(0);
        assertThat(source.get("id").asLong()).isEqualTo(data.id());
        assertThat(source.get("name").asText()).isEqualTo("plain");
        assertThat(source.get("source_file").asText()).isEqualTo("plain.json");
        assertThat(source.get("format").asText()).isEqualTo("alpaca-json");
        assertThat(source.get("samples").asInt()).isEqualTo(2);
        assertThat(source.get("exported").asLong()).isEqualTo(2);
        assertThat(text(manifest.get("filters"))).isEqualTo("{\"dataset_ids\":[" + data.id() + "],\"text\":\"\",\"chosen_only\":false}");
        assertThat(store.exports().list()).singleElement().satisfies(entry -> {
            assertThat(entry.path()).isEqualTo(target.toAbsolutePath().toString());
            assertThat(entry.records()).isEqualTo(2);
        });
    }

    @Test
    void datasetInfoEntryIsMergedKeepingOtherEntries() throws Exception {
        Dataset data = importSamples("plain", SampleContent.single("a", "", "1"));
        Files.writeString(out.resolve("dataset_info.json"), "{\"theirs\": {\"file_name\": \"theirs.json\"}}");

        ExportResult alpaca = new ExportJob(new ExportRequest(SampleQuery.dataset(data.id()), DatasetFormat.ALPACA_JSON,
                out.resolve("mine.json"), true), store, "test").run(TestContext.running());
        new ExportJob(new ExportRequest(SampleQuery.dataset(data.id()), DatasetFormat.MESSAGES_JSONL,
                out.resolve("chat.jsonl"), true), store, "test").run(TestContext.running());

        assertThat(alpaca.datasetInfo()).contains(out.resolve("dataset_info.json"));
        JsonNode info = JSON.readTree(out.resolve("dataset_info.json").toFile());
        assertThat(text(info.get("theirs"))).isEqualTo("{\"file_name\":\"theirs.json\"}");
        assertThat(text(info.get("mine"))).isEqualTo("{\"file_name\":\"mine.json\",\"formatting\":\"alpaca\","
                + "\"columns\":{\"prompt\":\"instruction\",\"query\":\"input\",\"response\":\"output\","
                + "\"system\":\"system\",\"history\":\"history\"}}");
        JsonNode chat = info.get("chat");
        assertThat(chat.get("file_name").asText()).isEqualTo("chat.jsonl");
        assertThat(chat.get("formatting").asText()).isEqualTo("sharegpt");
        assertThat(text(chat.get("columns"))).isEqualTo("{\"messages\":\"messages\"}");
        assertThat(chat.get("tags").get("role_tag").asText()).isEqualTo("role");
        assertThat(chat.get("tags").get("content_tag").asText()).isEqualTo("content");
        assertThat(chat.get("tags").get("user_tag").asText()).isEqualTo("user");
        assertThat(chat.get("tags").get("assistant_tag").asText()).isEqualTo("assistant");
        assertThat(chat.get("tags").get("system_tag").asText()).isEqualTo("system");
    }

    @Test
    void textFilterOnlyWritesMatchingRecords() throws Exception {
        Dataset data = importSamples("mixed", SampleContent.single("Tell me about Paris", "", "A city"),
                SampleContent.single("Add", "2+2", "4"), SampleContent.single("Sing", "", "la la PARIS"));

        ExportResult result = new ExportJob(new ExportRequest(SampleQuery.dataset(data.id()).withText("paris"),
                DatasetFormat.ALPACA_JSON, out.resolve("paris.json"), false), store, "test").run(TestContext.running());

        JsonNode records = JSON.readTree(result.file().toFile());
        assertThat(records.findValuesAsText("instruction")).containsExactly("Tell me about Paris", "Sing");
        assertThat(JSON.readTree(result.manifest().toFile()).get("filters").get("text").asText()).isEqualTo("paris");
    }

    @Test
    void exportingNothingWritesAValidEmptyArray() throws Exception {
        Dataset data = importSamples("plain", SampleContent.single("a", "", "1"));

        ExportResult result = new ExportJob(new ExportRequest(SampleQuery.dataset(data.id()).withText("no such text"),
                DatasetFormat.SHAREGPT, out.resolve("empty.json"), false), store, "test").run(TestContext.running());

        assertThat(result.records()).isZero();
        JsonNode records = JSON.readTree(result.file().toFile());
        assertThat(records.isArray()).isTrue();
        assertThat(records).isEmpty();
    }

    @Test
    void progressCountsRecordsWrittenOfAllMatching() throws Exception {
        Dataset data = importMany("many", ExportJob.BATCH + 10);
        TestContext context = TestContext.running();

        new ExportJob(request(DatasetFormat.MESSAGES_JSONL, out.resolve("many.jsonl"), data), store, "test").run(context);

        assertThat(context.progress).extracting(p -> p[1]).containsOnly((long) ExportJob.BATCH + 10);
        assertThat(context.progress).extracting(p -> p[0]).contains(0L, (long) ExportJob.BATCH, ExportJob.BATCH + 10L);
    }

    @Test
    void dollyAndCsvAreNotExportFormats() {
        for (DatasetFormat format : List.of(DatasetFormat.DOLLY, DatasetFormat.CSV)) {
            assertThatThrownBy(() -> new ExportRequest(SampleQuery.all(), format, out.resolve("x.json"), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("import format only");
        }
    }

    private JsonNode export(DatasetFormat format, String fileName, Dataset data) throws Exception {
        ExportResult result = new ExportJob(request(format, out.resolve(fileName), data), store, "test")
                .run(TestContext.running());
        return JSON.readTree(result.file().toFile());
    }

    private List<JsonNode> exportLines(DatasetFormat format, String fileName, Dataset data) throws Exception {
        ExportResult result = new ExportJob(request(format, out.resolve(fileName), data), store, "test")
                .run(TestContext.running());
        var lines = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(result.file(), StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static ExportRequest request(DatasetFormat format, Path target, Dataset data) {
        return new ExportRequest(SampleQuery.dataset(data.id()), format, target, false);
    }

    private Dataset importSamples(String name, SampleContent... samples) throws Exception {
        return store.datasets().importDataset(new NewDataset(name, name + ".json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 0; i < samples.length; i++) {
                sink.add(i, samples[i]);
            }
        });
    }

    private Dataset importMany(String name, int count) throws Exception {
        return store.datasets().importDataset(new NewDataset(name, name + ".json", DatasetFormat.ALPACA_JSON), sink -> {
            for (int i = 0; i < count; i++) {
                sink.add(i, SampleContent.single("Question " + i, "", "Answer " + i));
            }
        });
    }

    private static SampleContent conversation(String system, Message... turns) {
        return new SampleContent(system, turns[0].content(), "", turns[1].content(), List.of(turns), "");
    }

    private static Message user(String text) {
        return new Message(Message.USER, text);
    }

    private static Message assistant(String text) {
        return new Message(Message.ASSISTANT, text);
    }

    private static String text(JsonNode node) throws Exception {
        return JSON.writeValueAsString(node);
    }

    private static List<String> listFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
