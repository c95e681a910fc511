package dev.sift.core.pipeline;

import java.util.List;

/**
 * What a comparison found and added.
 *
 * @param runId the run it recorded
 * @param baseSamples samples of the base dataset
 * @param baseDuplicates base samples whose instruction and input repeat an earlier base sample's; each of them gets
 *     the matching candidates too
 * @param others one entry per dataset compared with, in the order given
 */
public record CompareDatasetsSummary(long runId, long baseSamples, long baseDuplicates, List<Other> others) {

    public CompareDatasetsSummary {
        others = List.copyOf(others);
    }

    /**
     * What one other dataset gave.
     *
     * @param records its records read
     * @param matched records whose instruction and input match at least one base sample
     * @param unmatched records that match none
     * @param noResponse matched multi-turn records without an assistant turn, skipped
     * @param added candidates added (a record matching several base duplicates adds one to each)
     * @param alreadyPresent candidates skipped because the base sample already had one from this dataset with the
     *     same response (a re-run, or a repeated record)
     */
    public record Other(
            String dataset, long records, long matched, long unmatched, long noResponse, long added,
            long alreadyPresent) {}

    /** Candidates added over all other datasets. */
    public long added() {
        return others.stream().mapToLong(Other::added).sum();
    }
}
