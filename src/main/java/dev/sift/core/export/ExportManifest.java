package dev.sift.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.SampleQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * The manifest written beside an export ({@code <file>.manifest.json}): what was written, when, by
 * which Sift, from which datasets and with which filters, and the file's SHA-256 so that a copy can
 * be checked.
 */
final class ExportManifest {

    static final String SUFFIX = ".manifest.json";

    private ExportManifest() {}

    /**
     * @param formatId the format's {@link dev.sift.core.model.DatasetFormat#id()}
     * @param datasets the source datasets
     * @param exported records written per dataset id
     */
    static ObjectNode build(
            ObjectMapper json,
            String siftVersion,
            String formatId,
            String fileName,
            long records,
            String sha256,
            Collection<Dataset> datasets,
            Map<Long, Long> exported,
            SampleQuery query) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("sift_version", siftVersion);
        manifest.put("format", formatId);
        manifest.put("written_at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        manifest.put("file", fileName);
        manifest.put("records", records);
        manifest.put("sha256", sha256);
        ArrayNode sources = manifest.putArray("datasets");
        for (Dataset dataset : datasets) {
            ObjectNode source = sources.addObject();
            source.put("id", dataset.id());
            source.put("name", dataset.name());
            source.put("source_file", dataset.sourceFile());
            source.put("format", dataset.format().id());
            source.put("records", dataset.records());
            source.put("samples", dataset.samples());
            source.put("exported", exported.getOrDefault(dataset.id(), 0L));
        }
        ObjectNode filters = manifest.putObject("filters");
        ArrayNode ids = filters.putArray("dataset_ids");
        query.datasetIds().forEach(ids::add);
        filters.put("text", query.text());
        filters.put("chosen_only", query.chosenOnly());
        if (!query.sampleIds().isEmpty()) {
            filters.put("sample_ids", query.sampleIds().size());
        }
        return manifest;
    }

    /**
     * Adds what a curated export tells of the review: {@code curation} with the counts of kept, rejected and undecided
     * samples and of preference pairs, {@code runs} whose decisions or candidates are in the export, and the
     * {@code scorers} of the scores the kept samples' candidates have.
     *
     * @param pairsFile the name of the preference pairs file written with it, or empty
     */
    static void addCuration(ObjectNode manifest, CuratedExport.Curation curation, String pairsFile) {
        manifest.put("mode", "accepted");
        ObjectNode counts = manifest.putObject("curation");
        counts.put("kept", curation.kept);
        counts.put("rejected", curation.rejected);
        counts.put("undecided", curation.undecided);
        counts.put("pairs", curation.pairs);
        counts.put("without_pairs", curation.withoutPairs);
        if (!pairsFile.isEmpty()) {
            counts.put("pairs_file", pairsFile);
        }
        ArrayNode runs = manifest.putArray("runs");
        curation.runs.forEach((id, recipe) -> runs.addObject().put("id", id).put("recipe", recipe));
        ArrayNode scorers = manifest.putArray("scorers");
        curation.scorers.forEach(scorers::add);
    }
}
