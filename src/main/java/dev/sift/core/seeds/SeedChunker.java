package dev.sift.core.seeds;

import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.SeedChunkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document into chunks of at most a token budget. Chunks end where {@link SeedBlocks} says a passage ends, and
 * once a chunk is half full it ends before a new section (a heading, a top-level definition) rather than take in its
 * start. A block longer than the budget is cut between sentences (prose) or lines (code), and a sentence or line
 * longer than the budget between words. Each chunk after the first of a document starts with the last
 * {@code overlap} tokens (whole words) of the one before.
 */
public final class SeedChunker {

    /** No token of any sensible tokenizer spans more characters than this (white space aside). */
    static final int CHARACTERS_PER_TOKEN_BOUND = 16;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:;])\\s+|\\n\\s*\\n");
    private static final Pattern LINE_END = Pattern.compile("\\n");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(?=[^\\n])");
    private static final Pattern SENTENCE_START = SENTENCE_END;
    private static final Pattern WORD_START = Pattern.compile("(?<!\\S)(?=\\S)");

    /** A piece no longer than the budget, with what joins it to the piece before. */
    private record Piece(String text, int tokens, boolean opensSection, String separator) {}

    private final TokenCounter counter;
    private final int budget;
    private final int overlap;

    public SeedChunker(TokenCounter counter, ChunkSettings settings) {
        this.counter = counter;
        this.budget = settings.chunkTokens();
        this.overlap = settings.overlap();
    }

    public List<NewSeedChunk> chunk(SeedDocument document) {
        var chunks = new ArrayList<NewSeedChunk>();
        var current = new StringBuilder();
        int tokens = 0;
        boolean hasNew = false;
        for (Piece piece : pieces(document)) {
            boolean preferBreak = piece.opensSection() && tokens >= budget / 2;
            if (hasNew && (tokens + piece.tokens() > budget || preferBreak)) {
                String previous = current.toString();
                add(chunks, document, previous);
                String tail = tail(previous, Math.min(overlap, Math.min(budget - piece.tokens(), tokens / 2)),
                        document.kind() == SeedChunkKind.CODE);
                current.setLength(0);
                current.append(tail);
                tokens = counter.count(tail);
                hasNew = false;
            }
            if (current.length() > 0) {
                current.append(piece.separator());
            }
            current.append(piece.text());
            tokens += piece.tokens();
            hasNew = true;
        }
        if (hasNew) {
            add(chunks, document, current.toString());
        }
        return chunks;
    }

    private void add(List<NewSeedChunk> chunks, SeedDocument document, String text) {
        chunks.add(new NewSeedChunk(document.source(), document.kind(), document.language(), chunks.size(), text,
                counter.count(text)));
    }

    private List<Piece> pieces(SeedDocument document) {
        var pieces = new ArrayList<Piece>();
        boolean code = document.kind() == SeedChunkKind.CODE;
        for (SeedBlocks.Block block : SeedBlocks.split(document.text(), document.kind())) {
            int tokens = counter.count(block.text());
            if (tokens <= budget) {
                pieces.add(new Piece(block.text(), tokens, block.opensSection(), "\n\n"));
                continue;
            }
            boolean byLines = code || block.text().contains("\n```") || block.text().startsWith("```");
            List<Piece> parts = packed(block.text(), byLines ? LINE_END : SENTENCE_END);
            for (int i = 0; i < parts.size(); i++) {
                Piece part = parts.get(i);
                pieces.add(i == 0 ? new Piece(part.text(), part.tokens(), block.opensSection(), "\n\n") : part);
            }
        }
        return pieces;
    }

    /**
     * The block's units (sentences or lines) packed into parts within the budget, each part a stretch of the block as
     * it was written and joined to the part before by the white space found between them; a unit longer than the
     * budget is cut between words.
     */
    private List<Piece> packed(String text, Pattern unitEnd) {
        var parts = new ArrayList<Piece>();
        var ends = new ArrayList<int[]>(); // [end of unit, start of the next]
        Matcher m = unitEnd.matcher(text);
        while (m.find()) {
            ends.add(new int[] {m.start(), m.end()});
        }
        ends.add(new int[] {text.length(), text.length()});
        int partStart = 0;
        int unitStart = 0;
        int partTokens = 0;
        String separator = "\n\n";
        for (int[] end : ends) {
            String unit = text.substring(unitStart, end[0]);
            int unitTokens = counter.count(unit);
            if (unitTokens > budget) {
                if (unitStart > partStart) {
                    parts.add(part(text.substring(partStart, unitStart), separator));
                    separator = gap(text, partStart, unitStart);
                }
                for (String piece : cutAtWords(unit.strip())) {
                    parts.add(part(piece, separator));
                    separator = " ";
                }
                separator = text.substring(end[0], end[1]).contains("\n") ? "\n" : " ";
                partStart = end[1];
                partTokens = 0;
            } else if (partTokens + unitTokens > budget && unitStart > partStart) {
                parts.add(part(text.substring(partStart, unitStart), separator));
                separator = gap(text, partStart, unitStart);
                partStart = unitStart;
                partTokens = unitTokens;
            } else {
                partTokens += unitTokens;
            }
            unitStart = end[1];
        }
        if (partStart < text.length() && !text.substring(partStart).isBlank()) {
            parts.add(part(text.substring(partStart), separator));
        }
        return parts;
    }

    private Piece part(String text, String separator) {
        String trimmed = trimBlankLines(text);
        return new Piece(trimmed, counter.count(trimmed), false, separator);
    }

    /** The white space that ended the part {@code [from, to)}, reduced to a paragraph break, a line end or a space. */
    private static String gap(String text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        String space = text.substring(i, to);
        return space.contains("\n\n") ? "\n\n" : space.contains("\n") ? "\n" : " ";
    }

    /** Text without its trailing space and leading blank lines; a first line's indentation stays. */
    private static String trimBlankLines(String text) {
        String t = text.stripTrailing();
        int start = 0;
        for (int i = 0; i < t.length() && Character.isWhitespace(t.charAt(i)); i++) {
            if (t.charAt(i) == '\n') {
                start = i + 1;
            }
        }
        return t.substring(start);
    }

    /**
     * Cuts text with no sentence or line end in reach into parts within the budget, between words where it can. Each
     * cut is searched in a window of {@link #CHARACTERS_PER_TOKEN_BOUND} characters a token, so a megabyte of
     * minified code costs time in proportion to its length, not its square.
     */
    private List<String> cutAtWords(String text) {
        var parts = new ArrayList<String>();
        int window = Math.max(64, budget * CHARACTERS_PER_TOKEN_BOUND);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + window);
            String head = text.substring(start, end);
            int cut;
            if (end == text.length() && counter.count(head) <= budget) {
                cut = head.length();
            } else {
                cut = longestPrefix(head, wordEnds(head));
                if (cut == 0) {
                    cut = longestPrefix(head, characterEnds(head));
                }
                cut = Math.max(cut, Character.charCount(head.codePointAt(0)));
            }
            String part = head.substring(0, cut).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            start += cut;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        return parts;
    }

    /** The largest of the ascending {@code ends} whose prefix fits the budget; 0 when none does. */
    private int longestPrefix(String text, List<Integer> ends) {
        int lo = 0;
        int hi = ends.size() - 1;
        int best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (counter.count(text.substring(0, ends.get(mid))) <= budget) {
                best = ends.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /**
     * The end of {@code text} to repeat at the start of the next chunk: at most {@code limit} tokens starting at a line
     * (code), or at a sentence and else at a word (prose); empty when none fits.
     */
    String tail(String text, int limit, boolean code) {
        if (limit <= 0) {
            return "";
        }
        if (code) {
            return suffix(text, limit, starts(text, LINE_START));
        }
        String sentences = suffix(text, limit, starts(text, SENTENCE_START));
        return sentences.isEmpty() ? suffix(text, limit, starts(text, WORD_START)).strip() : sentences.strip();
    }

    /** The longest suffix starting at one of the ascending {@code starts} that holds at most {@code limit} tokens. */
    private String suffix(String text, int limit, List<Integer> starts) {
        int lo = 0;
        int hi = starts.size() - 1;
        String best = "";
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String suffix = text.substring(starts.get(mid));
            if (counter.count(suffix) <= limit) {
                best = suffix;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return trimBlankLines(best);
    }

    private static List<Integer> starts(String text, Pattern start) {
        var starts = new ArrayList<Integer>();
        Matcher m = start.matcher(text);
        while (m.find()) {
            if (m.end() < text.length() && !text.substring(m.end()).isBlank()) {
                starts.add(m.end());
            }
        }
        return starts;
    }

    private static List<Integer> wordEnds(String text) {
        var ends = new ArrayList<Integer>();
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                ends.add(i);
            }
        }
        return ends;
    }

    private static List<Integer> characterEnds(String text) {
        var ends = new ArrayList<Integer>();
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isLowSurrogate(text.charAt(i))) {
                ends.add(i);
            }
        }
        return ends;
    }
}
