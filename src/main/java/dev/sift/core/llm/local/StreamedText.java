package dev.sift.core.llm.local;

import dev.sift.core.llm.StreamListener;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the token ids of one generation into text deltas: after each token the new ids are decoded again
 * and the part not yet sent is handed to the listener. Text that may still turn out to be (the start of) a
 * stop string is held back, and so is a trailing replacement character of a half-decoded UTF-8 sequence,
 * so that the deltas add up to the final, cut text. Not thread-safe: one per generation.
 */
final class StreamedText {

    private final OnnxCausalLm lm;
    private final int index;
    private final StreamListener listener;
    private final List<String> stops;
    private int[] ids = new int[16];
    private int count;
    private String sent = "";

    StreamedText(OnnxCausalLm lm, int index, StreamListener listener, List<String> stops) {
        this.lm = lm;
        this.index = index;
        this.listener = listener;
        this.stops = List.copyOf(stops);
    }

    /** Called with each new token id, on the generating thread. */
    void add(int id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, count * 2);
        }
        ids[count++] = id;
        String text = lm.decodeForGeneration(Arrays.copyOf(ids, count));
        send(text, safeLength(text));
    }

    /** Sends what is left of the final text once generation has ended. */
    void finish(String finalText) {
        send(finalText, finalText.length());
    }

    private void send(String text, int upTo) {
        if (upTo > sent.length() && text.startsWith(sent)) {
            listener.onDelta(index, text.substring(sent.length(), upTo));
            sent = text.substring(0, upTo);
        }
    }

    /** How much of {@code text} can be sent without risking text that a stop string will cut. */
    private int safeLength(String text) {
        int end = text.length();
        for (String stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        if (end == text.length()) {
            for (String stop : stops) {
                for (int k = Math.min(stop.length() - 1, text.length()); k > 0; k--) {
                    if (text.endsWith(stop.substring(0, k))) {
                        end = Math.min(end, text.length() - k);
                        break;
                    }
                }
            }
        }
        while (end > 0 && text.charAt(end - 1) == '\uFFFD') {
            end--;
        }
        return end;
    }
}
