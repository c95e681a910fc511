package dev.sift.core.llm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class HubListingTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void siblingsGiveEveryPathAndTheLfsChecksumWhereThereIsOne() throws Exception {
        String body = """
                {"id":"HuggingFaceTB/SmolLM2-135M-Instruct","sha":"abc","siblings":[
                  {"rfilename":"config.json"},
                  {"rfilename":"onnx/model.onnx","size":540000000,"lfs":{"sha256":"%s","size":540000000}},
                  {"rfilename":""}]}""".formatted(SHA.toUpperCase());

        List<RepoFile> files = HubListing.parseSiblings(body);

        assertThat(files).containsExactly(new RepoFile("config.json", -1, null),
                new RepoFile("onnx/model.onnx", 540_000_000L, SHA));
    }

    @Test
    void treeEntriesSkipDirectoriesAndTakeTheLfsOidAsSha256NotTheGitOid() throws Exception {
        String body = """
                [{"type":"directory","oid":"d1","size":0,"path":"onnx"},
                 {"type":"file","oid":"0123456789abcdef0123456789abcdef01234567","size":3456,"path":"tokenizer.json"},
                 {"type":"file","oid":"f00","size":134,"path":"onnx/model.onnx",
                  "lfs":{"oid":"%s","size":540000000,"pointerSize":134}}]""".formatted(SHA);

        List<RepoFile> files = HubListing.parseTree(body);

        assertThat(files).containsExactly(new RepoFile("tokenizer.json", 3456, null),
                new RepoFile("onnx/model.onnx", 540_000_000L, SHA));
    }

    @Test
    void aBodyThatIsNotAListingIsAClearError() {
        assertThatThrownBy(() -> HubListing.parseTree("{\"error\":\"x\"}")).isInstanceOf(HubException.class)
                .hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> HubListing.parseSiblings("<html>")).isInstanceOf(HubException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> HubListing.parseSiblings("")).isInstanceOf(HubException.class);
    }

    @Test
    void theNextPageComesFromTheLinkHeader() {
        HttpUrl current = HttpUrl.get("http://127.0.0.1:1/api/models/a/b/tree/main?recursive=true");

        assertThat(HubClient.nextPage("<http://127.0.0.1:1/api/models/a/b/tree/main?cursor=xyz>; rel=\"next\"", current))
                .hasToString("http://127.0.0.1:1/api/models/a/b/tree/main?cursor=xyz");
        assertThat(HubClient.nextPage(null, current)).isNull();
        assertThat(HubClient.nextPage("<http://x/prev>; rel=\"prev\"", current)).isNull();
    }

    @Test
    void theRangeStartIsReadFromContentRange() {
        assertThat(HubClient.rangeStart("bytes 100-199/200", 100)).isEqualTo(100);
        assertThat(HubClient.rangeStart(null, 42)).isEqualTo(42);
    }

    @Test
    void listFilesAndListSiblingsCallTheHubApiShapes() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            hub.file("onnx/model.onnx", 10, true);
            hub.file("tokenizer.json", 5, false);
            HubClient client = HubClient.create(hub.baseUrl(), Map.of());

            List<RepoFile> files = client.listFiles(FakeHub.REPO, "main");

            assertThat(files).extracting(RepoFile::path).containsExactly("onnx/model.onnx", "tokenizer.json");
            assertThat(files.get(0).checksum()).isPresent();
            assertThat(hub.requests.get(0).getTarget())
                    .isEqualTo("/api/models/" + FakeHub.REPO + "/tree/main?recursive=true");
            assertThatThrownBy(() -> client.listSiblings("owner/absent"))
                    .isInstanceOf(HubException.class).hasMessageContaining("404")
                    .satisfies(e -> assertThat(((HubException) e).status()).isEqualTo(404));
        }
    }
}
