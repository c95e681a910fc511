package dev.sift.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.Sample;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import java.io.ByteArrayOutputStream;
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
 * <p>Either every sample the query matches, as imported, or (an {@linkplain ExportRequest#accepted() accepted}
 * export) the curated dataset: the samples whose current decision keeps them, with the content it keeps, and
 * optionally DPO preference pairs in a second file with its own manifest ({@link CuratedExport}).
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
     * The first {@code limit} records exactly as the export would write them (a JSON array of them, or their lines),
     * without writing anything. Blocks; call off the UI thread.
     *
     * @throws ExportException when one of them cannot be represented in the format
     */
    public String preview(int limit, JobContext context) throws Exception {
        ExportFormat format = ExportFormat.of(request.format());
        Map<Long, Dataset> datasets = datasetsById();
        var buffer = new ByteArrayOutputStream();
        try (var records = new RecordFileWriter(buffer, json, format, new SampleLabels(datasets))) {
            if (request.accepted()) {
                new CuratedExport(store).walk(request.query(), datasets, false, limit, context,
                        (sample, pairs) -> records.write(sample));
            } else {
                long[] ids = store.samples().ids(request.query());
                for (Sample sample : store.samples().fetch(ids, 0, Math.min(limit, ids.length))) {
                    records.write(sample);
                }
            }
            records.finish();
        }
        return buffer.toString(StandardCharsets.UTF_8);
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

        long total = store.samples().count(request.accepted() ? query.chosen() : query);
        context.message("Writing " + total + " records to " + fileName);
        context.progress(0, total);
        Map<Long, Long> exported = new HashMap<>();
        Optional<Path> pairsTarget = request.preferencePairs().map(Path::toAbsolutePath);
        var curated = new CuratedExport.Curation[1];
        String[] pairsSha = {""};
        String sha256 = AtomicFiles.write(target, out -> {
            if (pairsTarget.isEmpty()) {
                curated[0] = writeRecords(out, null, format, datasets, total, exported, context);
            } else {
                pairsSha[0] = AtomicFiles.write(pairsTarget.get(), pairsOut -> curated[0] = writeRecords(out,
                        pairsOut, format, datasets, total, exported, context));
            }
        });
        long records = exported.values().stream().mapToLong(Long::longValue).sum();

        ObjectNode manifest = ExportManifest.build(json, siftVersion, request.format().id(), fileName, records, sha256,
                sources(datasets), exported, query);
        if (curated[0] != null) {
            ExportManifest.addCuration(manifest, curated[0],
                    pairsTarget.map(p -> p.getFileName().toString()).orElse(""));
        }
        String manifestJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        Path manifestFile = writeManifest(target, manifestJson);
        if (pairsTarget.isPresent()) {
            writePairsManifest(pairsTarget.get(), pairsSha[0], curated[0], datasets, exported, fileName);
        }

        Optional<Path> datasetInfoFile = Optional.empty();
        if (datasetInfo.isPresent()) {
            datasetInfo.get().put(fileName, format);
            datasetInfoFile = Optional.of(datasetInfo.get().write());
        }
        store.exports().record(target.toString(), request.format().id(), records, manifestJson);
        context.progress(total, total);
        context.message("Wrote " + records + " records to " + fileName
                + (pairsTarget.isPresent() ? " and " + curated[0].pairs + " preference pairs" : ""));
        return new ExportResult(target, manifestFile, records, datasetInfoFile,
                Optional.ofNullable(curated[0]).map(CuratedExport.Curation::counts), pairsTarget);
    }

    /** Writes the records (and the pairs, when {@code pairsOut} is given); returns the curation of a curated export. */
    private CuratedExport.Curation writeRecords(OutputStream out, OutputStream pairsOut, ExportFormat format,
            Map<Long, Dataset> datasets, long total, Map<Long, Long> exported, JobContext context) throws Exception {
        long[] written = {0};
        CuratedExport.Curation curation = null;
        try (var records = new RecordFileWriter(out, json, format, new SampleLabels(datasets));
                var pairs = pairsOut == null ? null : new PreferencePairWriter(pairsOut, json)) {
            CuratedExport.Visitor write = (sample, samplePairs) -> {
                records.write(sample);
                for (PreferencePair pair : samplePairs) {
                    pairs.write(pair);
                }
                exported.merge(sample.datasetId(), 1L, Long::sum);
                if (++written[0] % BATCH == 0) {
                    context.checkCancelled();
                    context.progress(written[0], total);
                }
            };
            if (request.accepted()) {
                curation = new CuratedExport(store).walk(request.query(), datasets, pairs != null, Long.MAX_VALUE,
                        context, write);
            } else {
                store.samples().<Exception>forEach(request.query(), sample -> write.visit(sample, List.of()));
            }
            context.checkCancelled();
            records.finish();
            if (pairs != null) {
                pairs.finish();
            }
        }
        return curation;
    }

    private Path writeManifest(Path target, String manifestJson) throws Exception {
        Path manifestFile = target.resolveSibling(target.getFileName() + ExportManifest.SUFFIX);
        AtomicFiles.write(manifestFile, out -> out.write(manifestJson.getBytes(StandardCharsets.UTF_8)));
        return manifestFile;
    }

    private void writePairsManifest(Path pairsFile, String sha256, CuratedExport.Curation curation,
            Map<Long, Dataset> datasets, Map<Long, Long> exported, String recordsFile) throws Exception {
        ObjectNode manifest = ExportManifest.build(json, siftVersion, PreferencePairWriter.FORMAT,
                pairsFile.getFileName().toString(), curation.pairs, sha256, sources(datasets), exported,
                request.query());
        ExportManifest.addCuration(manifest, curation, pairsFile.getFileName().toString());
        manifest.put("records_file", recordsFile);
        String manifestJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        writeManifest(pairsFile, manifestJson);
        store.exports().record(pairsFile.toString(), PreferencePairWriter.FORMAT, curation.pairs, manifestJson);
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
