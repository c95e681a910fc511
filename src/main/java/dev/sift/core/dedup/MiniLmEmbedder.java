package dev.sift.core.dedup;

import java.util.List;

/** all-MiniLM-L6-v2 (quantized), bundled in the langchain4j jar and run with ONNX Runtime, offline. */
public final class MiniLmEmbedder implements SentenceEmbedder {

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
        throw new UnsupportedOperationException("not implemented yet");
    }
}
