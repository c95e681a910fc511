package dev.sift.core.llm.local.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ScoringBenchmark} measures: a model export folder and, for each sequence length and batch
 * size, {@code samples} generated token sequences of that length.
 *
 * @param model a Hugging Face ONNX export folder, as {@link dev.sift.core.llm.local.OnnxCausalLm#open} reads
 * @param lengths sequence lengths in tokens, BOS included
 * @param samples sequences per length (a last batch may be smaller than the batch size)
 * @param batchSizes sequences per forward pass; 1 is one-by-one scoring, the reference of the batching speedup
 * @param intraOpThreads ONNX Runtime intra-op threads for both paths, 0 for its default (one per core)
 * @param rounds times every sequence is scored by each path; rounds alternate which path goes first
 * @param seed of the generated token ids
 */
public record ScoringRequest(
        Path model, List<Integer> lengths, int samples, List<Integer> batchSizes, int intraOpThreads, int rounds,
        long seed) {

    public static final List<Integer> DEFAULT_LENGTHS = List.of(128, 256, 512);
    public static final List<Integer> DEFAULT_BATCH_SIZES = List.of(1, 4, 8);
    public static final int DEFAULT_SAMPLES = 8;
    public static final int DEFAULT_ROUNDS = 2;
    public static final long DEFAULT_SEED = 20261121L;

    public ScoringRequest {
        Objects.requireNonNull(model, "model");
        lengths = List.copyOf(lengths);
        batchSizes = List.copyOf(batchSizes);
        if (lengths.isEmpty() || lengths.stream().anyMatch(l -> l < 2)) {
            throw new IllegalArgumentException("lengths must be given and each at least 2 tokens: " + lengths);
        }
        if (batchSizes.isEmpty() || batchSizes.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("batch sizes must be given and each at least 1: " + batchSizes);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1: " + samples);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("threads must be 0 (default) or more: " + intraOpThreads);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
    }

    /** The defaults for {@code model}: lengths 128/256/512, 8 samples, batch sizes 1/4/8, 2 rounds. */
    public static ScoringRequest of(Path model) {
        return new ScoringRequest(model, DEFAULT_LENGTHS, DEFAULT_SAMPLES, DEFAULT_BATCH_SIZES, 0, DEFAULT_ROUNDS,
                DEFAULT_SEED);
    }

    public ScoringRequest withLengths(List<Integer> value) {
        return new ScoringRequest(model, value, samples, batchSizes, intraOpThreads, rounds, seed);
    }

    public ScoringRequest withSamples(int value) {
        return new ScoringRequest(model, lengths, value, batchSizes, intraOpThreads, rounds, seed);
    }

    public ScoringRequest withBatchSizes(List<Integer> value) {
        return new ScoringRequest(model, lengths, samples, value, intraOpThreads, rounds, seed);
    }

    public ScoringRequest withThreads(int value) {
        return new ScoringRequest(model, lengths, samples, batchSizes, value, rounds, seed);
    }

    public ScoringRequest withRounds(int value) {
        return new ScoringRequest(model, lengths, samples, batchSizes, intraOpThreads, value, seed);
    }
}
