package dev.sift.core.review;

import dev.sift.core.review.DiffSegment.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-level diff of two texts, for showing how a candidate's response differs from the original's.
 *
 * <p>Both texts are cut into tokens (runs of word characters, runs of whitespace, and single other characters) and
 * compared with Myers' O(ND) algorithm in its linear-space, divide-and-conquer form, so texts of thousands of words
 * diff quickly; a budget of comparison steps bounds the time on texts that share almost nothing. Within each changed stretch the removed text comes before the added text. Whitespace alone between
 * two changes is folded into them, so "the cat" → "a dog" reads as one replacement, and so is a shared piece no
 * longer than the changes on both sides of it (a lone "the" inside a rewritten sentence).
 */
public final class WordDiff {

    private final int[] a;
    private final int[] b;
    private final List<String> tokensA;
    private final List<String> tokensB;
    private final List<DiffSegment> segments = new ArrayList<>();
    private final StringBuilder same = new StringBuilder();
    private long work;
    private final StringBuilder removed = new StringBuilder();
    private final StringBuilder added = new StringBuilder();

    private WordDiff(List<String> tokensA, List<String> tokensB) {
        this.tokensA = tokensA;
        this.tokensB = tokensB;
        Map<String, Integer> ids = new HashMap<>();
        a = tokensA.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
        b = tokensB.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
    }

    /** The segments that turn {@code original} into {@code revised}; adjacent segments never share a kind. */
    public static List<DiffSegment> diff(String original, String revised) {
        var diff = new WordDiff(tokens(original), tokens(revised));
        diff.compare(0, diff.a.length, 0, diff.b.length);
        diff.flushSame();
        diff.flushChange();
        return foldSmallEqualities(diff.segments);
    }

    /** The tokens of a text: runs of letters, digits, marks and '_'; runs of whitespace; any other single character. */
    static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            int type = tokenType(cp);
            if (type != OTHER) {
                while (end < text.length() && tokenType(text.codePointAt(end)) == type) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /**
     * The comparison steps one diff may take. Past it, what is left to compare is shown as replaced: texts that
     * share little are replaced wholesale anyway, and the diff stays fast on the UI thread.
     */
    private static final long WORK_LIMIT = 4_000_000;

    private static final int WORD = 0;
    private static final int SPACE = 1;
    private static final int OTHER = 2;

    private static int tokenType(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return SPACE;
        }
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return WORD;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK ? WORD : OTHER;
    }

    /** Diffs a[aLo, aHi) against b[bLo, bHi), emitting segments in order. */
    private void compare(int aLo, int aHi, int bLo, int bHi) {
        int prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] == b[bLo + prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (aHi - suffix > aLo + prefix && bHi - suffix > bLo + prefix && a[aHi - suffix - 1] == b[bHi - suffix - 1]) {
            suffix++;
        }
        emitSame(aLo, aLo + prefix);
        aLo += prefix;
        bLo += prefix;
        int aEnd = aHi - suffix;
        int bEnd = bHi - suffix;
        if (aLo == aEnd || bLo == bEnd) {
            emitRemoved(aLo, aEnd);
            emitAdded(bLo, bEnd);
        } else {
            int[] split = middleSnake(aLo, aEnd, bLo, bEnd);
            if (split == null) {
                emitRemoved(aLo, aEnd);
                emitAdded(bLo, bEnd);
            } else {
                compare(aLo, aLo + split[0], bLo, bLo + split[1]);
                compare(aLo + split[0], aEnd, bLo + split[1], bEnd);
            }
        }
        emitSame(aHi - suffix, aHi);
    }

