package dev.sift.core.dedup;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * all-MiniLM-L6-v2 (quantized), bundled in the langchain4j jar and run with ONNX Runtime, offline.
 *
 * <p>Creating the first instance loads the model (about a second, 23 MB) and blocks until it is
 * loaded; later instances share it. {@link #embed} is thread-safe and runs on the calling thread (ONNX
 * Runtime uses its own intra-op threads), about 2–3 ms a sentence on two cores. Texts longer than the
 * model's 512 tokens are embedded in parts and averaged. Blank texts get the zero vector, which is
 * similar to nothing.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    /**
     * ONNX Runtime's native initialisation needs more stack than a default Java thread has (1 MB
     * overflows on Linux with ONNX Runtime 1.29), so the model is loaded on a thread of its own.
     */
    private static final long LOADER_STACK_BYTES = 64L << 20;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Loads the model if no earlier instance has; blocks until it is ready. */
    public MiniLmEmbedder() {
        this.model = load();
    }

    @Override
    public String modelName() {
        return "all-MiniLM-L6-v2-q";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        var segments = new ArrayList<TextSegment>();
        for (String text : texts) {
            if (!text.isBlank()) {
                segments.add(TextSegment.from(text));
            }
        }
        List<Embedding> embeddings = segments.isEmpty() ? List.of() : model.embedAll(segments).content();
        var vectors = new ArrayList<float[]>(texts.size());
        int next = 0;
        for (String text : texts) {
            vectors.add(text.isBlank()
                    ? new float[dimension()]
                    : Vectors.normalize(embeddings.get(next++).vector().clone()));
        }
        return vectors;
    }

    private static AllMiniLmL6V2QuantizedEmbeddingModel load() {
        var model = new AtomicReference<AllMiniLmL6V2QuantizedEmbeddingModel>();
        var failure = new AtomicReference<Throwable>();
        // a direct executor: embedding runs on the caller's thread, so no thread pool outlives a job
        Runnable loader = () -> {
            try {
                model.set(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
            } catch (Throwable t) {
                failure.set(t);
            }
        };
        Thread thread = new Thread(null, loader, "sift-minilm-loader", LOADER_STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the model must finish loading either way; keep the interrupt for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Cannot load the bundled sentence-embedding model: "
                    + failure.get().getMessage(), failure.get());
        }
        return model.get();
    }
}
