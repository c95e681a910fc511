package dev.sift.core.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An import source opened for streaming: checks that the path is a readable regular file, looks at
 * its first bytes to reject what is not UTF-8 text (UTF-16/32, images, archives, other binary data),
 * strips a UTF-8 byte-order mark, and counts the bytes read for progress reporting.
 */
final class SourceFile implements AutoCloseable {

    /** Bytes looked at to tell text from binary data. */
    static final int SNIFF_BYTES = 4096;

    private final Path path;
    private final long size;
    private final CountingInputStream counting;
    private final InputStream stream;

    private SourceFile(Path path, long size, CountingInputStream counting, InputStream stream) {
        this.path = path;
        this.size = size;
        this.counting = counting;
        this.stream = stream;
    }

    /** Opens {@code path}; the caller closes the result. */
    static SourceFile open(Path path) throws ImportException {
        if (Files.isDirectory(path)) {
            throw new ImportException(path, "", "", "is a folder, not a file; choose a file to import");
        }
        long size;
        InputStream raw;
        try {
            size = Files.size(path);
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ImportException(path, "", "", "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ImportException(path, "", "", "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new ImportException(path, "", "", "cannot be read: " + e.getMessage(), e);
        }
        var counting = new CountingInputStream(raw);
        var pushback = new PushbackInputStream(counting, SNIFF_BYTES);
        try {
            byte[] head = new byte[SNIFF_BYTES];
            int n = pushback.readNBytes(head, 0, head.length);
            int skip = checkHead(path, head, n);
            if (n > skip) {
                pushback.unread(head, skip, n - skip);
            }
            return new SourceFile(path, size, counting, pushback);
        } catch (IOException e) {
            closeQuietly(pushback);
            throw new ImportException(path, "", "", "cannot be read: " + e.getMessage(), e);
        } catch (ImportException e) {
            closeQuietly(pushback);
            throw e;
        }
    }

    /** Returns how many leading bytes to skip (a UTF-8 BOM), or throws when the data is not UTF-8 text. */
    private static int checkHead(Path path, byte[] head, int n) throws ImportException {
        if (startsWith(head, n, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if (startsWith(head, n, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, n, 0x00, 0x00, 0xFE, 0xFF)) {
            throw notUtf8(path, "UTF-32");
        }
        if (startsWith(head, n, 0xFE, 0xFF) || startsWith(head, n, 0xFF, 0xFE)) {
            throw notUtf8(path, "UTF-16");
        }
        String kind = magicKind(head, n);
        if (kind != null) {
            throw new ImportException(path, "", "", "is " + kind + ", not a text data file");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                boolean utf16 = n >= 2 && (head[0] == 0 || head[1] == 0) && i < 2;
                if (utf16) {
                    throw notUtf8(path, "UTF-16");
                }
                throw new ImportException(path, "", "",
                        "holds binary data (a zero byte at byte " + (i + 1) + "), not JSON or CSV text");
            }
        }
        return 0;
    }

    private static ImportException notUtf8(Path path, String encoding) {
        return new ImportException(path, "", "",
                "is encoded as " + encoding + "; save it as UTF-8 and import it again");
    }

    private static String magicKind(byte[] head, int n) {
        if (startsWith(head, n, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(head, n, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith(head, n, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(head, n, 'P', 'K', 3, 4)) {
            return "a ZIP archive (or an Excel/Office file; export it as CSV first)";
        }
        if (startsWith(head, n, 0x1F, 0x8B)) {
            return "a gzip archive; decompress it first";
        }
        if (startsWith(head, n, 'S', 'Q', 'L', 'i', 't', 'e')) {
            return "an SQLite database (a project file?)";
        }
        if (startsWith(head, n, 'P', 'A', 'R', '1')) {
            return "a Parquet file; convert it to JSONL first";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    Path path() {
        return path;
    }

    /** The file's size in bytes when it was opened. */
    long size() {
        return size;
    }

    /** Bytes read from the file so far (a little ahead of the parser, which buffers). */
    long bytesRead() {
        return counting.count;
    }

    /** The content after any byte-order mark. */
    InputStream stream() {
        return stream;
    }

    @Override
    public void close() {
        closeQuietly(stream);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only stream loses nothing
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
