package dev.sift.core.llm.models;

import java.io.IOException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

/**
 * A loopback (127.0.0.1) stand-in for the Hub: serves a tree listing of its files and their bytes under
 * {@code /{repo}/resolve/{revision}/{path}}, honouring {@code Range} unless told not to, and can cut the
 * next N file answers off half-way. Records every request.
 */
final class FakeHub implements AutoCloseable {

    static final String REPO = "HuggingFaceTB/SmolLM2-135M-Instruct";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> listedSha = new LinkedHashMap<>();
    volatile boolean ignoreRange;
    volatile int cutOffNext;
    volatile int listingStatus = 200;

    FakeHub() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** Adds a file of random bytes; {@code lfs} files get a SHA-256 in the listing. */
    byte[] file(String path, int size, boolean lfs) {
        byte[] bytes = new byte[size];
        new Random(path.hashCode()).nextBytes(bytes);
        files.put(path, bytes);
        if (lfs) {
            listedSha.put(path, sha256(bytes));
        }
        return bytes;
    }

    /** Makes the listing announce a wrong checksum for {@code path}. */
    void listWrongSha(String path) {
        listedSha.put(path, "0".repeat(64));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    HubClient client() {
        return HubClient.create(baseUrl(), Map.of());
    }

    List<RecordedRequest> downloadsOf(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/resolve/main/" + path)).toList();
        }
    }

    String treeJson() {
        StringBuilder json = new StringBuilder("[{\"type\":\"directory\",\"oid\":\"abc\",\"size\":0,\"path\":\"onnx\"}");
        files.forEach((path, bytes) -> {
            json.append(",{\"type\":\"file\",\"oid\":\"da39a3ee5e6b4b0d3255bfef95601890afd80709\",\"size\":")
                    .append(bytes.length).append(",\"path\":\"").append(path).append('"');
            String sha = listedSha.get(path);
            if (sha != null) {
                json.append(",\"lfs\":{\"oid\":\"").append(sha).append("\",\"size\":").append(bytes.length)
                        .append(",\"pointerSize\":134}");
            }
            json.append('}');
        });
        return json.append(']').toString();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String treePrefix = "/api/models/" + REPO + "/tree/main";
        if (path.equals(treePrefix)) {
            if (listingStatus != 200) {
                return new MockResponse.Builder().code(listingStatus).body("{\"error\":\"Invalid credentials\"}").build();
            }
            return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(treeJson()).build();
        }
        String resolvePrefix = "/" + REPO + "/resolve/main/";
        if (path.startsWith(resolvePrefix)) {
            byte[] bytes = files.get(path.substring(resolvePrefix.length()));
            if (bytes == null) {
                return new MockResponse.Builder().code(404).body("Entry not found").build();
            }
            int from = 0;
            String range = request.getHeaders().get("Range");
            if (range != null && !ignoreRange) {
                Matcher matcher = RANGE.matcher(range);
                if (matcher.matches()) {
                    from = Integer.parseInt(matcher.group(1));
                }
                if (from >= bytes.length) {
                    return new MockResponse.Builder().code(416).build();
                }
            }
            MockResponse.Builder response = new MockResponse.Builder()
                    .body(new Buffer().write(bytes, from, bytes.length - from));
            if (from > 0) {
                response.code(206).setHeader("Content-Range",
                        "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
            }
            if (cutOffNext > 0) {
                cutOffNext--;
                response.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE);
            }
            return response.build();
        }
        return new MockResponse.Builder().code(404).body("not scripted: " + path).build();
    }

    static String sha256(byte[] bytes) {
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
