package dev.sift.core.llm.local;

/**
 * ONNX Runtime failed while running a model that had loaded. Unchecked so that the scoring methods keep
 * the plain signatures of the scorer contract ({@code double[] tokenNll(int[] ids)}); problems with the
 * folder itself are reported earlier, as an {@link java.io.IOException} from {@link OnnxCausalLm#open}.
 * The message names the model folder and never contains user text.
 */
public class LocalModelException extends RuntimeException {

    public LocalModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
