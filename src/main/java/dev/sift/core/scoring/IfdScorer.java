package dev.sift.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes the Instruction-Following Difficulty of (instruction, input, response) samples with a causal LM
 * (ALGORITHMS.md §0.2–0.3). Blocking and as thread-safe as the scorer it wraps.
 *
 * <p>One sample at a time, {@link #score(String, String, String)} makes at most two
 * {@link CausalLmScorer#tokenNll(int[])} calls. For throughput, {@link #prepare} several samples (tokenizing only)
 * and {@link #score(List)} them: all their sequences go to the model in one {@link CausalLmScorer#tokenNll(List)}
 * call. Both ways apply the same truncation and skip rules; the losses agree up to the model's float rounding.
 */
public final class IfdScorer {

    private final CausalLmScorer scorer;
    private final IfdOptions options;
    private final SpanScorer spans;

    public IfdScorer(CausalLmScorer scorer, IfdOptions options) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.options = Objects.requireNonNull(options, "options");
        if (options.maxLength() > scorer.maxLength()) {
            throw new IllegalArgumentException("maxLength " + options.maxLength()
                    + " exceeds the scorer's window of " + scorer.maxLength());
        }
        this.spans = new SpanScorer(scorer, options.spanMode());
    }

    public IfdOptions options() {
        return options;
    }

    /** Scores one sample; {@code input} may be empty. An empty response gives a result with no score. */
    public IfdResult score(String instruction, String input, String response) {
        Prepared sample = prepare(instruction, input, response);
        return sample.finish(sample.sequences().stream().map(scorer::tokenNll).toList());
    }

    /**
     * Scores prepared samples with one {@link CausalLmScorer#tokenNll(List)} call over all their sequences; results
     * in the order of {@code samples}. Memory in the model grows with the number and length of the sequences, so
     * callers choose how many samples go together.
     */
    public List<IfdResult> score(List<Prepared> samples) {
        List<int[]> batch = new ArrayList<>();
        samples.forEach(sample -> batch.addAll(sample.sequences()));
        List<double[]> nlls = batch.isEmpty() ? List.of() : scorer.tokenNll(batch);
        if (nlls.size() != batch.size()) {
            throw new IllegalStateException("scorer returned " + nlls.size() + " results for " + batch.size()
                    + " sequences");
        }
        List<IfdResult> out = new ArrayList<>(samples.size());
        int next = 0;
        for (Prepared sample : samples) {
            int count = sample.sequences().size();
            out.add(sample.finish(nlls.subList(next, next + count)));
            next += count;
        }
        return out;
    }

    /** Tokenizes one sample and decides its spans, without running the model; {@code input} may be empty. */
    public Prepared prepare(String instruction, String input, String response) {
        if (response.isEmpty()) {
            return new Prepared(null, null, SkipReason.EMPTY_RESPONSE);
        }
        String prompt = options.template().format(instruction, input);
        int maxLength = options.maxLength();
        int promptTokens = spans.promptTokens(prompt, maxLength);
        if (options.directMode() == DirectMode.RESPONSE_ONLY) {
            SpanScorer.Plan direct = spans.plan("", response, response, maxLength - promptTokens + 1);
            SpanScorer.Plan conditional = spans.plan(prompt, response, response, maxLength);
            return new Prepared(conditional, direct, SkipReason.NONE);
        }
        if (maxLength - promptTokens <= 0) {
            return new Prepared(null, null, SkipReason.PROMPT_FILLS_WINDOW);
        }
        String header = options.template().responseHeader();
        int h = options.headerTokens().orElseGet(() -> scorer.encode(header, true).length);
        SpanScorer.Plan direct = spans.plan(header, response, response, maxLength - promptTokens + h);
        SpanScorer.Plan conditional = spans.plan(prompt, response, response, maxLength);
        SkipReason skip = SkipReason.NONE;
        if (direct.length() <= 0 || conditional.length() <= 0) {
            skip = SkipReason.EMPTY_SPAN;
        } else if (promptTokens + direct.length() > maxLength) {
            skip = SkipReason.DIRECT_OVERFLOW;
        }
        return new Prepared(conditional, direct, skip);
    }

    /**
     * A tokenized sample waiting for the model: the id sequences it needs scored (none, one or two) and how their
     * losses become its {@link IfdResult}. Made by {@link #prepare}; only meaningful to the scorer that made it.
     */
    public final class Prepared {

        private final SpanScorer.Plan conditional;
        private final SpanScorer.Plan direct;
        private final SkipReason skip;
        private final List<int[]> sequences = new ArrayList<>(2);

        private Prepared(SpanScorer.Plan conditional, SpanScorer.Plan direct, SkipReason skip) {
            this.conditional = conditional;
            this.direct = direct;
            this.skip = skip;
            for (SpanScorer.Plan plan : new SpanScorer.Plan[] {direct, conditional}) {
                if (plan != null && plan.needsModel()) {
                    sequences.add(plan.ids());
                }
            }
        }

        /** The length of its longest sequence in tokens, 0 when it needs no model call: a cost to sort by. */
        public int longestSequence() {
            return sequences.stream().mapToInt(ids -> ids.length).max().orElse(0);
        }

        /** How many sequences it sends to the model. */
        public int sequenceCount() {
            return sequences.size();
        }

        private List<int[]> sequences() {
            return sequences;
        }

        private IfdResult finish(List<double[]> nlls) {
            if (conditional == null) {
                return IfdResult.skipped(skip, options, scorer.name());
            }
            int next = 0;
            double[] directNll = direct.needsModel() ? nlls.get(next++) : new double[0];
            double[] conditionalNll = conditional.needsModel() ? nlls.get(next) : new double[0];
            return new IfdResult(conditional.finish(conditionalNll).nll(), direct.finish(directNll).nll(), skip,
                    options, scorer.name());
        }
    }
}
