package dev.sift.core.judge;

import java.util.List;

/**
 * Diagnostics of a judge's biases: how strongly its grades follow the length of the answer (LLM judges
 * favour long answers), and how often its preference in a pairwise set changes when the answers swap
 * places. Flagged (unparsed) items are left out of both.
 */
public final class JudgeBias {

    private JudgeBias() {}

    /** Pearson correlation of x and y; NaN with fewer than two points or when either has no variance. */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("pearson needs as many x as y values, got " + x.length + " and " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Correlation of each grade's score with the length (in characters) of the answer it graded;
     * {@code answers.get(i)} is the answer of {@code grades.get(i)}. Unparsed grades are skipped.
     */
    public static double lengthCorrelation(List<Grade> grades, List<String> answers) {
        if (grades.size() != answers.size()) {
            throw new IllegalArgumentException("one answer per grade is needed, got " + grades.size()
                    + " grades and " + answers.size() + " answers");
        }
        int parsed = (int) grades.stream().filter(g -> !g.unparsed()).count();
        double[] scores = new double[parsed];
        double[] lengths = new double[parsed];
        int k = 0;
        for (int i = 0; i < grades.size(); i++) {
            if (!grades.get(i).unparsed()) {
                scores[k] = grades.get(i).score().getAsDouble();
                lengths[k] = answers.get(i).codePointCount(0, answers.get(i).length());
                k++;
            }
        }
        return pearson(scores, lengths);
    }

    /** How many judged items changed their preferred model with the order, of how many. */
    public record PositionFlips(int items, int flipped) {
        /** The share of items that flipped; NaN for an empty set. */
        public double rate() {
            return items == 0 ? Double.NaN : (double) flipped / items;
        }
    }

    /** The position-flip count of a pairwise set (see {@link PairwiseComparison#preferenceChangesWithOrder()}). */
    public static PositionFlips positionFlips(List<PairwiseComparison> items) {
        int judged = 0;
        int flipped = 0;
        for (PairwiseComparison item : items) {
            var changes = item.preferenceChangesWithOrder();
            if (changes.isPresent()) {
                judged++;
                flipped += changes.get() ? 1 : 0;
            }
        }
        return new PositionFlips(judged, flipped);
    }
}
