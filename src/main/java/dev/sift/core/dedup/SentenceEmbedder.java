package dev.sift.core.dedup;

import java.util.List;

/**
 * Turns texts into L2-normalised sentence embeddings. Implementations run in process and offline.
 * Thread-safe; {@link #embed} blocks while it computes.
 */
public interface SentenceEmbedder {

    /** A stable name stored with each embedding, e.g. "all-MiniLM-L6-v2-q". */
    String modelName();

    int dimension();

    List<float[]> embed(List<String> texts);
}
