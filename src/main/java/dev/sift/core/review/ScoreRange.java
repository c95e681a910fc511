package dev.sift.core.review;

import java.util.Locale;

/**
 * A range of one score column, each end open or closed or absent; a row without the score (NaN) is never inside.
 *
 * @param key the score column, e.g. {@code ifd}
 */
public record ScoreRange(String key, double min, boolean minInclusive, double max, boolean maxInclusive) {

    public ScoreRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("empty range for " + key + ": " + min + " to " + max);
        }
    }

    /** {@code min <= value <= max}; an infinite end is no bound. */
    public static ScoreRange between(String key, double min, double max) {
        return new ScoreRange(key, min, true, max, true);
    }

    public static ScoreRange atLeast(String key, double min) {
        return new ScoreRange(key, min, true, Double.POSITIVE_INFINITY, true);
    }

    public static ScoreRange below(String key, double max) {
        return new ScoreRange(key, Double.NEGATIVE_INFINITY, true, max, false);
    }

    public boolean contains(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** The range in the filter language, e.g. {@code ifd>=0.5,ifd<1}. */
    public String expression() {
        var parts = new java.util.ArrayList<String>(2);
        if (min != Double.NEGATIVE_INFINITY) {
            parts.add(key + (minInclusive ? ">=" : ">") + number(min));
        }
        if (max != Double.POSITIVE_INFINITY) {
            parts.add(key + (maxInclusive ? "<=" : "<") + number(max));
        }
        return String.join(",", parts);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
