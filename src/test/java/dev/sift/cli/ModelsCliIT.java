package dev.sift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.app.SiftContext;
import dev.sift.core.llm.models.ModelsDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift models …} against a loopback server acting as the Hugging Face Hub. */
class ModelsCliIT {

    private static final String REPO = "acme/tiny-lm";
    private static final String ONNX = "onnx/model.onnx";
    private static final String TOKENIZER = "tokenizer.json";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> listedSha = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int cutOffNext;
    private SiftContext context;
    private ModelsDirectory models;

    @BeforeEach
    void start() throws IOException {
        models = new ModelsDirectory(dir.resolve("models"));
        context = new SiftContext(dir.resolve("config"), models);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        file(ONNX, 300_000, true);
        file(TOKENIZER, 4_000, true);
        file("config.json", 300, false);
        file("onnx/model_q4.onnx", 1_000, true);
    }

    @AfterEach
    void stop() throws IOException {
        context.close();
        server.close();
    }

    @Test
    void listOnAnEmptyFolderSaysThereAreNoModels() {
        CliRunner.Result text = cli("models", "list");
        CliRunner.Result json = cli("models", "list", "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("No models yet").contains("sift models suggested");
        assertThat(json.result().path("models")).isEmpty();
        assertThat(json.result().path("partial")).isEmpty();
    }

    @Test
    void suggestedListsPurposeSizeAndTheNoteToConfirmFiles() {
        CliRunner.Result r = cli("models", "suggested");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("HuggingFaceTB/SmolLM2-135M-Instruct").contains("Superfiltering")
                .contains("MB").contains("sift models files REPO");
    }

    @Test
    void filesListsPathsSizesAndLfsChecksumsAndMarksTheDefaultChoice() {
        CliRunner.Result text = cli("models", "files", REPO, "--hub-url", hubUrl());
        CliRunner.Result json = cli("models", "files", REPO, "--hub-url", hubUrl(), "--json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains(ONNX).contains("293.0 KB").contains(listedSha.get(ONNX))
                .contains("4 files").contains("Default download (*): config.json, tokenizer.json, onnx/model.onnx");
        assertThat(text.out().lines().filter(l -> l.endsWith("onnx/model_q4.onnx"))).singleElement()
                .satisfies(l -> assertThat(l).startsWith(" "));
        JsonNode onnx = json.result().path("files").get(0);
        assertThat(onnx.path("path").asText()).isEqualTo(ONNX);
        assertThat(onnx.path("size").asLong()).isEqualTo(300_000);
        assertThat(onnx.path("sha256").asText()).isEqualTo(listedSha.get(ONNX));
        assertThat(onnx.path("defaultDownload").asBoolean()).isTrue();
        assertThat(json.result().path("files").get(2).has("sha256")).isFalse();
    }

    @Test
    void anUnknownRepositoryFailsWithItsName() {
        CliRunner.Result r = cli("models", "files", "acme/nothing-here", "--hub-url", hubUrl());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("acme/nothing-here").contains("404");
    }

    @Test
    void downloadsTwoFilesCheckedBySha256AndListsTheModelAsInstalled() throws IOException {
        CliRunner.Result r = cli("models", "download", REPO, "--file", ONNX, "--file", TOKENIZER,
                "--hub-url", hubUrl(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode result = r.result();
        Path folder = models.folderFor(REPO);
        assertThat(result.path("folder").asText()).isEqualTo(folder.toString());
        assertThat(result.path("installed").asBoolean()).isTrue();
        assertThat(r.jsonLines()).extracting(n -> n.path("event").asText()).contains("progress", "succeeded");
        assertThat(Files.readAllBytes(folder.resolve(ONNX))).isEqualTo(files.get(ONNX));
        assertThat(Files.readAllBytes(folder.resolve(TOKENIZER))).isEqualTo(files.get(TOKENIZER));
        assertThat(folder.resolve("config.json")).doesNotExist();

        CliRunner.Result list = cli("models", "list");
        assertThat(list.out()).contains(REPO).contains(ONNX).doesNotContain("partial");
        JsonNode listed = cli("models", "list", "--json").result().path("models").get(0);
        assertThat(listed.path("repo").asText()).isEqualTo(REPO);
        assertThat(listed.path("sizeBytes").asLong()).isEqualTo(304_000);
    }

    @Test
    void downloadWithoutFilesFetchesTheTokenizerConfigsAndThePlainGraphOnly() {
        CliRunner.Result r = cli("models", "download", REPO, "--hub-url", hubUrl());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Downloaded " + REPO);
        assertThat(r.err()).contains("Download " + REPO);
        Path folder = models.folderFor(REPO);
        assertThat(folder.resolve("config.json")).exists();
        assertThat(folder.resolve("onnx/model_q4.onnx")).doesNotExist();
        assertThat(models.isInstalled(REPO)).isTrue();

        CliRunner.Result again = cli("models", "download", REPO, "--hub-url", hubUrl());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already installed");
    }

    @Test
    void aChecksumMismatchFailsNamingTheFileAndInstallsNothing() {
        listedSha.put(ONNX, "0".repeat(64));

        CliRunner.Result r = cli("models", "download", REPO, "--file", ONNX, "--file", TOKENIZER, "--hub-url", hubUrl());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("sift models download").contains(REPO).contains(ONNX).contains("SHA-256");
        assertThat(models.installed()).isEmpty();
        assertThat(models.folderFor(REPO).resolve(ONNX)).doesNotExist();
    }

    @Test
    void aDownloadCutOffPartWayIsResumedByRunningItAgain() throws IOException {
        cutOffNext = 3; // every attempt of the first run loses its connection mid-body

        CliRunner.Result first = cli("models", "download", REPO, "--file", ONNX, "--file", TOKENIZER, "--hub-url", hubUrl());

        assertThat(first.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(first.err()).contains(REPO).contains(ONNX).contains("resume");
        assertThat(models.isInstalled(REPO)).isFalse();
        assertThat(cli("models", "list").out()).contains(REPO).contains("resumable");
        JsonNode partial = cli("models", "list", "--json").result().path("partial").get(0);
        assertThat(partial.path("repo").asText()).isEqualTo(REPO);
        long kept = partial.path("bytesSoFar").asLong();
        assertThat(kept).isPositive().isLessThan(300_000);
        int before = downloadsOf(ONNX).size();

        CliRunner.Result second = cli("models", "download", REPO, "--file", ONNX, "--file", TOKENIZER, "--hub-url", hubUrl());

        assertThat(second.exitCode()).as(second.err()).isZero();
        List<RecordedRequest> downloads = downloadsOf(ONNX);
        assertThat(downloads).hasSize(before + 1);
        assertThat(downloads.get(before).getHeaders().get("Range")).matches("bytes=[1-9]\\d*-");
        assertThat(Files.readAllBytes(models.folderFor(REPO).resolve(ONNX))).isEqualTo(files.get(ONNX));
        assertThat(models.isInstalled(REPO)).isTrue();
        assertThat(cli("models", "list").out()).doesNotContain("resumable");
    }

    @Test
    void downloadsAnyRepositoryWithChosenFilesThenDeletesItOnlyWithYes() {
        CliRunner.Result download = cli("models", "download", REPO, "--file", TOKENIZER, "--file", ONNX,
                "--hub-url", hubUrl());
        assertThat(download.exitCode()).as(download.err()).isZero();
        Path folder = models.folderFor(REPO);
        assertThat(folder.resolve("config.json")).doesNotExist();
        assertThat(downloadsOf("config.json")).isEmpty();

        CliRunner.Result unconfirmed = cli("models", "delete", REPO);
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unconfirmed.err()).contains(folder.toString()).contains("KB").contains("--yes");
        assertThat(models.isInstalled(REPO)).isTrue();

        CliRunner.Result deleted = cli("models", "delete", "acme--tiny-lm", "--yes", "--json");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.result().path("deleted").asText()).isEqualTo(folder.toString());
        assertThat(deleted.result().path("freedBytes").asLong()).isGreaterThan(304_000);
        assertThat(folder).doesNotExist();

        assertThat(cli("models", "delete", REPO, "--yes").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(cli("models", "delete", "../config", "--yes").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(models.root()).isDirectory();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(cli("models", "download").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("models", "bogus").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("models", "list", "--project", "p.sift").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("models", "files", "../etc").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli("models", "files", REPO, "--hub-url", "not a url").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result badFile = cli("models", "download", REPO, "--file", "../escape", "--hub-url", hubUrl());
        assertThat(badFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFile.err()).contains("../escape");
        assertThat(requests).isEmpty();
        CliRunner.Result help = cli("models", "download", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--file").contains("resumes").doesNotContain("--hub-url");
    }

    private CliRunner.Result cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = SiftCli.execute(new CliEnvironment(context, outStream, errStream, false), args);
            return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private String hubUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private void file(String path, int size, boolean lfs) {
        byte[] bytes = new byte[size];
        new Random(path.hashCode()).nextBytes(bytes);
        files.put(path, bytes);
        if (lfs) {
            listedSha.put(path, sha256(bytes));
        }
    }

    private List<RecordedRequest> downloadsOf(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/resolve/main/" + path)).toList();
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/models/" + REPO + "/tree/main")) {
            return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(treeJson()).build();
        }
        String resolve = "/" + REPO + "/resolve/main/";
        byte[] bytes = path.startsWith(resolve) ? files.get(path.substring(resolve.length())) : null;
        if (bytes == null) {
            return new MockResponse.Builder().code(404).body("Repository not found").build();
        }
        int from = 0;
        String range = request.getHeaders().get("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        if (matcher != null && matcher.matches()) {
            from = Integer.parseInt(matcher.group(1));
        }
        MockResponse.Builder response = new MockResponse.Builder().body(new Buffer().write(bytes, from, bytes.length - from));
        if (from > 0) {
            response.code(206).setHeader("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        if (cutOffNext > 0 && bytes.length > 100_000) {
            cutOffNext--;
            response.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE);
        }
        return response.build();
    }

    private String treeJson() {
        StringBuilder json = new StringBuilder("[{\"type\":\"directory\",\"oid\":\"abc\",\"size\":0,\"path\":\"onnx\"}");
        files.forEach((path, bytes) -> {
            json.append(",{\"type\":\"file\",\"oid\":\"da39a3ee5e6b4b0d3255bfef95601890afd80709\",\"size\":")
                    .append(bytes.length).append(",\"path\":\"").append(path).append('"');
            String sha = listedSha.get(path);
            if (sha != null) {
                json.append(",\"lfs\":{\"oid\":\"").append(sha).append("\",\"size\":").append(bytes.length).append('}');
            }
            json.append('}');
        });
        return json.append(']').toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
