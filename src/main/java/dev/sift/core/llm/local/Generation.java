package dev.sift.core.llm.local;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * One call of {@link OnnxCausalLm#generate}: the prompt pass, then one single-token pass per new token that
 * feeds the previous pass's present tensors back as past. Each pass's result is closed once the next pass
 * has consumed its cache. Without a cache in the export, every step re-runs the whole sequence.
 */
final class Generation {

    private final OnnxCausalLm lm;
    private final GenerationSettings settings;
    private final Set<Integer> stopIds;
    private final Random random;
    private final IntConsumer onToken;

    Generation(OnnxCausalLm lm, GenerationSettings settings, Set<Integer> stopIds, Random random,
            IntConsumer onToken) {
        this.onToken = onToken;
        this.lm = lm;
        this.settings = settings;
        this.stopIds = stopIds;
        this.random = random;
    }

    GenerationResult run(int[] prompt) {
        boolean cached = lm.inputs().hasCache();
        int[] sequence = Arrays.copyOf(prompt, prompt.length + settings.maxNewTokens());
        int length = prompt.length;
        double[] logProbs = new double[settings.maxNewTokens()];
        int produced = 0;
        int pastLength = 0;
        OrtSession.Result previous = null;
        try {
            while (true) {
                int from = cached ? pastLength : 0;
                long[] ids = LmArrays.toLongs(Arrays.copyOfRange(sequence, from, length));
                Map<String, OnnxTensor> past = previous == null ? null : lm.inputs().presentAsPast(previous);
                OrtSession.Result result = lm.runWithCache(ids, LmArrays.ones(length),
                        LmArrays.range(from, length), past);
                if (previous != null) {
                    previous.close();
                }
                previous = result;
                float[] all = LmArrays.logits(result);
                int vocab = all.length / ids.length;
                float[] last = Arrays.copyOfRange(all, all.length - vocab, all.length);
                int next = TokenSampler.pick(last, settings, random);
                if (stopIds.contains(next)) {
                    return result(sequence, prompt.length, produced, logProbs, StopReason.STOP_TOKEN);
                }
                logProbs[produced++] = TokenSampler.logProb(last, 0, vocab, next);
                sequence[length] = next;
                pastLength = length;
                length++;
                onToken.accept(next);
                if (!settings.stopStrings().isEmpty()) {
                    String text = lm.decodeForGeneration(Arrays.copyOfRange(sequence, prompt.length, length));
                    int cut = firstStop(text, settings.stopStrings());
                    if (cut >= 0) {
                        return new GenerationResult(Arrays.copyOfRange(sequence, prompt.length, length),
                                text.substring(0, cut), Arrays.copyOf(logProbs, produced), StopReason.STOP_STRING);
                    }
                }
                if (produced == settings.maxNewTokens()) {
                    return result(sequence, prompt.length, produced, logProbs, StopReason.MAX_TOKENS);
                }
            }
        } catch (OrtException e) {
            throw lm.failure(e);
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
    }

    private GenerationResult result(int[] sequence, int promptLength, int produced, double[] logProbs,
            StopReason reason) {
        int[] ids = Arrays.copyOfRange(sequence, promptLength, promptLength + produced);
        return new GenerationResult(ids, lm.decodeForGeneration(ids), Arrays.copyOf(logProbs, produced), reason);
    }

    private static int firstStop(String text, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}
