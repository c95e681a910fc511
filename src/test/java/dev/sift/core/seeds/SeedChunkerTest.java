package dev.sift.core.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.SeedChunkKind;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedChunkerTest {

    private final TokenCounter counter = new ApproximateTokenCounter();

    private List<NewSeedChunk> chunk(SeedChunkKind kind, String text, int budget, int overlap) {
        return new SeedChunker(counter, new ChunkSettings(budget, overlap, "text"))
                .chunk(new SeedDocument("doc", kind, kind == SeedChunkKind.CODE ? "python" : "", text));
    }

    /** A paragraph of {@code n} numbered sentences, four tokens each ("S 12 ends." is s, 12, ends, .). */
    private static String paragraph(String tag, int n) {
        return IntStream.range(0, n).mapToObj(i -> tag + " " + i + " ends.").collect(Collectors.joining(" "));
    }

    @Test
    void aShortDocumentIsOneChunk() {
        List<NewSeedChunk> chunks = chunk(SeedChunkKind.TEXT, "One paragraph.\n\nAnother one.", 64, 8);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("One paragraph.\n\nAnother one.");
            assertThat(c.tokenCount()).isEqualTo(counter.count(c.text()));
            assertThat(c.chunkIndex()).isZero();
            assertThat(c.source()).isEqualTo("doc");
        });
    }

    @Test
    void chunksEndBetweenParagraphsAndStayWithinTheBudget() {
        String text = paragraph("A", 10) + "\n\n" + paragraph("B", 10) + "\n\n" + paragraph("C", 10);

        List<NewSeedChunk> chunks = chunk(SeedChunkKind.TEXT, text, 90, 0);

        assertThat(chunks).extracting(NewSeedChunk::text).containsExactly(
                paragraph("A", 10) + "\n\n" + paragraph("B", 10), paragraph("C", 10));
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(90));
        assertThat(chunks).extracting(NewSeedChunk::chunkIndex).containsExactly(0, 1);
    }

    @Test
    void theNextChunkStartsWithTheOverlapOfTheOneBefore() {
        String text = paragraph("A", 10) + "\n\n" + paragraph("B", 10);

        List<NewSeedChunk> chunks = chunk(SeedChunkKind.TEXT, text, 48, 8);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(1).text()).isEqualTo("A 8 ends. A 9 ends.\n\n" + paragraph("B", 10));
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(48));
    }

    @Test
    void aLongParagraphIsCutBetweenSentencesAndAnEndlessOneBetweenWords() {
        List<NewSeedChunk> sentences = chunk(SeedChunkKind.TEXT, paragraph("A", 30), 40, 0);
        assertThat(sentences).extracting(NewSeedChunk::text)
                .allSatisfy(t -> assertThat(t).startsWith("A ").endsWith("ends."));
        assertThat(sentences).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", sentences.stream().map(NewSeedChunk::text).toList()))
                .isEqualTo(paragraph("A", 30));

        String words = "word ".repeat(100).strip();
        List<NewSeedChunk> cut = chunk(SeedChunkKind.TEXT, words, 30, 0);
        assertThat(cut).extracting(NewSeedChunk::tokenCount).containsExactly(30, 30, 30, 10);
    }

    @Test
    void markdownBreaksBeforeAHeadingOnceHalfFullAndKeepsHeadingsWithTheirParagraph() {
        String text = "# Tides\n\n" + paragraph("A", 13) + "\n\n## Causes\n\n" + paragraph("B", 3)
                + "\n\n" + paragraph("C", 3);

        List<NewSeedChunk> chunks = chunk(SeedChunkKind.MARKDOWN, text, 100, 0);

        assertThat(chunks).extracting(NewSeedChunk::text).containsExactly(
                "# Tides\n\n" + paragraph("A", 13),
                "## Causes\n\n" + paragraph("B", 3) + "\n\n" + paragraph("C", 3));
    }

    @Test
    void aFencedCodeBlockIsNotCutAtItsBlankLines() {
        String fence = "```python\ndef f():\n\n    return 1\n```";
        String text = paragraph("A", 4) + "\n\n" + fence;

        List<NewSeedChunk> chunks = chunk(SeedChunkKind.MARKDOWN, text, 20, 0);

        assertThat(chunks).extracting(NewSeedChunk::text).containsExactly(paragraph("A", 4), fence);
    }

    @Test
    void codeBreaksBeforeATopLevelDefinitionAndKeepsIndentation() {
        String first = "# area of a circle\ndef area(r):\n    return 3.14159 * r * r";
        String second = "def perimeter(r):\n    return 2 * 3.14159 * r";
        String text = "import math\n\n" + first + "\n\n" + second + "\n";

        List<NewSeedChunk> chunks = chunk(SeedChunkKind.CODE, text, 40, 0);

        assertThat(chunks).extracting(NewSeedChunk::text).containsExactly("import math\n\n" + first, second);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(SeedChunkKind.CODE);
            assertThat(c.language()).isEqualTo("python");
        });
    }

    @Test
    void codeOverlapRepeatsWholeLinesAndALongSectionKeepsItsHeadingLine() {
        String body = IntStream.range(0, 12).mapToObj(i -> "    total = total + " + i + "")
                .collect(Collectors.joining("\n"));
        List<NewSeedChunk> code = chunk(SeedChunkKind.CODE, "def sum_all():\n    total = 0\n" + body, 40, 12);
        assertThat(code).hasSizeGreaterThan(1);
        assertThat(code.subList(1, code.size())).allSatisfy(c -> assertThat(c.text()).startsWith("    total = total + "));
        assertThat(code).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(40));

        List<NewSeedChunk> markdown = chunk(SeedChunkKind.MARKDOWN, "## Tides\n\n" + paragraph("A", 20), 40, 0);
        assertThat(markdown.get(0).text()).startsWith("## Tides\n\nA 0 ends.");
        assertThat(String.join(" ", markdown.stream().map(NewSeedChunk::text).toList()))
                .isEqualTo("## Tides\n\n" + paragraph("A", 20));
    }

    @Test
    void aMegabyteOfMinifiedCodeIsCutWithinTheBudgetLosingNothing() {
        String minified = "var a=function(b){return b*2};".repeat(40_000);
        String spaced = "let x = compute(x, 1); ".repeat(40_000);
        List<NewSeedChunk> dense = chunk(SeedChunkKind.CODE, minified, 512, 64);
        List<NewSeedChunk> words = chunk(SeedChunkKind.CODE, spaced, 512, 64);

        assertThat(dense).allSatisfy(c -> assertThat(c.tokenCount()).isBetween(1, 512));
        assertThat(words).allSatisfy(c -> assertThat(c.tokenCount()).isBetween(1, 512));
        String rejoined = String.join(" ", dense.stream().map(NewSeedChunk::text).toList());
        assertThat(rejoined.replace(" ", "").equals(minified.replace(" ", ""))).as("nothing lost or repeated").isTrue();
        assertThat(words.get(0).text()).startsWith("let x = compute(x, 1);");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new ChunkSettings(8, 0, "text")).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new ChunkSettings(64, 64, "text")).hasMessageContaining("overlap must be from 0 to 63");
        assertThatThrownBy(() -> new ChunkSettings(64, 8, " ")).hasMessageContaining("field");
    }
}
