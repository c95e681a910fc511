package dev.sift.core.dedup;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.ProjectStore;

/**
 * Embeds the samples of a dataset that have no embedding yet (saving them as it goes), groups near
 * duplicates by cosine similarity, and stores the groups as a new scan.
 */
public final class DedupJob implements Job<DuplicateScan> {

    private final DedupRequest request;
    private final ProjectStore store;
    private final SentenceEmbedder embedder;

    public DedupJob(DedupRequest request, ProjectStore store, SentenceEmbedder embedder) {
        this.request = request;
        this.store = store;
        this.embedder = embedder;
    }

    @Override
    public String title() {
        return "Find near duplicates";
    }

    @Override
    public DuplicateScan run(JobContext context) throws Exception {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
