package dev.sift.core.llm.models;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Whether a downloaded file is the one the Hub listed: its size, and its SHA-256 when the listing gives one. Hashing
 * reads in 1 MiB blocks and honours a cancel between them.
 */
final class DownloadChecks {

    private DownloadChecks() {}

    /** Deletes {@code part} and says why when it is not the listed file. */
    static void verify(RepoFile file, Path part, JobContext context) throws IOException, JobCancelledException {
        long size = Files.size(part);
        if (file.sizeKnown() && size != file.size()) {
            Files.delete(part);
            throw new ModelDownloadException(file.path() + " arrived with " + size + " bytes, the listing says "
                    + file.size() + "; the partial file was deleted, start the download again");
        }
        if (file.sha256() != null) {
            context.message("Checking the SHA-256 of " + file.path());
            String actual = sha256(part, context);
            if (!actual.equals(file.sha256())) {
                Files.delete(part);
                throw new ModelDownloadException("SHA-256 mismatch for " + file.path() + ": expected " + file.sha256()
                        + ", got " + actual + "; the downloaded file was deleted");
            }
        }
    }

    static boolean matches(RepoFile file, Path path, JobContext context) throws IOException, JobCancelledException {
        if (file.sizeKnown() && Files.size(path) != file.size()) {
            return false;
        }
        return file.sha256() == null || file.sha256().equals(sha256(path, context));
    }

    static String sha256(Path path, JobContext context) throws IOException, JobCancelledException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
                context.checkCancelled();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}
