package dev.sift.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path home;

    private Path file() {
        return home.resolve(".config/sift/credentials");
    }

    @Test
    void putCreatesTheFileAndItsFolderForTheOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        var credentials = new Credentials(file());

        credentials.put("OPENAI", Secret.of("sk-test-0123456789"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
        assertThat(credentials.get("OPENAI")).get().extracting(Secret::reveal).isEqualTo("sk-test-0123456789");
    }

    @Test
    void putReplacesAnEntryAndKeepsTheRestOfTheFile() throws Exception {
        var credentials = new Credentials(file());
        credentials.put("OPENAI", Secret.of("old-key-000000"));
        credentials.put("TOGETHER", Secret.of("tg-key-111111"));
        Files.writeString(file(), "# my keys\n" + Files.readString(file()));

        credentials.put("OPENAI", Secret.of("new-key-222222"));

        assertThat(Files.readString(file())).isEqualTo("# my keys\nOPENAI=new-key-222222\nTOGETHER=tg-key-111111\n");
        assertThat(credentials.names()).containsExactly("OPENAI", "TOGETHER");
    }

    @Test
    void writesThroughATemporaryFileThatDoesNotStayBehind() throws Exception {
        var credentials = new Credentials(file());
        credentials.put("A", Secret.of("value-a-000000"));
        credentials.put("B", Secret.of("value-b-000000"));

        assertThat(credentials.remove("A")).isTrue();
        assertThat(credentials.remove("A")).isFalse();

        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files).containsExactly(file());
        }
        assertThat(credentials.names()).containsExactly("B");
    }

    @Test
    void aMissingFileHasNoEntries() throws Exception {
        var credentials = new Credentials(file());

        assertThat(credentials.get("OPENAI")).isEmpty();
        assertThat(credentials.names()).isEmpty();
    }

    @Test
    void theDefaultLocationIsInTheUsersConfigFolder() {
        assertThat(Credentials.defaultLocation()).endsWithRaw(Path.of(".config", "sift", "credentials"));
    }
}
