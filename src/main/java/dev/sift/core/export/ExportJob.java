package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes samples to a file in a training format, through a temporary file moved into place, with a
 * JSON manifest beside it ({@code <file>.manifest.json}) and the export recorded in the project.
 *
 * <p>Samples are streamed from the store, never held all at once. Runs on the calling (worker) thread
 * and blocks until the file is written. Cancellation is checked every {@value #BATCH} records; a
 * cancelled or failed export deletes its temporary file and leaves an existing target untouched.
 * When the request asks for it, the export's entry is merged into LLaMA-Factory's
 * {@code dataset_info.json} in the target's folder.
 */
public final class ExportJob implements Job<ExportResult> {

    static final int BATCH = 256;

    private final ExportRequest request;
    private final ProjectStore store;
    private final String siftVersion;
    private final ObjectMapper json = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    public ExportJob(ExportRequest request, ProjectStore store, String siftVersion) {
        this.request = request;
        this.store = store;
        this.siftVersion = siftVersion;
    }

    @Override
    public String title() {
        return "Export " + request.target().getFileName();
    }

    /**
     * @throws ExportException when a sample cannot be represented in the format, or an existing
     *     {@code dataset_info.json} cannot be read
     * @throws dev.sift.core.job.JobCancelledException when cancelled while writing
     */
    @Override
    public ExportResult run(JobContext context) throws Exception {
        ExportFormat format = ExportFormat.of(request.format());
        Path target = request.target().toAbsolutePath();
        String fileName = target.getFileName().toString();
        SampleQuery query = request.query();
        Map<Long, Dataset> datasets = datasetsById();
        Optional<LlamaFactoryDatasetInfo> datasetInfo = request.llamaFactoryEntry()
                ? Optional.of(LlamaFactoryDatasetInfo.read(target.getParent(), json))
                : Optional.empty();

        long total = store.samples().count(query);
        context.message("Writing " + total + " records to " + fileName);
        context.progress(0, total);
        Map<Long, Long> exported = new HashMap<>();
        String sha256 = AtomicFiles.write(target, out -> writeRecords(out, format, datasets, total, exported, context));
        long records = exported.values().stream().mapToLong(Long::longValue).sum();

        ObjectNode manifest = ExportManifest.build(json, siftVersion, request.format().id(), fileName, records, sha256,
                sources(datasets), exported, query);
        String manifestJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        Path manifestFile = target.resolveSibling(fileName + ExportManifest.SUFFIX);
        AtomicFiles.write(manifestFile, out -> out.write(manifestJson.getBytes(StandardCharsets.UTF_8)));

        Optional<Path> datasetInfoFile = Optional.empty();
        if (datasetInfo.isPresent()) {
            datasetInfo.get().put(fileName, format);
            datasetInfoFile = Optional.of(datasetInfo.get().write());
        }
        store.exports().record(target.toString(), request.format().id(), records, manifestJson);
        context.progress(records, total);
        context.message("Wrote " + records + " records to " + fileName);
        return new ExportResult(target, manifestFile, records, datasetInfoFile);
    }

    private void writeRecords(OutputStream out, ExportFormat format, Map<Long, Dataset> datasets, long total,
            Map<Long, Long> exported, JobContext context) throws Exception {
        RecordWriter writer = format.writer(new SampleLabels(datasets));
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            if (format.jsonLines()) {
                generator.setRootValueSeparator(null);
            } else {
                generator.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
                generator.writeStartArray();
            }
            long[] written = {0};
            store.samples().<Exception>forEach(request.query(), sample -> {
                writer.write(generator, sample);
                if (format.jsonLines()) {
                    generator.writeRaw('\n');
                }
                exported.merge(sample.datasetId(), 1L, Long::sum);
                if (++written[0] % BATCH == 0) {
                    context.checkCancelled();
                    context.progress(written[0], total);
                }
            });
            context.checkCancelled();
            if (!format.jsonLines()) {
                generator.writeEndArray();
                generator.writeRaw('\n');
            }
        }
    }

    private Map<Long, Dataset> datasetsById() throws Exception {
        Map<Long, Dataset> byId = new LinkedHashMap<>();
        for (Dataset dataset : store.datasets().list()) {
            byId.put(dataset.id(), dataset);
        }
        return byId;
    }

    /** The datasets the query reads: those it names, or every dataset when it names none. */
    private List<Dataset> sources(Map<Long, Dataset> datasets) {
        if (request.query().datasetIds().isEmpty()) {
            return List.copyOf(datasets.values());
        }
        var sources = new ArrayList<Dataset>();
        for (long id : request.query().datasetIds()) {
            Dataset dataset = datasets.get(id);
            if (dataset != null) {
                sources.add(dataset);
            }
        }
        return sources;
    }
}
