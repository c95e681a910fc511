package dev.sift.core.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * What a brief-experience export did.
 *
 * @param runId the run that recorded it
 * @param samples samples in the dataset
 * @param skipped samples left out because their prompt has no perplexity (a single token)
 * @param embedded embeddings computed by this run (the others were stored already)
 * @param embeddingModel the sentence model the instruction embeddings came from
 * @param clusters clusters of the k-means (k capped at the number of samples)
 * @param pickedIds the chosen samples' ids, ascending; the file holds exactly these records
 * @param file the file written
 * @param manifest the manifest beside it
 */
public record BriefExperienceSummary(long runId, int samples, int skipped, int embedded, String embeddingModel, int clusters,
        List<Long> pickedIds, Path file, Path manifest) {

    public BriefExperienceSummary {
        pickedIds = List.copyOf(pickedIds);
    }

    public int picked() {
        return pickedIds.size();
    }
}
