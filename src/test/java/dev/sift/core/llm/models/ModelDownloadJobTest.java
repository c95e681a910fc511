package dev.sift.core.llm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.testing.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDownloadJobTest {

    private static final String ONNX = "onnx/model.onnx";
    private static final String TOKENIZER = "tokenizer.json";

    @TempDir
    Path root;

    private FakeHub hub;
    private ModelsDirectory models;
    private byte[] onnx;
    private byte[] tokenizer;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        models = new ModelsDirectory(root);
        onnx = hub.file(ONNX, 300_000, true);
        tokenizer = hub.file(TOKENIZER, 5_000, false);
    }

    @AfterEach
    void stop() throws IOException {
        hub.close();
    }

    private ModelDownloadJob job(int attempts) {
        return new ModelDownloadJob(hub.client(), models,
                new ModelDownloadRequest(FakeHub.REPO, "main", List.of(ONNX, TOKENIZER)), attempts);
    }

    private Path folder() {
        return models.folderFor(FakeHub.REPO);
    }

    private Path part(String path) {
        return folder().resolve(ModelsDirectory.PARTIAL).resolve(path + ".part");
    }

    @Test
    void downloadsEveryFileVerifiesItAndInstallsTheModel() throws Exception {
        TestContext context = TestContext.running();

        Path result = job(3).run(context);

        assertThat(result).isEqualTo(folder());
        assertThat(Files.readAllBytes(result.resolve(ONNX))).isEqualTo(onnx);
        assertThat(Files.readAllBytes(result.resolve(TOKENIZER))).isEqualTo(tokenizer);
        assertThat(result.resolve(ModelsDirectory.PARTIAL)).doesNotExist();
        assertThat(result.resolve(ModelDownloadJob.MANIFEST)).exists();
        InstalledModel installed = models.find(FakeHub.REPO).orElseThrow();
        assertThat(installed.repoId()).isEqualTo(FakeHub.REPO);
        assertThat(installed.sizeBytes()).isEqualTo(onnx.length + tokenizer.length);
        assertThat(installed.files()).extracting(InstalledModel.ModelFile::path).containsExactly(ONNX, TOKENIZER);
        long total = onnx.length + tokenizer.length;
        assertThat(context.progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(total));
        assertThat(context.progress.get(context.progress.size() - 1)[0]).isEqualTo(total);
        assertThat(context.progress).extracting(p -> p[0]).isSorted();
        assertThat(hub.downloadsOf(ONNX)).singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get("Range")).isNull());
    }

    @Test
    void aConnectionCutOffMidBodyIsResumedWithARangeRequest() throws Exception {
        hub.cutOffNext = 1;

        job(3).run(TestContext.running());

        List<RecordedRequest> downloads = hub.downloadsOf(ONNX);
        assertThat(downloads).hasSize(2);
        assertThat(downloads.get(0).getHeaders().get("Range")).isNull();
        String range = downloads.get(1).getHeaders().get("Range");
        assertThat(range).matches("bytes=\\d+-");
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertThat(from).isPositive().isLessThan(onnx.length);
        assertThat(Files.readAllBytes(folder().resolve(ONNX))).isEqualTo(onnx);
        assertThat(models.isInstalled(FakeHub.REPO)).isTrue();
    }

    @Test
    void aFailedRunKeepsThePartFileAndTheNextRunResumesIt() throws Exception {
        hub.cutOffNext = 1;

        assertThatThrownBy(() -> job(1).run(TestContext.running()))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining(ONNX).hasMessageContaining("resume");
        long kept = Files.size(part(ONNX));
        assertThat(kept).isPositive().isLessThan(onnx.length);
        assertThat(models.isInstalled(FakeHub.REPO)).isFalse();
        assertThat(models.hasPartialDownload(FakeHub.REPO)).isTrue();

        job(1).run(TestContext.running());

        assertThat(hub.downloadsOf(ONNX).get(1).getHeaders().get("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(folder().resolve(ONNX))).isEqualTo(onnx);
        assertThat(models.isInstalled(FakeHub.REPO)).isTrue();
    }

    @Test
    void cancelKeepsAResumablePartFileAndTheModelIsNotInstalled() throws Exception {
        assertThatThrownBy(() -> job(3).run(TestContext.cancelledAfter(100_000)))
                .isInstanceOf(JobCancelledException.class);

        long kept = Files.size(part(ONNX));
        assertThat(kept).isGreaterThanOrEqualTo(100_000).isLessThan(onnx.length);
        assertThat(models.installed()).isEmpty();
        assertThat(models.isInstalled(FakeHub.REPO)).isFalse();
        assertThat(folder().resolve(ONNX)).doesNotExist();

        TestContext resumed = TestContext.running();
        job(3).run(resumed);

        List<RecordedRequest> downloads = hub.downloadsOf(ONNX);
        assertThat(downloads).hasSize(2);
        assertThat(downloads.get(1).getHeaders().get("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(folder().resolve(ONNX))).isEqualTo(onnx);
        assertThat(resumed.progress.get(0)[0]).isEqualTo(kept); // progress counts the bytes already there
        assertThat(models.isInstalled(FakeHub.REPO)).isTrue();
    }

    @Test
    void aServerThatIgnoresTheRangeMakesTheFileStartOver() throws Exception {
        Files.createDirectories(part(ONNX).getParent());
        Files.write(part(ONNX), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}); // not the file's first bytes
        hub.ignoreRange = true;

        job(3).run(TestContext.running());

        assertThat(hub.downloadsOf(ONNX)).singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get("Range")).isEqualTo("bytes=10-"));
        assertThat(Files.readAllBytes(folder().resolve(ONNX))).isEqualTo(onnx);
        assertThat(models.isInstalled(FakeHub.REPO)).isTrue();
    }

    @Test
    void aChecksumMismatchDeletesThePartAndNamesTheFileAndBothHashes() throws Exception {
        hub.listWrongSha(ONNX);

        assertThatThrownBy(() -> job(3).run(TestContext.running()))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining(ONNX)
                .hasMessageContaining("0".repeat(64))
                .hasMessageContaining(FakeHub.sha256(onnx));
        assertThat(part(ONNX)).doesNotExist();
        assertThat(folder().resolve(ONNX)).doesNotExist();
        assertThat(models.installed()).isEmpty();
    }

    @Test
    void aFileMissingFromTheListingIsRefusedBeforeAnyDownload() {
        var job = new ModelDownloadJob(hub.client(), models,
                new ModelDownloadRequest(FakeHub.REPO, "main", List.of("onnx/model_q4.onnx", TOKENIZER)));

        assertThatThrownBy(() -> job.run(TestContext.running()))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("onnx/model_q4.onnx")
                .hasMessageContaining("its ONNX files are: " + ONNX);
        assertThat(hub.downloadsOf(TOKENIZER)).isEmpty();
        assertThat(models.isInstalled(FakeHub.REPO)).isFalse();
    }

    @Test
    void theTokenIsSentAndNeverAppearsInAnError() throws Exception {
        String secret = "hf_SecretTokenValue123";
        HubClient client = HubClient.create(hub.baseUrl(), Map.of(HubClient.TOKEN_VARIABLE, secret));
        var request = new ModelDownloadRequest(FakeHub.REPO, "main", List.of(ONNX, TOKENIZER));

        new ModelDownloadJob(client, models, request).run(TestContext.running());

        assertThat(hub.requests).isNotEmpty().allSatisfy(
                r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + secret));
        assertThat(client.toString()).doesNotContain(secret);

        hub.listingStatus = 401;
        assertThatThrownBy(() -> new ModelDownloadJob(client, new ModelsDirectory(root.resolve("other")), request)
                        .run(TestContext.running()))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("401")
                .hasMessageContaining(HubClient.TOKEN_VARIABLE)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(secret));
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() throws Exception {
        job(3).run(TestContext.running());

        assertThat(hub.requests).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
    }
}
