package dev.sift.core.pipeline;

import dev.sift.core.export.ExportRequest;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.scoring.BriefExperienceSampler;
import dev.sift.core.scoring.KMeans;
import dev.sift.core.scoring.PromptTemplate;
import dev.sift.core.store.SampleQuery;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a brief-experience export (ALGORITHMS.md §3.1 Phase 1) samples and where it writes the subset.
 *
 * @param datasetId the dataset to sample
 * @param format the export format of the subset (alpaca-json, alpaca-jsonl, sharegpt or messages-jsonl)
 * @param target the file to write, replaced atomically, with a manifest beside it
 * @param clusters k of the k-means over the instruction embeddings (100); capped at the number of samples
 * @param perCluster samples taken from each cluster (10)
 * @param lowPercentile lower edge of each cluster's perplexity band (25)
 * @param highPercentile upper edge of each cluster's perplexity band (75)
 * @param seed seed of the k-means++ draws (0)
 * @param template the prompt template whose perplexity is measured (alpaca)
 */
public record BriefExperienceSpec(long datasetId, DatasetFormat format, Path target, int clusters, int perCluster,
        double lowPercentile, double highPercentile, long seed, PromptTemplate template) {

    /** The recipe id of the run a brief-experience export records. */
    public static final String RECIPE = "brief-experience";

    /** Lloyd iterations at most, as {@link BriefExperienceSampler#defaults()}. */
    static final int MAX_ITERATIONS = 300;

    public BriefExperienceSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(template, "template");
        sampler(clusters, perCluster, lowPercentile, highPercentile, seed); // validates
        new ExportRequest(SampleQuery.dataset(datasetId), format, target, false); // validates format and target
    }

    /** The paper's settings: k = 100, 10 per cluster, band 25–75, seed 0, alpaca template. */
    public static BriefExperienceSpec defaults(long datasetId, DatasetFormat format, Path target) {
        return new BriefExperienceSpec(datasetId, format, target, 100, 10, 25, 75, 0, PromptTemplate.ALPACA);
    }

    /** The settings as the run's configuration (JSON object). */
    public String toConfigJson() {
        var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        root.put("format", format.id()).put("target", target.toString()).put("clusters", clusters)
                .put("perCluster", perCluster).put("lowPercentile", lowPercentile)
                .put("highPercentile", highPercentile).put("template", template.name());
        return root.toString();
    }

    /** The sampler these settings describe. */
    public BriefExperienceSampler sampler() {
        return sampler(clusters, perCluster, lowPercentile, highPercentile, seed);
    }

    private static BriefExperienceSampler sampler(int clusters, int perCluster, double low, double high, long seed) {
        return new BriefExperienceSampler(new KMeans(clusters, seed, MAX_ITERATIONS), perCluster, low, high);
    }
}
