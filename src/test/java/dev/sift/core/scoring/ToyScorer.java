package dev.sift.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * A scripted {@link CausalLmScorer} for tests. Its tokenizer matches the longest vocabulary entry at each position,
 * else a single character (id = char + 1000); BOS is id 1. Losses come from a function of (position, ids).
 */
final class ToyScorer implements CausalLmScorer {

    static final int BOS = 1;

    private final List<String> vocabulary;
    private final ToDoubleBiFunction<Integer, int[]> loss;
    final List<int[]> calls = new ArrayList<>();

    ToyScorer(List<String> vocabulary, ToDoubleBiFunction<Integer, int[]> loss) {
        this.vocabulary = vocabulary;
        this.loss = loss;
    }

    /** Character tokenizer with nll[t] = t, so a span's losses name its positions. */
    static ToyScorer positional(String... vocabulary) {
        return new ToyScorer(List.of(vocabulary), (t, ids) -> t);
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        List<Integer> ids = new ArrayList<>();
        if (addBos) {
            ids.add(BOS);
        }
        int i = 0;
        while (i < text.length()) {
            int best = -1;
            int bestLength = 0;
            for (int v = 0; v < vocabulary.size(); v++) {
                String word = vocabulary.get(v);
                if (word.length() > bestLength && text.startsWith(word, i)) {
                    best = v;
                    bestLength = word.length();
                }
            }
            if (best >= 0) {
                ids.add(2 + best);
                i += bestLength;
            } else {
                ids.add(1000 + text.charAt(i));
                i++;
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public double[] tokenNll(int[] ids) {
        calls.add(ids.clone());
        double[] nll = new double[ids.length];
        nll[0] = Double.NaN;
        for (int t = 1; t < ids.length; t++) {
            nll[t] = loss.applyAsDouble(t, ids);
        }
        return nll;
    }

    @Override
    public String name() {
        return "toy";
    }
}
