package dev.sift.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sift.core.model.DatasetFormat;
import dev.sift.core.store.ProjectStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Imports every file of the bad-input corpus (committed under {@code bad-input/}, or generated here
 * when large or binary) and checks the error against {@code bad-input/expected-errors.tsv}: the
 * message names the file, the location, the field and the expected fragment, and the project is
 * left without datasets or samples.
 */
class BadInputTest {

    private static final String CORPUS = "/dev/sift/core/dataset/bad-input/";

    /** Files too large, binary or odd to commit: written into the temporary folder per test. */
    private static final Map<String, FileMaker> GENERATED = Map.ofEntries(
            Map.entry("invalid-utf8.jsonl", file -> Files.write(file, concat(
                    "{\"instruction\": \"Name a colour.\", \"output\": \"Teal.\"}\n{\"instruction\": \"Name a bird.\", \"output\": \"Wr",
                    new byte[] {(byte) 0xFF, (byte) 0xFE}, "n.\"}\n"))),
            Map.entry("invalid-utf8.csv", file -> Files.write(file, concat(
                    "instruction,output\nName a colour.,Teal.\nName a bird.,Wr", new byte[] {(byte) 0xC3, (byte) 0x28}, "n.\n"))),
            Map.entry("utf16-bom.json", file -> Files.write(file,
                    "[{\"instruction\": \"Name a colour.\"}]".getBytes(StandardCharsets.UTF_16))),
            Map.entry("utf16le-no-bom.jsonl", file -> Files.write(file,
                    "{\"instruction\": \"Name a colour.\"}\n".getBytes(StandardCharsets.UTF_16LE))),
            Map.entry("huge-string.json", BadInputTest::writeHugeString),
            Map.entry("image.png", file -> Files.write(file, new byte[] {
                    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'})),
            Map.entry("archive.jsonl.gz", file -> Files.write(file, new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0})),
            Map.entry("zero-bytes.jsonl", file -> Files.write(file, concat("{\"instruction\": \"a\"", new byte[64], "}"))),
            Map.entry("deep-nesting.json", file -> Files.writeString(file,
                    "[{\"instruction\": \"Name a colour.\", \"meta\": " + "[".repeat(1_100) + "]".repeat(1_100) + "}]")),
            Map.entry("a-folder.json", Files::createDirectory),
            Map.entry("missing.json", file -> {}));

    @FunctionalInterface
    interface FileMaker {
        void make(Path file) throws IOException;
    }

    record Expectation(String file, Optional<DatasetFormat> format, String location, String field, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        var cases = new ArrayList<Arguments>();
        for (String line : readResource("expected-errors.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertThat(cols).as("columns of: " + line).hasSize(5);
            Optional<DatasetFormat> format = cols[1].equals("auto") ? Optional.empty()
                    : Optional.of(DatasetFormat.fromId(cols[1]).orElseThrow());
            cases.add(Arguments.of(new Expectation(cols[0], format, dash(cols[2]), dash(cols[3]), cols[4])));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void failsWithAClearMessageAndLeavesTheProjectUnchanged(Expectation expected, @TempDir Path dir) throws Exception {
        Path file = materialise(expected.file(), dir);
        try (ProjectStore store = ImportFixture.newProject(dir)) {
            var request = new ImportRequest(file, expected.format(), Optional.empty(), CsvMapping.defaults());

            ImportException e = catchThrowableOfType(ImportException.class,
                    () -> new ImportJob(request, store).run(new RecordingContext()));

            assertThat(e).as("import of " + expected.file()).isNotNull();
            assertThat(e.getMessage()).startsWith(expected.file() + (expected.location().isEmpty() ? ": " : ", "));
            assertThat(e.location()).isEqualTo(expected.location());
            assertThat(e.field().orElse("")).isEqualTo(expected.field());
            if (!expected.field().isEmpty()) {
                assertThat(e.getMessage()).contains("field '" + expected.field() + "'");
            }
            assertThat(e.getMessage()).contains(expected.fragment());
            ImportFixture.assertUnchanged(store);
        }
    }

    @Test
    void corpusHasAtLeastTwentyEightCasesAndEveryCommittedFileIsListed() throws IOException {
        List<String> listed = corpus().map(a -> ((Expectation) a.get()[0]).file()).toList();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(28).doesNotHaveDuplicates();
        assertThat(listed).containsAll(GENERATED.keySet());
        try (InputStream in = BadInputTest.class.getResourceAsStream(CORPUS + "files.txt")) {
            assertThat(in).as("files.txt lists the committed corpus").isNotNull();
            for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!name.isBlank()) {
                    assertThat(listed).as("expectation for " + name).contains(name.strip());
                    assertThat(BadInputTest.class.getResource(CORPUS + name.strip())).as(name).isNotNull();
                }
            }
        }
    }

    private static Path materialise(String name, Path dir) throws IOException {
        Path file = dir.resolve(name);
        FileMaker maker = GENERATED.get(name);
        if (maker != null) {
            maker.make(file);
            return file;
        }
        try (InputStream in = BadInputTest.class.getResourceAsStream(CORPUS + name)) {
            assertThat(in).as("corpus file " + name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    /** A 50 MB output value, beyond the 20M-character limit; streamed out, never built in memory. */
    private static void writeHugeString(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("[{\"instruction\": \"Repeat the letter a.\", \"output\": \"");
            char[] chunk = "a".repeat(1 << 20).toCharArray();
            for (int i = 0; i < 50; i++) {
                w.write(chunk);
            }
            w.write("\"}]\n");
        }
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static String readResource(String name) {
        try (InputStream in = BadInputTest.class.getResourceAsStream(CORPUS + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dash(String value) {
        return value.equals("-") ? "" : value;
    }
}
