package dev.sift.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTest {

    private static final String KEY = "sk-proj-Zq9xT3vW8yR2uK7mN4pL1234";

    @TempDir
    Path home;

    private Path file() {
        return home.resolve(".config/sift/credentials");
    }

    private SecretResolver resolver(Map<String, String> env) {
        return new SecretResolver(env, new Credentials(file()));
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private void writeFile(String text, String permissions) throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), text);
        if (posix()) {
            Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString(permissions));
        }
    }

    @Test
    void resolvesEnvironmentReferences() throws Exception {
        var resolver = resolver(Map.of("OPENAI_API_KEY", KEY));

        assertThat(resolver.resolve("env:OPENAI_API_KEY")).get().extracting(Secret::reveal).isEqualTo(KEY);
        assertThat(resolver.resolve("")).isEmpty();
    }

    @Test
    void namesTheMissingVariable() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve("env:OPENAI_API_KEY"))
                .isInstanceOf(SecretException.class)
                .hasMessage("environment variable OPENAI_API_KEY (key reference env:OPENAI_API_KEY) is not set");
    }

    @Test
    void resolvesCredentialReferencesFromTheFileIgnoringComments() throws Exception {
        writeFile("# keys for sift\n\nOPENAI = " + KEY + "\ntogether=tg-key-0000\n# OPENAI=old\n", "rw-------");

        var resolver = resolver(Map.of());

        assertThat(resolver.resolve("cred:OPENAI")).get().extracting(Secret::reveal).isEqualTo(KEY);
        assertThat(resolver.resolve("cred:together")).get().extracting(Secret::reveal).isEqualTo("tg-key-0000");
        assertThatThrownBy(() -> resolver.resolve("cred:ANTHROPIC"))
                .hasMessageStartingWith("no entry ANTHROPIC in the credentials file")
                .hasMessageContaining("(key reference cred:ANTHROPIC)");
    }

    @Test
    void refusesACredentialsFileOtherUsersCanRead() throws Exception {
        assumeTrue(posix(), "permissions are checked on POSIX file systems");
        writeFile("OPENAI=" + KEY + "\n", "rw-r--r--");

        assertThatThrownBy(() -> resolver(Map.of()).resolve("cred:OPENAI"))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("is accessible by other users (permissions rw-r--r--)")
                .hasMessageEndingWith("Run: chmod 600 " + file());
    }

    @Test
    void namesAnUnknownReferenceButNotSomethingThatMayBeAKey() {
        var resolver = resolver(Map.of());

        assertThatThrownBy(() -> resolver.resolve("vault:OPENAI"))
                .hasMessageStartingWith("unknown key reference vault:OPENAI: use env:NAME");
        assertThatThrownBy(() -> resolver.resolve(KEY))
                .hasMessageStartingWith("unknown key reference (" + KEY.length() + " characters, not shown");
    }

    @Test
    void aKeyNeverAppearsInAnyExceptionMessage() throws Exception {
        List<Exception> failures = new ArrayList<>();
        var empty = resolver(Map.of());
        for (String ref : List.of(KEY, "env:" + KEY + KEY + KEY, "cred:" + KEY + "!", "bearer " + KEY, "env:" + KEY.replace('-', ' '))) {
            try {
                empty.resolve(ref);
            } catch (SecretException e) {
                failures.add(e);
            }
        }
        writeFile("OPENAI=" + KEY + "\n" + KEY + "\n", "rw-------");
        try {
            empty.resolve("cred:OPENAI");
        } catch (SecretException e) {
            failures.add(e);
        }
        try {
            new Credentials(file()).put("OPENAI", Secret.of(KEY + "\nmore"));
        } catch (SecretException e) {
            failures.add(e);
        }
        if (posix()) {
            Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-rw-"));
            try {
                empty.resolve("cred:OPENAI");
            } catch (SecretException e) {
                failures.add(e);
            }
        }

        assertThat(failures).hasSizeGreaterThanOrEqualTo(7);
        assertThat(failures).extracting(Exception::getMessage).allSatisfy(message ->
                assertThat(message).doesNotContain(KEY).doesNotContain(KEY.substring(8)));
        assertThat(failures.get(5).getMessage()).contains("line 2: expected NAME=value");
    }
}
