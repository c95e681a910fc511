package dev.sift.core.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps an embedder and counts the texts and calls it is asked to embed. */
class CountingEmbedder implements SentenceEmbedder {

    private final SentenceEmbedder delegate;
    final AtomicInteger calls = new AtomicInteger();
    final List<Integer> batchSizes = new ArrayList<>();

    CountingEmbedder(SentenceEmbedder delegate) {
        this.delegate = delegate;
    }

    /** A tiny bag-of-words embedder: texts with the same words get the same vector. */
    static CountingEmbedder bagOfWords() {
        return new CountingEmbedder(new SentenceEmbedder() {
            @Override
            public String modelName() {
                return "bag-of-words-test";
            }

            @Override
            public int dimension() {
                return 64;
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                var vectors = new ArrayList<float[]>();
                for (String text : texts) {
                    float[] v = new float[64];
                    for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                        if (!word.isEmpty()) {
                            v[Math.floorMod(word.hashCode(), 64)] += 1;
                        }
                    }
                    vectors.add(Vectors.normalize(v));
                }
                return vectors;
            }
        });
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        calls.incrementAndGet();
        batchSizes.add(texts.size());
        return delegate.embed(texts);
    }

    int texts() {
        return batchSizes.stream().mapToInt(Integer::intValue).sum();
    }
}
