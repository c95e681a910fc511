package dev.sift.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's credentials file: one {@code NAME=value} per line, blank lines and lines starting with
 * {@code #} ignored, by default {@code ~/.config/sift/credentials}. Like ssh with its keys, it refuses
 * to read a file that other users may read or write (on POSIX file systems), and it writes the file
 * atomically with owner-only permissions ({@code rw-------}, its folder {@code rwx------}).
 *
 * <p>Threading: thread-safe within one process (writes are serialised on this object); another process
 * writing at the same moment may lose one of the two updates. Blocking: every method reads (and
 * {@link #put}/{@link #remove} rewrite) the file. Exceptions name the file, line numbers and entry
 * names, never a value.
 */
public final class Credentials {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    public Credentials(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file at {@link #defaultLocation()}. */
    public static Credentials atDefaultLocation() {
        return new Credentials(defaultLocation());
    }

    /** {@code ~/.config/sift/credentials} of the user running Sift. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".config", "sift", "credentials");
    }

    public Path file() {
        return file;
    }

    /**
     * The entry {@code name}; empty when there is no such entry or no file.
     *
     * @throws SecretException when the file is open to other users, malformed, or unreadable
     */
    public Optional<Secret> get(String name) throws SecretException {
        String value = read().get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    /** The names of all entries, in file order. */
    public List<String> names() throws SecretException {
        return List.copyOf(read().keySet());
    }

    /** Adds or replaces the entry {@code name}, keeping every other line (comments included). */
    public synchronized void put(String name, Secret value) throws SecretException {
        checkName(name);
        String text = value.reveal();
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new SecretException("the value for " + name + " contains a line break; a credential is one line");
        }
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        for (String line : existingLines()) {
            if (name.equals(entryName(line))) {
                if (!replaced) {
                    lines.add(name + "=" + text);
                    replaced = true;
                }
            } else {
                lines.add(line);
            }
        }
        if (!replaced) {
            lines.add(name + "=" + text);
        }
        write(lines);
    }

    /** Removes the entry {@code name}; false when there was none. */
    public synchronized boolean remove(String name) throws SecretException {
        List<String> lines = new ArrayList<>();
        boolean removed = false;
        for (String line : existingLines()) {
            if (name.equals(entryName(line))) {
                removed = true;
            } else {
                lines.add(line);
            }
        }
        if (removed) {
            write(lines);
        }
        return removed;
    }

    private Map<String, String> read() throws SecretException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines = existingLines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? "" : line.substring(0, equals).strip();
            if (!NAME.matcher(name).matches()) {
                throw new SecretException("credentials file " + file + ", line " + (i + 1)
                        + ": expected NAME=value (NAME of letters, digits, '_', '.' or '-')");
            }
            entries.put(name, line.substring(equals + 1).strip());
        }
        return entries;
    }

    /** The file's lines after the permission check; none when there is no file. */
    private List<String> existingLines() throws SecretException {
        if (!Files.exists(file)) {
            return List.of();
        }
        checkPermissions();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SecretException("could not read the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkPermissions() throws SecretException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = posix.readAttributes().permissions();
        } catch (IOException e) {
            throw new SecretException("could not check the permissions of " + file + ": " + e.getMessage(), e);
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new SecretException("the credentials file " + file + " is accessible by other users (permissions "
                    + PosixFilePermissions.toString(permissions) + "); it was not read. Run: chmod 600 " + file);
        }
    }

    private static String entryName(String line) {
        String stripped = line.strip();
        int equals = stripped.indexOf('=');
        return stripped.startsWith("#") || equals < 0 ? null : stripped.substring(0, equals).strip();
    }

    private static void checkName(String name) throws SecretException {
        if (!NAME.matcher(name).matches() || name.length() > 64) {
            throw new SecretException("a credential name has 1 to 64 letters, digits, '_', '.' or '-'");
        }
    }

    /** Writes a temporary owner-only file beside the real one, flushes it to disk, then moves it over. */
    private void write(List<String> lines) throws SecretException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(dir.getRoot(), PosixFileAttributeView.class) != null;
        Path temp = null;
        try {
            createFolder(dir, posix);
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly);
            byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new SecretException("could not write the credentials file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is owner-only; leaving it behind exposes nothing
                }
            }
        }
    }

    private static void createFolder(Path dir, boolean posix) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // created meanwhile
        }
    }
}
