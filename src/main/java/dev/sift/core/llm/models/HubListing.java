package dev.sift.core.llm.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two listing shapes of the Hub API.
 *
 * <ul>
 *   <li>{@code GET /api/models/{repo}}: {@code {"siblings":[{"rfilename":"…", "size":N?, "lfs":{"sha256":"…","size":N}?}]}}
 *   <li>{@code GET /api/models/{repo}/tree/{revision}}: {@code [{"type":"file","path":"…","size":N,
 *       "oid":"<git sha1>","lfs":{"oid":"<sha256>","size":N}?}]}; directories ({@code "type":"directory"}) are skipped
 * </ul>
 *
 * Unknown fields are ignored, so the Hub may add some without breaking Sift.
 */
final class HubListing {

    static final ObjectMapper JSON = new ObjectMapper();

    private HubListing() {}

    static List<RepoFile> parseSiblings(String body) throws HubException {
        JsonNode siblings = read(body).path("siblings");
        if (!siblings.isArray()) {
            throw new HubException("The model listing has no \"siblings\" array", -1);
        }
        List<RepoFile> files = new ArrayList<>();
        for (JsonNode sibling : siblings) {
            String path = sibling.path("rfilename").asText("");
            if (path.isEmpty()) {
                continue;
            }
            JsonNode lfs = sibling.path("lfs");
            long size = lfs.path("size").asLong(sibling.path("size").asLong(-1));
            files.add(new RepoFile(path, size, lfs.path("sha256").asText(null)));
        }
        return files;
    }

    static List<RepoFile> parseTree(String body) throws HubException {
        JsonNode entries = read(body);
        if (!entries.isArray()) {
            throw new HubException("The tree listing is not a JSON array", -1);
        }
        List<RepoFile> files = new ArrayList<>();
        for (JsonNode entry : entries) {
            String path = entry.path("path").asText("");
            if (path.isEmpty() || "directory".equals(entry.path("type").asText("file"))) {
                continue;
            }
            JsonNode lfs = entry.path("lfs");
            long size = lfs.path("size").asLong(entry.path("size").asLong(-1));
            // Only the LFS pointer's oid is a SHA-256 of the content; the top-level oid is a git blob SHA-1.
            files.add(new RepoFile(path, size, lfs.path("oid").asText(lfs.path("sha256").asText(null))));
        }
        return files;
    }

    private static JsonNode read(String body) throws HubException {
        if (body == null || body.isBlank()) {
            throw new HubException("The listing answer was empty", -1);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HubException("The listing answer is not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
