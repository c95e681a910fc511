package dev.sift.core.dedup;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.store.DuplicateGroup;
import dev.sift.core.store.DuplicateScan;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Embeds the samples of a dataset that have no embedding yet (saving them as it goes), groups near
 * duplicates by cosine similarity, and stores the groups as a new scan.
 *
 * <p>A sample's text is its instruction and input (for a multi-turn sample, its first user turn).
 * Embeddings are made {@value #BATCH} at a time and each batch is saved before the next, so a
 * cancellation or crash loses at most one batch and the next run embeds only what is missing.
 * Grouping is {@link NearDuplicateGrouper}'s greedy leader clustering in record order. Runs on the
 * calling (worker) thread and blocks; cancellation is checked between batches and during grouping,
 * and a cancelled run saves no scan.
 */
public final class DedupJob implements Job<DuplicateScan> {

    static final int BATCH = SampleEmbeddings.BATCH;

    private final DedupRequest request;
    private final ProjectStore store;
    private final SentenceEmbedder embedder;
    private final NearDuplicateGrouper grouper;

    public DedupJob(DedupRequest request, ProjectStore store, SentenceEmbedder embedder) {
        this(request, store, embedder, new NearDuplicateGrouper());
    }

    DedupJob(DedupRequest request, ProjectStore store, SentenceEmbedder embedder, NearDuplicateGrouper grouper) {
        this.request = request;
        this.store = store;
        this.embedder = embedder;
        this.grouper = grouper;
    }

    @Override
    public String title() {
        return "Find near duplicates";
    }

    @Override
    public DuplicateScan run(JobContext context) throws Exception {
        long datasetId = request.datasetId();
        String datasetName = store.datasets().find(datasetId)
                .orElseThrow(() -> new StoreException("There is no dataset with id " + datasetId))
                .name();
        long[] ids = store.samples().ids(SampleQuery.dataset(datasetId));
        var embeddings = new SampleEmbeddings(store, embedder);
        Map<Long, float[]> vectors = embeddings.stored(datasetId);
        long[] missing = SampleEmbeddings.missing(ids, vectors);
        long total = missing.length + (long) ids.length;

        context.message("Embedding " + missing.length + " of " + ids.length + " samples of " + datasetName);
        embeddings.embedMissing(missing, vectors, context, done -> context.progress(done, total));

        context.checkCancelled();
        context.message("Grouping " + ids.length + " samples of " + datasetName);
        long[] present = Arrays.stream(ids).filter(vectors::containsKey).toArray(); // less any deleted meanwhile
        float[][] matrix = new float[present.length][];
        for (int i = 0; i < present.length; i++) {
            matrix[i] = vectors.get(present[i]);
        }
        vectors.clear(); // the matrix holds the same arrays
        List<NearDuplicateGrouper.Group> groups = grouper.group(matrix, request.threshold(), (done, all) -> {
            context.checkCancelled();
            context.progress(missing.length + done, total);
        });
        DuplicateScan scan = store.duplicates()
                .save(datasetId, embedder.modelName(), request.threshold(), toDuplicateGroups(groups, present));
        context.message("Found " + groups.size() + " groups of near duplicates in " + datasetName);
        return scan;
    }

    private static List<DuplicateGroup> toDuplicateGroups(List<NearDuplicateGrouper.Group> groups, long[] ids) {
        var result = new ArrayList<DuplicateGroup>(groups.size());
        for (NearDuplicateGrouper.Group group : groups) {
            var members = new ArrayList<DuplicateGroup.Member>(group.size());
            for (int k = 0; k < group.size(); k++) {
                members.add(new DuplicateGroup.Member(ids[group.members()[k]], group.similarities()[k]));
            }
            result.add(new DuplicateGroup(members));
        }
        return result;
    }
}
