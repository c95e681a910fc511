package dev.sift.core.review;

import dev.sift.core.store.CandidateOrigin;
import dev.sift.core.store.ReviewRows;
import dev.sift.core.store.ReviewState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the filter language of {@code sift decide --filter} and of the review's "copy filter": conditions separated by
 * commas, all required.
 *
 * <pre>
 *   ifd&gt;=0.5   ifd&lt;1   judge&gt;7   ifd_ppl&lt;=0.9      score ranges (any score column)
 *   state=undecided|chosen|edited|rejected         the current decision
 *   by=none|algorithm|curator                      who made it
 *   origin=original|generated|reflection|instruct|dataset|curator
 *   pair=3|4   run=12                             agent pair ids, run id
 *   disagree=algorithm   disagree=judge   note     disagreements, rows with a note
 *   text=words to find                            words, each as a prefix
 * </pre>
 */
public final class ReviewFilterParser {

    private static final Pattern RANGE = Pattern.compile("([a-z][a-z0-9_]*)\\s*(>=|<=|>|<|=)\\s*([-+0-9.eE]+)");

    private ReviewFilterParser() {}

    /** @throws IllegalArgumentException naming the condition that cannot be read and what was expected */
    public static ReviewFilter parse(String expression) {
        ReviewFilter filter = ReviewFilter.all();
        Map<String, ScoreRange> ranges = new LinkedHashMap<>();
        for (String raw : expression.split(",")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            switch (name) {
                case "state" -> filter = filter.withStates(states(part, value));
                case "by" -> filter = filter.withMakers(makers(part, value));
                case "origin" -> filter = filter.withOrigins(origins(part, value));
                case "pair" -> filter = filter.withPairs(ids(part, value));
                case "run" -> filter = filter.withRun(ids(part, value).stream().findFirst().orElse(0L));
                case "disagree" -> filter = switch (value.toLowerCase(Locale.ROOT)) {
                    case "algorithm" -> filter.withDisagreements(true, filter.judgeDisagrees());
                    case "judge" -> filter.withDisagreements(filter.algorithmDisagrees(), true);
                    default -> throw bad(part, "disagree=algorithm or disagree=judge");
                };
                case "note" -> filter = filter.withNote(true);
                case "text" -> filter = filter.withText(value);
                default -> addRange(ranges, part);
            }
        }
        return filter.withRanges(new ArrayList<>(ranges.values()));
    }

    private static void addRange(Map<String, ScoreRange> ranges, String part) {
        Matcher m = RANGE.matcher(part);
        if (!m.matches()) {
            throw bad(part, "a score range such as ifd<1, or state=, by=, origin=, pair=, run=, disagree=, note, text=");
        }
        String key = m.group(1);
        double v;
        try {
            v = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw bad(part, "a number after " + m.group(2));
        }
        double inf = Double.POSITIVE_INFINITY;
        ScoreRange add = switch (m.group(2)) {
            case ">=" -> new ScoreRange(key, v, true, inf, true);
            case ">" -> new ScoreRange(key, v, false, inf, true);
            case "<=" -> new ScoreRange(key, -inf, true, v, true);
            case "<" -> new ScoreRange(key, -inf, true, v, false);
            default -> new ScoreRange(key, v, true, v, true);
        };
        ScoreRange old = ranges.get(key);
        try {
            ranges.put(key, old == null ? add : intersect(old, add));
        } catch (IllegalArgumentException e) {
            throw bad(part, "a range that overlaps the other conditions on " + key);
        }
    }

    private static ScoreRange intersect(ScoreRange a, ScoreRange b) {
        boolean aMin = a.min() > b.min() || (a.min() == b.min() && !a.minInclusive());
        boolean aMax = a.max() < b.max() || (a.max() == b.max() && !a.maxInclusive());
        return new ScoreRange(a.key(), aMin ? a.min() : b.min(), aMin ? a.minInclusive() : b.minInclusive(),
                aMax ? a.max() : b.max(), aMax ? a.maxInclusive() : b.maxInclusive());
    }

    private static Set<ReviewState> states(String part, String value) {
        Set<ReviewState> out = EnumSet.noneOf(ReviewState.class);
        for (String v : choices(part, value)) {
            out.add(ReviewState.fromId(v).orElseThrow(() -> bad(part, "undecided, chosen, edited or rejected")));
        }
        return out;
    }

    private static Set<ReviewRows.Maker> makers(String part, String value) {
        Set<ReviewRows.Maker> out = EnumSet.noneOf(ReviewRows.Maker.class);
        for (String v : choices(part, value)) {
            try {
                out.add(ReviewRows.Maker.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw bad(part, "none, algorithm or curator");
            }
        }
        return out;
    }

    private static Set<CandidateOrigin> origins(String part, String value) {
        Set<CandidateOrigin> out = EnumSet.noneOf(CandidateOrigin.class);
        for (String v : choices(part, value)) {
            out.add(CandidateOrigin.fromId(v).orElseThrow(() -> bad(part,
                    "original, generated, reflection, instruct, dataset or curator")));
        }
        return out;
    }

    private static Set<Long> ids(String part, String value) {
        Set<Long> out = new HashSet<>();
        for (String v : choices(part, value)) {
            try {
                out.add(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw bad(part, "whole numbers (ids)");
            }
        }
        return out;
    }

    private static List<String> choices(String part, String value) {
        List<String> out = new ArrayList<>();
        for (String v : value.split("\\|")) {
            if (!v.isBlank()) {
                out.add(v.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (out.isEmpty()) {
            throw bad(part, "at least one value after =");
        }
        return out;
    }

    private static IllegalArgumentException bad(String part, String expected) {
        return new IllegalArgumentException("Cannot read the filter condition '" + part + "': expected " + expected);
    }
}
