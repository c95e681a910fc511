package dev.sift.core.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Replaces files all-or-nothing: the content goes to a hidden temporary file in the target's folder,
 * is forced to disk, and is then renamed over the target. Readers see the old file or the new one,
 * never a half-written one; when writing fails or is cancelled the temporary file is deleted and the
 * target is left as it was.
 */
final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Writes the file's content to the stream it is given; must not close it. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * Writes {@code target} atomically. Blocks while writing; runs {@code content} on the calling thread.
     *
     * @return the hex SHA-256 of the bytes written
     * @throws Exception whatever {@code content} throws, or an {@link IOException}; the target is unchanged
     */
    static String write(Path target, Content content) throws Exception {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = folder.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + ".tmp");
        try {
            MessageDigest sha256 = sha256();
            try (FileChannel file = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(
                            new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16), sha256)) {
                content.writeTo(out);
                out.flush();
                file.force(true);
            }
            move(temp, absolute);
            syncFolder(folder);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (Exception | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and FUSE file systems cannot rename atomically; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file itself is already on disk
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
