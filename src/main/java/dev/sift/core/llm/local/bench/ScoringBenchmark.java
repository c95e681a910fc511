package dev.sift.core.llm.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.llm.local.OnnxCausalLm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Measures the scoring throughput of Sift's full path ({@link OnnxCausalLm#tokenNll(int[])} one by one,
 * {@link OnnxCausalLm#tokenNll(List)} batched: tensors built, one forward pass, the NLL graph's
 * log-softmax over the vocabulary and NLL extraction, the per-token losses copied out) against a bare ONNX Runtime {@code session.run}
 * on the same model file, the same token batches and the same intra-op threads ({@link BareSession}:
 * tensors built beforehand, logits never read). The ratio of the two is the share of throughput Sift
 * keeps (goal {@value ScoringReport#GOAL}); batch size 1 against the others gives the batching speedup.
 *
 * <p>Token sequences are generated: for each length, {@code samples} sequences of BOS (when the config
 * has one) followed by seeded random ids below {@code vocab_size}. All sequences of a batch have one
 * length, so nothing is padded. For each length and batch size: a warm-up per path of at least one
 * batch and 0.3 s, not reported, then {@code rounds} rounds over all samples in which each batch is run
 * by both paths back to back, alternating which goes first, so that load from elsewhere on a shared
 * machine falls on both alike; the median of these pairs' ratios is the goal's measure. Both sessions stay
 * open for the whole run.
 *
 * <p>Cancellable between batches; progress counts the batches of the reported rounds.
 */
public final class ScoringBenchmark implements Job<ScoringReport> {

    /** Each path is warmed up for at least this long per length and batch size, and at least one batch. */
    static final long WARM_UP_NANOS = 300_000_000L;

    private final ScoringRequest request;

    public ScoringBenchmark(ScoringRequest request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    @Override
    public String title() {
        return "Scoring benchmark on " + request.model().getFileName();
    }

    @Override
    public ScoringReport run(JobContext context) throws Exception {
        int vocab = new ObjectMapper().readTree(request.model().resolve("config.json").toFile())
                .path("vocab_size").asInt(-1);
        if (vocab < 1) {
            throw new IOException(request.model() + ": config.json has no vocab_size");
        }
        context.message("Loading " + request.model().getFileName() + " twice (Sift and the baseline)");
        try (OnnxCausalLm lm = OnnxCausalLm.open(request.model(), request.intraOpThreads());
                BareSession bare = BareSession.open(request.model(), request.intraOpThreads())) {
            int longest = request.lengths().stream().mapToInt(Integer::intValue).max().orElseThrow();
            if (longest > lm.maxLength()) {
                throw new IllegalArgumentException("length " + longest + " is beyond the model's context window of "
                        + lm.maxLength() + " tokens");
            }
            long total = 0;
            for (int length : request.lengths()) {
                for (int size : request.batchSizes()) {
                    total += 2L * request.rounds() * batches(sequences(length, vocab, lm), size).size();
                }
            }
            long[] done = {0};
            List<ScoringReport.Row> rows = new ArrayList<>();
            for (int length : request.lengths()) {
                List<int[]> sequences = sequences(length, vocab, lm);
                for (int size : request.batchSizes()) {
                    context.message("Length " + length + ", batch size " + size);
                    rows.add(measure(lm, bare, length, batches(sequences, size), size, context, done, total));
                }
            }
            String jvm = Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
            return new ScoringReport(String.valueOf(request.model().getFileName()), request.intraOpThreads(),
                    request.rounds(), jvm, Runtime.getRuntime().availableProcessors(), rows);
        }
    }

    private ScoringReport.Row measure(OnnxCausalLm lm, BareSession bare, int length, List<List<int[]>> batches,
            int size, JobContext context, long[] done, long total) throws Exception {
        List<BareSession.Feed> feeds = new ArrayList<>();
        try {
            for (List<int[]> batch : batches) {
                feeds.add(bare.feed(batch));
            }
            warmUp(lm, bare, batches, feeds, size, context);
            long siftNanos = 0;
            long bareNanos = 0;
            long siftTokens = 0;
            long bareTokens = 0;
            double nllSum = 0;
            long nllCount = 0;
            List<Double> pairRatios = new ArrayList<>();
            for (int round = 0; round < request.rounds(); round++) {
                for (int b = 0; b < batches.size(); b++) {
                    List<int[]> batch = batches.get(b);
                    long pairSift = 0;
                    long pairBare = 0;
                    for (int turn = 0; turn < 2; turn++) {
                        context.checkCancelled();
                        long start = System.nanoTime();
                        if ((round + b + turn) % 2 == 1) {
                            List<double[]> nlls = score(lm, batch, size);
                            pairSift = System.nanoTime() - start;
                            siftNanos += pairSift;
                            siftTokens += (long) batch.size() * length;
                            for (double[] nll : nlls) {
                                for (int t = 1; t < nll.length; t++) {
                                    nllSum += nll[t];
                                    nllCount++;
                                }
                            }
                        } else {
                            bare.run(feeds.get(b));
                            pairBare = System.nanoTime() - start;
                            bareNanos += pairBare;
                            bareTokens += (long) batch.size() * length;
                        }
                        context.progress(++done[0], total);
                    }
                    pairRatios.add((double) pairBare / pairSift);
                }
            }
            int samples = batches.stream().mapToInt(List::size).sum();
            return new ScoringReport.Row(length, size, samples, siftTokens, bareTokens, siftNanos, bareNanos,
                    median(pairRatios), nllSum / nllCount);
        } finally {
            BareSession.closeAll(feeds);
        }
    }

    /**
     * Runs each path over the batches, round robin, for at least one batch and {@link #WARM_UP_NANOS}, so that
     * ONNX Runtime has sized its buffers for this shape and the JIT compiler has compiled Sift's loops.
     */
    private static void warmUp(OnnxCausalLm lm, BareSession bare, List<List<int[]>> batches,
            List<BareSession.Feed> feeds, int size, JobContext context) throws Exception {
        for (boolean sift : new boolean[] {false, true}) {
            long start = System.nanoTime();
            int b = 0;
            do {
                context.checkCancelled();
                if (sift) {
                    score(lm, batches.get(b), size);
                } else {
                    bare.run(feeds.get(b));
                }
                b = (b + 1) % batches.size();
            } while (System.nanoTime() - start < WARM_UP_NANOS);
        }
    }

    /** Sift's path: one by one through {@code tokenNll(int[])} at batch size 1, else the batched call. */
    private static List<double[]> score(OnnxCausalLm lm, List<int[]> batch, int size) {
        return size == 1 ? List.of(lm.tokenNll(batch.get(0))) : lm.tokenNll(batch);
    }

    private List<int[]> sequences(int length, int vocab, OnnxCausalLm lm) {
        Random random = new Random(request.seed() * 31 + length);
        List<int[]> out = new ArrayList<>(request.samples());
        for (int s = 0; s < request.samples(); s++) {
            int[] ids = new int[length];
            for (int t = 0; t < length; t++) {
                ids[t] = random.nextInt(vocab);
            }
            lm.bosTokenId().ifPresent(bos -> ids[0] = bos);
            out.add(ids);
        }
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<List<int[]>> batches(List<int[]> sequences, int size) {
        List<List<int[]>> out = new ArrayList<>();
        for (int from = 0; from < sequences.size(); from += size) {
            out.add(sequences.subList(from, Math.min(sequences.size(), from + size)));
        }
        return out;
    }
}
