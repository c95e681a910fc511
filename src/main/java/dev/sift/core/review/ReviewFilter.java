package dev.sift.core.review;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which review rows to show or act on. Every condition must hold; an empty set or a zero id means "any". The text
 * condition is answered by the store's word index ({@link dev.sift.core.store.ReviewStore#search}) and passed to
 * {@link #apply} as the matching sample ids.
 *
 * @param ranges score ranges, all required
 * @param states the decision states allowed
 * @param makers who made the current decision
 * @param pairIds agent pairs of the shown candidate
 * @param origins origins of the shown candidate
 * @param runId the run whose decision or candidate the row shows, 0 for any
 * @param algorithmDisagrees only rows where the algorithm and the curator decided differently
 * @param judgeDisagrees only rows where the judge and IFD disagree
 * @param withNote only rows with a note
 * @param text words to search for, blank for none
 */
public record ReviewFilter(
        List<ScoreRange> ranges, Set<ReviewState> states, Set<ReviewRows.Maker> makers, Set<Long> pairIds,
        Set<CandidateOrigin> origins, long runId, boolean algorithmDisagrees, boolean judgeDisagrees, boolean withNote,
        String text) {

    public ReviewFilter {
        ranges = List.copyOf(ranges);
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        makers = makers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(makers));
        pairIds = Set.copyOf(pairIds);
        origins = origins.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(origins));
        text = Objects.requireNonNullElse(text, "").strip();
    }

    /** Everything. */
    public static ReviewFilter all() {
        return new ReviewFilter(List.of(), Set.of(), Set.of(), Set.of(), Set.of(), 0, false, false, false, "");
    }

    public ReviewFilter withRanges(List<ScoreRange> value) {
        return new ReviewFilter(value, states, makers, pairIds, origins, runId, algorithmDisagrees, judgeDisagrees,
                withNote, text);
    }

    public ReviewFilter withStates(Set<ReviewState> value) {
        return new ReviewFilter(ranges, value, makers, pairIds, origins, runId, algorithmDisagrees, judgeDisagrees,
                withNote, text);
    }

    public ReviewFilter withMakers(Set<ReviewRows.Maker> value) {
        return new ReviewFilter(ranges, states, value, pairIds, origins, runId, algorithmDisagrees, judgeDisagrees,
                withNote, text);
    }

    public ReviewFilter withPairs(Set<Long> value) {
        return new ReviewFilter(ranges, states, makers, value, origins, runId, algorithmDisagrees, judgeDisagrees,
                withNote, text);
    }

    public ReviewFilter withOrigins(Set<CandidateOrigin> value) {
        return new ReviewFilter(ranges, states, makers, pairIds, value, runId, algorithmDisagrees, judgeDisagrees,
                withNote, text);
    }

    public ReviewFilter withRun(long value) {
        return new ReviewFilter(ranges, states, makers, pairIds, origins, value, algorithmDisagrees, judgeDisagrees,
                withNote, text);
    }

    public ReviewFilter withDisagreements(boolean algorithm, boolean judge) {
        return new ReviewFilter(ranges, states, makers, pairIds, origins, runId, algorithm, judge, withNote, text);
    }

    public ReviewFilter withNote(boolean value) {
        return new ReviewFilter(ranges, states, makers, pairIds, origins, runId, algorithmDisagrees, judgeDisagrees,
                value, text);
    }

    public ReviewFilter withText(String value) {
        return new ReviewFilter(ranges, states, makers, pairIds, origins, runId, algorithmDisagrees, judgeDisagrees,
                withNote, value);
    }

    /** True when nothing is filtered out. */
    public boolean isEmpty() {
        return equals(all());
    }

    /**
     * The rows that pass, ascending.
     *
     * @param textMatches the sample ids matching {@link #text}, ascending; ignored when the text is blank
     */
    public int[] apply(ReviewRows rows, long[] textMatches, Verdicts verdicts) {
        int[] rangeColumns = new int[ranges.size()];
        for (int k = 0; k < ranges.size(); k++) {
            rangeColumns[k] = rows.column(ranges.get(k).key());
        }
        boolean byText = !text.isEmpty();
        int[] out = new int[rows.size()];
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            if (matches(rows, r, rangeColumns, verdicts)
                    && (!byText || Arrays.binarySearch(textMatches, rows.sampleId(r)) >= 0)) {
                out[n++] = r;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private boolean matches(ReviewRows rows, int r, int[] rangeColumns, Verdicts verdicts) {
        for (int k = 0; k < rangeColumns.length; k++) {
            if (rangeColumns[k] < 0 || !ranges.get(k).contains(rows.score(rangeColumns[k], r))) {
                return false;
            }
        }
        return (states.isEmpty() || states.contains(rows.state(r)))
                && (makers.isEmpty() || makers.contains(rows.maker(r)))
                && (pairIds.isEmpty() || pairIds.contains(rows.shownPair(r)))
                && (origins.isEmpty() || origins.contains(rows.shownOrigin(r)))
                && (runId == 0 || rows.algorithmRun(r) == runId || rows.shownRun(r) == runId)
                && (!algorithmDisagrees || verdicts.algorithmAndCuratorDisagree(r))
                && (!judgeDisagrees || verdicts.judgeAndIfdDisagree(r))
                && (!withNote || rows.hasNote(r));
    }

    /** This filter in the language {@link ReviewFilterParser} reads, e.g. for {@code sift decide --filter}. */
    public String expression() {
        var parts = new ArrayList<String>();
        ranges.forEach(range -> parts.add(range.expression()));
        if (!states.isEmpty()) {
            parts.add("state=" + join(states.stream().sorted().map(ReviewState::id).toList()));
        }
        if (!makers.isEmpty()) {
            parts.add("by=" + join(makers.stream().sorted().map(m -> m.name().toLowerCase(java.util.Locale.ROOT))
                    .toList()));
        }
        if (!pairIds.isEmpty()) {
            parts.add("pair=" + join(pairIds.stream().sorted().map(String::valueOf).toList()));
        }
        if (!origins.isEmpty()) {
            parts.add("origin=" + join(origins.stream().sorted().map(CandidateOrigin::id).toList()));
        }
        if (runId != 0) {
            parts.add("run=" + runId);
        }
        if (algorithmDisagrees) {
            parts.add("disagree=algorithm");
        }
        if (judgeDisagrees) {
            parts.add("disagree=judge");
        }
        if (withNote) {
            parts.add("note");
        }
        if (!text.isEmpty()) {
            parts.add("text=" + text.replace(",", " "));
        }
        return String.join(",", parts);
    }

    private static String join(List<String> values) {
        return String.join("|", values);
    }
}
