package dev.sift.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.testing.TestContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Message;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.Candidate;
import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.DecidedBy;
import dev.sift.core.store.DecisionAction;
import dev.sift.core.store.NewCandidate;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.NewDecision;
import dev.sift.core.store.NewReviewAction;
import dev.sift.core.store.NewRun;
import dev.sift.core.store.NewScore;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accepted (curated) export against a real project: content, pairs, manifest and preview. */
class CuratedExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ProjectStore store;
    private Dataset data;
    private long[] ids;
    private long compareRun;
    private long selectRun;
    private Candidate gpt4;

    @BeforeEach
    void open() throws Exception {
        store = SqliteProjectStore.create(dir.resolve("project.sift"));
        data = store.datasets().importDataset(new NewDataset("alpaca", "alpaca.json", DatasetFormat.ALPACA_JSON),
                sink -> {
                    sink.add(0, new SampleContent("Be kind.", "Name a colour", "", "Red", List.of(), ""));
                    sink.add(1, SampleContent.single("Add", "2+2", "4"));
                    sink.add(2, SampleContent.single("Rejected", "", "no"));
                    sink.add(3, SampleContent.single("Undecided", "", "maybe"));
                    sink.add(4, SampleContent.single("Fix me", "", "typo"));
                    sink.add(5, new SampleContent("", "Hi", "", "Hello", List.of(new Message(Message.USER, "Hi"),
                            new Message(Message.ASSISTANT, "Hello"), new Message(Message.USER, "Bye"),
                            new Message(Message.ASSISTANT, "See ya")), ""));
                });
        ids = store.samples().ids(SampleQuery.dataset(data.id()));
        compareRun = store.runs().create(new NewRun("compare-datasets", data.id(), "{}", 0, OptionalDouble.empty()))
                .id();
        selectRun = store.runs().create(new NewRun("select-cherry", data.id(), "{}", 0, OptionalDouble.empty())).id();
        gpt4 = store.candidates().add(new NewCandidate(ids[0], compareRun, 0, CandidateOrigin.DATASET,
                OptionalInt.empty(), "Name a colour", "", "Blue, the sky's colour.", "alpaca-gpt4"));
        Candidate original = store.candidates().add(new NewCandidate(ids[1], 0, 0, CandidateOrigin.ORIGINAL,
                OptionalInt.empty(), "Add", "2+2", "4"));
        Candidate worse = store.candidates().add(new NewCandidate(ids[1], compareRun, 0, CandidateOrigin.DATASET,
                OptionalInt.empty(), "Add", "2+2", "five", "other"));
        Candidate chatAnswer = store.candidates().add(new NewCandidate(ids[5], compareRun, 0, CandidateOrigin.DATASET,
                OptionalInt.empty(), "Hi", "", "Goodbye!", "chats"));
        store.scores().save(new NewScore(original.id(), "ifd", 0.8, "tiny", "alpaca", 64, null, null, ""));
        store.scores().save(new NewScore(worse.id(), "ifd", 0.4, "tiny", "alpaca", 64, null, null, ""));
        store.decisions().addAll(List.of(
                NewDecision.byAlgorithm(ids[1], original.id(), DecisionAction.CHOOSE, selectRun, "IFD 0.8"),
                NewDecision.byAlgorithm(ids[2], 0, DecisionAction.REJECT, selectRun, "IFD 1.2")));
        store.review().record(NewReviewAction.of("choose", "choose gpt-4's answer", List.of(
                new NewDecision(ids[0], gpt4.id(), DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""),
                new NewDecision(ids[5], chatAnswer.id(), DecisionAction.CHOOSE, DecidedBy.CURATOR, 0, ""))));
        store.review().edit(ids[4], "Fix me", "", "fixed", "edit");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void writesEachKeptSampleWithTheContentItsDecisionKeeps() throws Exception {
        ExportResult result = export(DatasetFormat.ALPACA_JSON, "curated.json", Optional.empty());

        JsonNode records = JSON.readTree(result.file().toFile());
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get("output").asText()).isEqualTo("Blue, the sky's colour.");
        assertThat(records.get(0).get("system").asText()).isEqualTo("Be kind.");
        assertThat(records.get(1).get("output").asText()).isEqualTo("4");
        assertThat(records.get(2).get("output").asText()).isEqualTo("fixed");
        JsonNode chat = records.get(3);
        assertThat(chat.get("instruction").asText()).isEqualTo("Bye");
        assertThat(chat.get("output").asText()).isEqualTo("Goodbye!");
        assertThat(chat.get("history").toString()).isEqualTo("[[\"Hi\",\"Hello\"]]");
        assertThat(result.curation()).contains(new CurationCounts(4, 1, 1, 0, 0));
    }

    @Test
    void writesPreferencePairsAndAManifestBesideEachFile() throws Exception {
        Path pairsFile = dir.resolve("pairs.jsonl");
        ExportResult result = export(DatasetFormat.MESSAGES_JSONL, "curated.jsonl", Optional.of(pairsFile));

        List<JsonNode> pairs = Files.readAllLines(pairsFile).stream().map(CuratedExportTest::parse).toList();
        assertThat(pairs).hasSize(3);
        JsonNode first = pairs.get(0);
        assertThat(first.get("prompt").asText()).isEqualTo("Name a colour");
        assertThat(first.get("chosen").asText()).isEqualTo("Blue, the sky's colour.");
        assertThat(first.get("rejected").asText()).isEqualTo("Red");
        assertThat(first.get("sample_id").asLong()).isEqualTo(ids[0]);
        assertThat(first.get("chosen_candidate").asLong()).isEqualTo(gpt4.id());
        assertThat(first.get("rejected_candidate").asLong()).isZero();
        assertThat(first.get("chosen_by").asText()).isEqualTo("curator");
        assertThat(pairs.get(1).get("prompt").asText()).isEqualTo("Add\n\n2+2");
        assertThat(pairs.get(1).get("rejected").asText()).isEqualTo("five");
        assertThat(pairs.get(1).get("chosen_by").asText()).isEqualTo("algorithm");
        assertThat(pairs.get(2).get("chosen").asText()).isEqualTo("fixed");
        assertThat(pairs.get(2).get("rejected").asText()).isEqualTo("typo");

        JsonNode manifest = JSON.readTree(result.manifest().toFile());
        assertThat(manifest.get("mode").asText()).isEqualTo("accepted");
        assertThat(manifest.get("records").asLong()).isEqualTo(4);
        assertThat(manifest.get("curation").toString()).isEqualTo("{\"kept\":4,\"rejected\":1,\"undecided\":1,"
                + "\"pairs\":3,\"without_pairs\":1,\"pairs_file\":\"pairs.jsonl\"}");
        assertThat(manifest.get("runs").findValuesAsText("recipe")).containsExactly("compare-datasets",
                "select-cherry");
        assertThat(manifest.get("scorers").get(0).asText()).isEqualTo("ifd by tiny (alpaca)");
        assertThat(manifest.get("sha256").asText()).isEqualTo(sha256(result.file()));

        JsonNode pairsManifest = JSON.readTree(dir.resolve("pairs.jsonl.manifest.json").toFile());
        assertThat(pairsManifest.get("format").asText()).isEqualTo("dpo-jsonl");
        assertThat(pairsManifest.get("records").asLong()).isEqualTo(3);
        assertThat(pairsManifest.get("sha256").asText()).isEqualTo(sha256(pairsFile));
        assertThat(pairsManifest.get("records_file").asText()).isEqualTo("curated.jsonl");
        assertThat(store.exports().list()).hasSize(2);
    }

    @Test
    void thePreviewIsTheFileStartExactly() throws Exception {
        var request = ExportRequest.accepted(SampleQuery.dataset(data.id()), DatasetFormat.ALPACA_JSONL,
                dir.resolve("curated.jsonl"), false, Optional.empty());
        var job = new ExportJob(request, store, "test");

        String preview = job.preview(2, TestContext.running());
        job.run(TestContext.running());

        String file = Files.readString(dir.resolve("curated.jsonl"), StandardCharsets.UTF_8);
        assertThat(preview.lines()).hasSize(2);
        assertThat(file).startsWith(preview);
        assertThat(Files.exists(dir.resolve("curated.jsonl.manifest.json"))).isTrue();
    }

    @Test
    void theChosenOnlyQueryExportsTheCuratedContentToo() throws Exception {
        var request = new ExportRequest(SampleQuery.dataset(data.id()).chosen(), DatasetFormat.ALPACA_JSON,
                dir.resolve("chosen.json"), false);

        assertThat(request.accepted()).isTrue();
        ExportResult result = new ExportJob(request, store, "test").run(TestContext.running());
        assertThat(JSON.readTree(result.file().toFile()).get(0).get("output").asText())
                .isEqualTo("Blue, the sky's colour.");
    }

    @Test
    void pairsNeedTheAcceptedExportAndAFileOfTheirOwn() {
        Path target = dir.resolve("x.json");
        assertThatThrownBy(() -> new ExportRequest(SampleQuery.all(), DatasetFormat.ALPACA_JSON, target, false, false,
                Optional.of(dir.resolve("p.jsonl")))).hasMessageContaining("accepted");
        assertThatThrownBy(() -> ExportRequest.accepted(SampleQuery.all(), DatasetFormat.ALPACA_JSON, target, false,
                Optional.of(target))).hasMessageContaining("file of their own");
    }

    private ExportResult export(DatasetFormat format, String name, Optional<Path> pairs) throws Exception {
        var request = ExportRequest.accepted(SampleQuery.dataset(data.id()), format, dir.resolve(name), false, pairs);
        return new ExportJob(request, store, "test").run(TestContext.running());
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
