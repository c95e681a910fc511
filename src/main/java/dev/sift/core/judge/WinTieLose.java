package dev.sift.core.judge;

/**
 * Counts of pairwise verdicts for m1 against m2, plus the items left out because a score could not be
 * read (flagged, never guessed). N = wins + ties + losses; the winning score is (W − L)/N + 1, from 0
 * (m2 always better) to 2 (m1 always better), NaN when N is 0.
 */
public record WinTieLose(int wins, int ties, int losses, int unparsed) {

    public static final WinTieLose NONE = new WinTieLose(0, 0, 0, 0);

    public WinTieLose {
        if (wins < 0 || ties < 0 || losses < 0 || unparsed < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public int n() {
        return wins + ties + losses;
    }

    public double winningScore() {
        return n() == 0 ? Double.NaN : (double) (wins - losses) / n() + 1;
    }

    /** These counts with one more verdict. */
    public WinTieLose plus(Verdict verdict) {
        return switch (verdict) {
            case WIN -> new WinTieLose(wins + 1, ties, losses, unparsed);
            case TIE -> new WinTieLose(wins, ties + 1, losses, unparsed);
            case LOSE -> new WinTieLose(wins, ties, losses + 1, unparsed);
        };
    }

    /** These counts with one more flagged item. */
    public WinTieLose plusUnparsed() {
        return new WinTieLose(wins, ties, losses, unparsed + 1);
    }

    public WinTieLose plus(WinTieLose other) {
        return new WinTieLose(wins + other.wins, ties + other.ties, losses + other.losses, unparsed + other.unparsed);
    }
}
