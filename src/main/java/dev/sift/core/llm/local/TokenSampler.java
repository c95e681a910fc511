package dev.sift.core.llm.local;

import java.util.Arrays;
import java.util.Random;

/** Picks the next token from one row of logits: greedy, or temperature and top-p sampling. */
final class TokenSampler {

    private TokenSampler() {}

    /** The log-softmax of {@code logits} at {@code id}, over the full vocabulary, in double. */
    static double logProb(float[] logits, int offset, int vocab, int id) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            sum += Math.exp(logits[offset + i] - max);
        }
        return logits[offset + id] - max - Math.log(sum);
    }

    static int pick(float[] logits, GenerationSettings settings, Random random) {
        if (settings.isGreedy()) {
            return argmax(logits);
        }
        int vocab = logits.length;
        double max = logits[argmax(logits)];
        double[] probs = new double[vocab];
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            probs[i] = Math.exp((logits[i] - max) / settings.temperature());
            sum += probs[i];
        }
        Integer[] order = new Integer[vocab];
        for (int i = 0; i < vocab; i++) {
            order[i] = i;
        }
        // most likely first; equal probabilities keep id order so the draw is reproducible
        Arrays.sort(order, (a, b) -> Double.compare(probs[b], probs[a]));
        int kept = 0;
        double mass = 0;
        while (kept < vocab && (kept == 0 || mass < settings.topP() * sum)) {
            mass += probs[order[kept]];
            kept++;
        }
        double target = random.nextDouble() * mass;
        double running = 0;
        for (int i = 0; i < kept; i++) {
            running += probs[order[i]];
            if (target < running) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