    /**
     * Where a shortest edit script of the two ranges crosses its middle, as offsets {x, y} into them; null if none
     * is found (not expected: the whole ranges are then replaced).
     */
    private int[] middleSnake(int aLo, int aHi, int bLo, int bHi) {
        int n = aHi - aLo;
        int m = bHi - bLo;
        int maxD = (n + m + 1) / 2;
        int offset = maxD;
        int length = 2 * maxD + 2;
        int[] forward = new int[length];
        int[] backward = new int[length];
        Arrays.fill(forward, -1);
        Arrays.fill(backward, -1);
        forward[offset + 1] = 0;
        backward[offset + 1] = 0;
        int delta = n - m;
        boolean odd = (delta & 1) != 0;
        int fStart = 0;
        int fEnd = 0;
        int bStart = 0;
        int bEndTrim = 0;
        for (int d = 0; d < maxD; d++) {
            work += 2L * d + 2;
            if (work > WORK_LIMIT) {
                return null;
            }
            for (int k = -d + fStart; k <= d - fEnd; k += 2) {
                int ko = offset + k;
                int x = k == -d || (k != d && forward[ko - 1] < forward[ko + 1]) ? forward[ko + 1] : forward[ko - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
                    x++;
                    y++;
                    work++;
                }
                forward[ko] = x;
                if (x > n) {
                    fEnd += 2;
                } else if (y > m) {
                    fStart += 2;
                } else if (odd) {
                    int bo = offset + delta - k;
                    if (bo >= 0 && bo < length && backward[bo] != -1 && x >= n - backward[bo]) {
                        return new int[] {x, y};
                    }
                }
            }
            for (int k = -d + bStart; k <= d - bEndTrim; k += 2) {
                int ko = offset + k;
                int x = k == -d || (k != d && backward[ko - 1] < backward[ko + 1])
                        ? backward[ko + 1] : backward[ko - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aHi - x - 1] == b[bHi - y - 1]) {
                    x++;
                    y++;
                    work++;
                }
                backward[ko] = x;
                if (x > n) {
                    bEndTrim += 2;
                } else if (y > m) {
                    bStart += 2;
                } else if (!odd) {
                    int fo = offset + delta - k;
                    if (fo >= 0 && fo < length && forward[fo] != -1) {
                        int fx = forward[fo];
                        int fy = offset + fx - fo;
                        if (fx >= n - x) {
                            return new int[] {fx, fy};
                        }
                    }
                }
            }
        }
        return null;
    }

    private void emitSame(int from, int to) {
        if (from < to) {
            flushChange();
        }
        for (int i = from; i < to; i++) {
            same.append(tokensA.get(i));
        }
    }

    private void emitRemoved(int from, int to) {
        if (from < to) {
            flushSame();
        }
        for (int i = from; i < to; i++) {
            removed.append(tokensA.get(i));
        }
    }

    private void emitAdded(int from, int to) {
        if (from < to) {
            flushSame();
        }
        for (int i = from; i < to; i++) {
            added.append(tokensB.get(i));
        }
    }

    private void flushSame() {
        if (same.length() > 0) {
            segments.add(DiffSegment.same(same.toString()));
            same.setLength(0);
        }
    }

    private void flushChange() {
        if (removed.length() > 0) {
            segments.add(DiffSegment.removed(removed.toString()));
            removed.setLength(0);
        }
        if (added.length() > 0) {
            segments.add(DiffSegment.added(added.toString()));
            added.setLength(0);
        }
    }

    /**
     * Folds into the changes around it each SAME segment that is whitespace only, or no longer than the bigger side
     * of the change before it and of the change after it, so a lone shared word inside a rewrite does not split it.
     */
    private static List<DiffSegment> foldSmallEqualities(List<DiffSegment> segments) {
        var folded = new ArrayList<DiffSegment>();
        int i = 0;
        while (i < segments.size()) {
            if (segments.get(i).kind() == Kind.SAME) {
                folded.add(segments.get(i++));
                continue;
            }
            var removed = new StringBuilder();
            var added = new StringBuilder();
            i = takeChange(segments, i, removed, added);
            while (i + 1 < segments.size() && foldable(segments, i, Math.max(removed.length(), added.length()))) {
                String same = segments.get(i).text();
                removed.append(same);
                added.append(same);
                i = takeChange(segments, i + 1, removed, added);
            }
            if (removed.length() > 0) {
                folded.add(DiffSegment.removed(removed.toString()));
            }
            if (added.length() > 0) {
                folded.add(DiffSegment.added(added.toString()));
            }
        }
        return List.copyOf(folded);
    }

    /** Whether the SAME segment at {@code i}, between a change of {@code before} chars and the next one, folds. */
    private static boolean foldable(List<DiffSegment> segments, int i, int before) {
        String same = segments.get(i).text();
        if (same.isBlank()) {
            return true;
        }
        int after = 0;
        for (int j = i + 1; j < segments.size() && segments.get(j).kind() != Kind.SAME; j++) {
            after = Math.max(after, segments.get(j).text().length());
        }
        return same.length() <= before && same.length() <= after;
    }

    /** Appends the change starting at {@code i} (a REMOVED and/or an ADDED segment); returns the index after it. */
    private static int takeChange(List<DiffSegment> segments, int i, StringBuilder removed, StringBuilder added) {
        while (i < segments.size() && segments.get(i).kind() != Kind.SAME) {
            (segments.get(i).kind() == Kind.REMOVED ? removed : added).append(segments.get(i).text());
            i++;
        }
        return i;
    }
}
