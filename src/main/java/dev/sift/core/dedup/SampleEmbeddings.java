package dev.sift.core.dedup;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Sample;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The sentence embeddings of a dataset's samples, kept in the project per embedding model: stored ones are
 * reused, missing ones computed in batches and saved batch by batch, so a cancel or crash loses at most one batch.
 * Every job that embeds samples goes through here, so they embed the same text ({@link DedupText}) and share what
 * is stored.
 */
public final class SampleEmbeddings {

    static final int BATCH = 64;

    private final ProjectStore store;
    private final SentenceEmbedder embedder;

    public SampleEmbeddings(ProjectStore store, SentenceEmbedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** The stored embeddings of the dataset's samples for this model, keyed by sample id; a mutable copy. */
    public Map<Long, float[]> stored(long datasetId) throws StoreException {
        return new HashMap<>(store.embeddings().load(datasetId, embedder.modelName()));
    }

    /** The ids among {@code ids} that have no vector in {@code vectors}. */
    public static long[] missing(long[] ids, Map<Long, float[]> vectors) {
        return Arrays.stream(ids).filter(id -> !vectors.containsKey(id)).toArray();
    }

    /**
     * Embeds the {@code missing} samples, saving each batch and adding it to {@code vectors}; checks for
     * cancellation before each batch and tells {@code embedded} how many are done after it.
     */
    public void embedMissing(long[] missing, Map<Long, float[]> vectors, JobContext context, IntConsumer embedded)
            throws StoreException, JobCancelledException {
        for (int from = 0; from < missing.length; from += BATCH) {
            context.checkCancelled();
            int to = Math.min(missing.length, from + BATCH);
            vectors.putAll(embedAndSave(missing, from, to));
            embedded.accept(to);
        }
    }

    private Map<Long, float[]> embedAndSave(long[] ids, int from, int to) throws StoreException {
        List<Sample> samples = store.samples().fetch(ids, from, to);
        var texts = new ArrayList<String>(samples.size());
        for (Sample sample : samples) {
            texts.add(DedupText.of(sample.content()));
        }
        List<float[]> embedded = embedder.embed(texts);
        if (embedded.size() != samples.size()) {
            throw new IllegalStateException(embedder.modelName() + " returned " + embedded.size()
                    + " embeddings for " + samples.size() + " texts");
        }
        Map<Long, float[]> batch = new HashMap<>();
        for (int k = 0; k < samples.size(); k++) {
            batch.put(samples.get(k).id(), embedded.get(k));
        }
        store.embeddings().putAll(embedder.modelName(), batch);
        return batch;
    }
}
