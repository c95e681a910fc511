package dev.sift.ui.agents;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A loopback (127.0.0.1) stand-in for the Hugging Face Hub serving one repository: its tree listing
 * (with SHA-256 for every file, as for LFS files) and the files under {@code /{repo}/resolve/main/}.
 * Records every request, so a test can tell that nothing was fetched without a click.
 */
final class LoopbackHub implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final String repo;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> listedSha = new LinkedHashMap<>();
    final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

    LoopbackHub(String repo) throws IOException {
        this.repo = repo;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request.getUrl().encodedPath());
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    LoopbackHub file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        files.put(path, bytes);
        listedSha.put(path, sha256(bytes));
        return this;
    }

    /** Makes the listing announce a checksum that the file's bytes do not have. */
    LoopbackHub wrongSha(String path) {
        listedSha.put(path, "0".repeat(64));
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private MockResponse answer(String path) {
        if (path.equals("/api/models/" + repo + "/tree/main")) {
            StringBuilder json = new StringBuilder("[");
            files.forEach((file, bytes) -> json.append(json.length() > 1 ? "," : "")
                    .append("{\"type\":\"file\",\"path\":\"").append(file).append("\",\"size\":").append(bytes.length)
                    .append(",\"lfs\":{\"oid\":\"").append(listedSha.get(file)).append("\",\"size\":")
                    .append(bytes.length).append("}}"));
            return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body(json.append(']').toString()).build();
        }
        String resolve = "/" + repo + "/resolve/main/";
        byte[] bytes = path.startsWith(resolve) ? files.get(path.substring(resolve.length())) : null;
        if (bytes == null) {
            return new MockResponse.Builder().code(404).body("not scripted: " + path).build();
        }
        return new MockResponse.Builder().body(new Buffer().write(bytes)).build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
