package dev.sift.core.seeds;

import dev.sift.core.store.SeedChunkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a document at the places where a chunk should rather end: paragraphs (blank lines) of text; paragraphs and
 * headings of Markdown, never inside a fenced code block, a heading kept with the paragraph under it; blank-line
 * separated blocks of code, marking those that open a top-level definition (a class, a function).
 */
final class SeedBlocks {

    /** A piece of a document. {@code opensSection}: it starts with a heading or a top-level definition. */
    record Block(String text, boolean opensSection) {}

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s.*");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
    private static final Pattern DEFINITION = Pattern.compile("^(?:export\\s+|pub(?:\\(crate\\))?\\s+)?(?:"
            + "public|private|protected|internal|static|final|abstract|sealed|open|data|async|def|class|interface"
            + "|enum|record|struct|trait|impl|fn|func|function|fun|object|module|type|CREATE|create|template)\\b.*"
            + "|^[A-Za-z_][\\w<>\\[\\]:*&, ]*\\s+\\**[A-Za-z_][\\w:]*\\s*\\(.*");
    /** Longer lines (minified code) are never taken for a definition, which keeps the pattern's cost bounded. */
    private static final int MAX_DEFINITION_LINE = 400;
    private static final Pattern COMMENT_OR_ANNOTATION = Pattern.compile("^\\s*(?://|#|/\\*|\\*|--|@|\\[).*");

    private SeedBlocks() {}

    static List<Block> split(String text, SeedChunkKind kind) {
        var blocks = new ArrayList<Block>();
        var current = new ArrayList<String>();
        boolean inFence = false;
        boolean headingOnly = false;
        boolean opens = false;
        for (String line : text.split("\n", -1)) {
            boolean markdown = kind == SeedChunkKind.MARKDOWN;
            if (markdown && FENCE.matcher(line).matches()) {
                inFence = !inFence;
            } else if (!inFence && markdown && HEADING.matcher(line).matches()) {
                if (!headingOnly) {
                    flush(blocks, current, opens);
                    opens = true;
                }
                current.add(line);
                headingOnly = true;
                continue;
            } else if (!inFence && line.isBlank()) {
                if (headingOnly) {
                    // a heading stays with the paragraph under it, blank line and all
                    if (!current.get(current.size() - 1).isEmpty()) {
                        current.add("");
                    }
                } else {
                    flush(blocks, current, opens);
                    opens = false;
                }
                continue;
            }
            if (current.isEmpty() && kind == SeedChunkKind.CODE) {
                opens = false;
            }
            current.add(line);
            headingOnly = false;
            if (kind == SeedChunkKind.CODE && !opens && line.length() <= MAX_DEFINITION_LINE
                    && DEFINITION.matcher(line).matches()
                    && current.stream().limit(current.size() - 1L)
                            .allMatch(l -> COMMENT_OR_ANNOTATION.matcher(l).matches())) {
                opens = true;
            }
        }
        flush(blocks, current, opens);
        return blocks;
    }

    private static void flush(List<Block> blocks, List<String> lines, boolean opensSection) {
        // trailing space only: a code block's first line keeps its indentation
        String text = String.join("\n", lines).stripTrailing();
        lines.clear();
        if (!text.isBlank()) {
            blocks.add(new Block(text, opensSection));
        }
    }
}
