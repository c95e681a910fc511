package dev.sift.core.llm.models;

import java.util.Optional;

/**
 * One file of a Hub repository listing.
 *
 * @param path the path inside the repository, with {@code /} separators (e.g. {@code onnx/model.onnx})
 * @param size the size in bytes, or -1 when the listing did not say
 * @param sha256 the lower-case hex SHA-256 of the content, or {@code null} when the listing gave none (the
 *     Hub gives one only for files stored with LFS; a plain git blob id is a SHA-1 and is not kept here)
 */
public record RepoFile(String path, long size, String sha256) {

    public RepoFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a repository file needs a path");
        }
        sha256 = sha256 == null || sha256.isBlank() ? null : sha256.toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<String> checksum() {
        return Optional.ofNullable(sha256);
    }

    public boolean sizeKnown() {
        return size >= 0;
    }
}
