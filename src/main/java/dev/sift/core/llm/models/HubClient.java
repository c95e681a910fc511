package dev.sift.core.llm.models;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Talks to the Hugging Face Hub (or anything with the same URL shapes): lists a repository's files and
 * opens a file for download, optionally from a byte offset.
 *
 * <p>An access token, when given, is sent as {@code Authorization: Bearer …}. It is never logged, never
 * put in an exception message and never shown by {@link #toString()}.
 *
 * <p>All methods block on the network and are safe to call from several threads.
 */
public final class HubClient {

    public static final String DEFAULT_BASE_URL = "https://huggingface.co";
    /** The environment variable the token is read from, as in the Hub's own tools. */
    public static final String TOKEN_VARIABLE = "HF_TOKEN";
    public static final String DEFAULT_REVISION = "main";

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MAX_PAGES = 100;

    private final HttpUrl base;
    private final String token;
    private final OkHttpClient http;

    private HubClient(HttpUrl base, String token, OkHttpClient http) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http = http;
    }

    /**
     * A client for {@code baseUrl} with the token of {@code environment}'s {@value #TOKEN_VARIABLE}, if set.
     * Pass {@code System.getenv()} in the application and a map in tests.
     */
    public static HubClient create(String baseUrl, Map<String, String> environment) {
        return new HubClient(parseBase(baseUrl), environment.get(TOKEN_VARIABLE), HubHttp.client());
    }

    /** The public Hub with the token of this process's environment. */
    public static HubClient fromEnvironment() {
        return create(DEFAULT_BASE_URL, System.getenv());
    }

    private static HttpUrl parseBase(String baseUrl) {
        HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (url == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
        }
        return url;
    }

    public String baseUrl() {
        return base.toString();
    }

    public boolean hasToken() {
        return token != null;
    }

    /**
     * All files of {@code repoId} at {@code revision}, with sizes and (for LFS files) SHA-256, from the
     * recursive tree endpoint, following its {@code Link: rel="next"} pages.
     */
    public List<RepoFile> listFiles(String repoId, String revision) throws IOException {
        HttpUrl url = api(repoId).addPathSegment("tree").addPathSegment(revision)
                .addQueryParameter("recursive", "true").build();
        List<RepoFile> files = new ArrayList<>();
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            try (Response response = http.newCall(get(url).build()).execute()) {
                requireSuccess(response, url, repoId);
                files.addAll(HubListing.parseTree(bodyText(response)));
                url = nextPage(response.header("Link"), url);
            }
        }
        return files;
    }

    /** The files named in {@code GET /api/models/{repo}} ("siblings"); sizes and SHA-256 only where given. */
    public List<RepoFile> listSiblings(String repoId) throws IOException {
        HttpUrl url = api(repoId).build();
        try (Response response = http.newCall(get(url).build()).execute()) {
            requireSuccess(response, url, repoId);
            return HubListing.parseSiblings(bodyText(response));
        }
    }

    /**
     * Opens {@code GET {base}/{repo}/resolve/{revision}/{path}}, asking for the bytes from {@code offset}
     * on when it is positive. The caller must close the result. A server may ignore the range: check
     * {@link Download#offset()}.
     *
     * @throws HubException for an error status, except 416 (range not satisfiable), which is returned so
     *     the caller can start over
     */
    public Download open(String repoId, String revision, String path, long offset) throws IOException {
        HttpUrl url = base.newBuilder().addPathSegments(checkedRepo(repoId)).addPathSegment("resolve")
                .addPathSegment(revision).addPathSegments(path).build();
        Request.Builder request = get(url);
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        Response response = http.newCall(request.build()).execute();
        if (response.code() == 416) {
            return new Download(response, 416, 0, -1);
        }
        try {
            requireSuccess(response, url, repoId);
        } catch (HubException e) {
            response.close();
            throw e;
        }
        long start = 0;
        if (response.code() == 206) {
            start = rangeStart(response.header("Content-Range"), offset);
        }
        ResponseBody body = response.body();
        long remaining = body.contentLength();
        long total = remaining >= 0 ? start + remaining : -1;
        return new Download(response, response.code(), start, total);
    }

    private HttpUrl.Builder api(String repoId) {
        return base.newBuilder().addPathSegment("api").addPathSegment("models").addPathSegments(checkedRepo(repoId));
    }

    private static String checkedRepo(String repoId) {
        ModelsDirectory.folderName(repoId); // validates
        return repoId;
    }

    private Request.Builder get(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url).get();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private void requireSuccess(Response response, HttpUrl url, String repoId) throws HubException {
        int code = response.code();
        if (code >= 200 && code < 300) {
            return;
        }
        String hint = switch (code) {
            case 401, 403 -> token == null
                    ? " (the repository may be gated or private: accept its terms on the Hub and set "
                            + TOKEN_VARIABLE + ")"
                    : " (the token set in " + TOKEN_VARIABLE + " was refused or lacks access to " + repoId + ")";
            case 404 -> " (check the repository id, the revision and the file path)";
            case 429 -> " (rate limited: wait and try again)";
            default -> "";
        };
        throw new HubException("HTTP " + code + " from " + redacted(url) + hint, code);
    }

    /** The URL without its query: listings carry none that matter, and no secret ever travels in a URL here. */
    private static String redacted(HttpUrl url) {
        return url.newBuilder().query(null).build().toString();
    }

    private static String bodyText(Response response) throws IOException {
        return response.body().string();
    }

    static HttpUrl nextPage(String linkHeader, HttpUrl current) {
        if (linkHeader == null) {
            return null;
        }
        Matcher matcher = NEXT_LINK.matcher(linkHeader);
        return matcher.find() ? current.resolve(matcher.group(1)) : null;
    }

    /** The first byte of a {@code Content-Range: bytes START-END/TOTAL}; {@code requested} when it is missing. */
    static long rangeStart(String contentRange, long requested) {
        if (contentRange == null) {
            return requested;
        }
        Matcher matcher = Pattern.compile("bytes\\s+(\\d+)-").matcher(contentRange.trim());
        return matcher.lookingAt() ? Long.parseLong(matcher.group(1)) : requested;
    }

    @Override
    public String toString() {
        return "HubClient[" + base + (token != null ? ", with token" : "") + "]";
    }

    /** An open download: the body stream and where in the file it starts. Close it when done. */
    public static final class Download implements Closeable {

        private final Response response;
        private final int status;
        private final long offset;
        private final long totalSize;

        Download(Response response, int status, long offset, long totalSize) {
            this.response = response;
            this.status = status;
            this.offset = offset;
            this.totalSize = totalSize;
        }

        /** 200 (whole file), 206 (from {@link #offset()}) or 416 (the range was refused; no body). */
        public int status() {
            return status;
        }

        /** The byte of the file the body starts at: 0 unless the server honoured the range. */
        public long offset() {
            return offset;
        }

        /** The whole file's size when the answer says, else -1. */
        public long totalSize() {
            return totalSize;
        }

        public boolean rangeRefused() {
            return status == 416;
        }

        public InputStream body() {
            return response.body().byteStream();
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
