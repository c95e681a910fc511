package dev.sift.core.store;

/** The per-token losses kept with a score, widened back from float32; empty arrays when none were kept. */
public record ScoreLosses(double[] conditioned, double[] direct) {

    public ScoreLosses {
        conditioned = conditioned.clone();
        direct = direct.clone();
    }

    @Override
    public double[] conditioned() {
        return conditioned.clone();
    }

    @Override
    public double[] direct() {
        return direct.clone();
    }
}
