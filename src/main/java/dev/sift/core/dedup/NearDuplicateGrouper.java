package dev.sift.core.dedup;

import dev.sift.core.job.JobCancelledException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups near-duplicate vectors by greedy leader clustering in index order: a vector joins the group
 * of the first earlier representative whose cosine with it is at least the threshold, and otherwise
 * becomes a representative itself. Every member's similarity to its representative is therefore at
 * least the threshold, and explains why it is in the group; membership is not transitive.
 *
 * <p>Up to {@value #EXACT_LIMIT} vectors every representative is compared (exact). Above that,
 * candidate representatives come from random-hyperplane LSH and are verified with the exact cosine:
 * no false matches, and a pair at the threshold is missed with a probability of a few percent (more
 * similar pairs less often). Results are deterministic for a given seed.
 *
 * <p>Vectors must be L2-normalised and of one dimension. Not thread-safe for a single call; instances
 * hold no state between calls and may be shared. {@link #group} blocks while it computes.
 */
public final class NearDuplicateGrouper {

    /** The largest input grouped by exact comparison. */
    public static final int EXACT_LIMIT = 4000;

    private final long seed;

    public NearDuplicateGrouper() {
        this(0x5EED_D0D0L);
    }

    /** @param seed the seed of the LSH hyperplanes and bands */
    public NearDuplicateGrouper(long seed) {
        this.seed = seed;
    }

    /** Where a long grouping may report progress or stop; throwing cancels the grouping. */
    @FunctionalInterface
    public interface Checkpoint {
        void reached(long done, long total) throws JobCancelledException;
    }

    /**
     * A group of two or more vectors; {@code members[0]} is the representative (similarity 1) and the
     * others follow in index order with their cosine similarity to it.
     */
    public record Group(int[] members, double[] similarities) {
        public int size() {
            return members.length;
        }
    }

    /** Groups with exact comparison up to {@link #EXACT_LIMIT} vectors and LSH above. */
    public List<Group> group(float[][] vectors, double threshold, Checkpoint checkpoint) throws JobCancelledException {
        return vectors.length <= EXACT_LIMIT
                ? exact(vectors, threshold, checkpoint)
                : approximate(vectors, threshold, checkpoint);
    }

    /** Groups by comparing each vector with every representative so far. */
    public List<Group> exact(float[][] vectors, double threshold, Checkpoint checkpoint) throws JobCancelledException {
        return cluster(vectors, (float) threshold, new ExactIndex(vectors, (float) threshold), checkpoint);
    }

    /** Groups with LSH candidates, each verified with the exact cosine. */
    public List<Group> approximate(float[][] vectors, double threshold, Checkpoint checkpoint)
            throws JobCancelledException {
        var index = HyperplaneLshIndex.build(vectors, (float) threshold, seed, checkpoint);
        return cluster(vectors, (float) threshold, index, checkpoint);
    }

    private static List<Group> cluster(float[][] vectors, float threshold, RepresentativeIndex index,
            Checkpoint checkpoint) throws JobCancelledException {
        int n = vectors.length;
        int[] representativeOf = new int[n];
        int[] groupSize = new int[n];
        for (int i = 0; i < n; i++) {
            int r = index.find(i);
            if (r < 0) {
                index.add(i);
                representativeOf[i] = i;
            } else {
                representativeOf[i] = r;
            }
            groupSize[representativeOf[i]]++;
            if ((i & 1023) == 1023) {
                checkpoint.reached(i + 1, n);
            }
        }
        checkpoint.reached(n, n);
        return collect(vectors, representativeOf, groupSize);
    }

    private static List<Group> collect(float[][] vectors, int[] representativeOf, int[] groupSize) {
        int n = vectors.length;
        int[][] members = new int[n][];
        int[] filled = new int[n];
        for (int i = 0; i < n; i++) {
            int r = representativeOf[i];
            if (groupSize[r] < 2) {
                continue;
            }
            if (members[r] == null) {
                members[r] = new int[groupSize[r]];
            }
            members[r][filled[r]++] = i; // i == r comes first: a representative precedes its members
        }
        var groups = new ArrayList<Group>();
        for (int r = 0; r < n; r++) {
            if (members[r] != null) {
                double[] similarities = new double[members[r].length];
                for (int k = 0; k < similarities.length; k++) {
                    similarities[k] = k == 0 ? 1.0 : Vectors.dot(vectors[r], vectors[members[r][k]]);
                }
                groups.add(new Group(members[r], similarities));
            }
        }
        groups.sort(Comparator.comparingInt(Group::size).reversed().thenComparingInt(g -> g.members()[0]));
        return List.copyOf(groups);
    }
}
