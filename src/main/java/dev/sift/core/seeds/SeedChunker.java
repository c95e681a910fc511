package dev.sift.core.seeds;

import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.SeedChunkKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a document into chunks of at most a token budget. Chunks end where {@link SeedBlocks} says a passage ends, and
 * once a chunk is half full it ends before a new section (a heading, a top-level definition) rather than take in its
 * start. A block longer than the budget is cut between sentences (prose) or lines (code), and a sentence or line
 * longer than the budget between words. Each chunk after the first of a document starts with the last
 * {@code overlap} tokens (whole words) of the one before.
 */
public final class SeedChunker {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern LINE_END = Pattern.compile("\\n");

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
                String tail = tail(previous, Math.min(overlap, Math.min(budget - piece.tokens(), tokens / 2)));
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
            String separator = byLines ? "\n" : " ";
            boolean first = true;
            for (String part : packed(block.text(), byLines ? LINE_END : SENTENCE_END, separator)) {
                pieces.add(new Piece(part, counter.count(part), first && block.opensSection(),
                        first ? "\n\n" : separator));
                first = false;
            }
        }
        return pieces;
    }

    /** The block's units (sentences or lines) packed into parts within the budget; an over-long unit cut at words. */
    private List<String> packed(String text, Pattern unitEnd, String separator) {
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        int tokens = 0;
        for (String unit : unitEnd.split(text)) {
            if (unit.isBlank()) {
                continue;
            }
            int unitTokens = counter.count(unit);
            if (unitTokens > budget) {
                if (current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                    tokens = 0;
                }
                parts.addAll(cutAtWords(unit.strip()));
                continue;
            }
            if (current.length() > 0 && tokens + unitTokens > budget) {
                parts.add(current.toString());
                current.setLength(0);
                tokens = 0;
            }
            if (current.length() > 0) {
                current.append(separator);
            }
            current.append(unit);
            tokens += unitTokens;
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** Cuts text with no sentence or line end in reach into parts within the budget, between words where it can. */
    private List<String> cutAtWords(String text) {
        var parts = new ArrayList<String>();
        String rest = text;
        while (counter.count(rest) > budget) {
            int end = longestPrefix(rest, wordEnds(rest));
            if (end == 0) {
                end = longestPrefix(rest, characterEnds(rest));
            }
            end = Math.max(end, Character.charCount(rest.codePointAt(0)));
            parts.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        if (!rest.isBlank()) {
            parts.add(rest);
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

    /** The last whole words of {@code text} that hold at most {@code limit} tokens; empty when none fit. */
    String tail(String text, int limit) {
        if (limit <= 0) {
            return "";
        }
        List<Integer> starts = wordStarts(text);
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
        return best.strip();
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

    private static List<Integer> wordStarts(String text) {
        var starts = new ArrayList<Integer>();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                starts.add(i);
            }
        }
        return starts;
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
