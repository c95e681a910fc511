package dev.sift.core.dedup;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized), bundled in the langchain4j jar and run with ONNX Runtime, offline.
 *
 * <p>Creating an instance loads the model (about a second, 23 MB) on the calling thread;
 * create one and share it (the application context does). {@link #embed} is thread-safe and runs on the calling thread (ONNX
 * Runtime uses its own intra-op threads), about 2–3 ms a sentence on two cores. Texts longer than the
 * model's 512 tokens are embedded in parts and averaged. Blank texts get the zero vector, which is
 * similar to nothing.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Loads the model; blocks until it is ready. */
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
        // a direct executor: embedding runs on the caller's thread, so no thread pool outlives a job
        return new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }
}
