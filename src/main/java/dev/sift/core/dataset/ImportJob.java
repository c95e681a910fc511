package dev.sift.core.dataset;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.NewDataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleSink;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports one file into a project, all-or-nothing, streaming (the file is never held in memory
 * whole). Reports progress in bytes read; exact duplicates are skipped and counted.
 *
 * <p>{@link #run} blocks until the import is committed or rolled back; the records are parsed and
 * written on the store's writer thread. It fails with {@link ImportException} for any problem in the
 * file (the project is then unchanged), {@link StoreException} when the project cannot be written,
 * and {@link dev.sift.core.job.JobCancelledException} when cancelled (also rolled back). The dataset
 * name is made unique ("name (2)") when it is taken.
 */
public final class ImportJob implements Job<Dataset> {

    /** How often, in records, the job reports progress and checks for cancellation. */
    static final int CHECK_EVERY = 256;
    /** How often, in records, the job updates its status message. */
    static final int MESSAGE_EVERY = 10_000;

    private final ImportRequest request;
    private final ProjectStore store;

    public ImportJob(ImportRequest request, ProjectStore store) {
        this.request = request;
        this.store = store;
    }

    @Override
    public String title() {
        return "Import " + request.file().getFileName();
    }

    @Override
    public Dataset run(JobContext context) throws Exception {
        Path file = request.file();
        context.checkCancelled();
        DatasetFormat format = request.format().isPresent() ? request.format().get() : FormatDetector.detect(file);
        String name = uniqueName(request.datasetName().orElseGet(() -> baseName(file)));
        var dataset = new NewDataset(name, file.toAbsolutePath().normalize().toString(), format);
        context.message("Reading " + file.getFileName() + " as " + format.label());
        try (RecordReader reader = RecordReader.open(file, format, request.csvMapping())) {
            return store.datasets().<Exception>importDataset(dataset, sink -> emit(reader, sink, context, file));
        }
    }

    private static void emit(RecordReader reader, SampleSink sink, JobContext context, Path file) throws Exception {
        long size = reader.size();
        int count = 0;
        SampleContent content;
        while ((content = reader.next()) != null) {
            sink.add(reader.recordIndex(), content);
            count++;
            if (count % CHECK_EVERY == 0) {
                context.checkCancelled();
                context.progress(reader.bytesRead(), size);
            }
            if (count % MESSAGE_EVERY == 0) {
                context.message(records(count));
            }
        }
        if (count == 0) {
            throw new ImportException(file, "", "", "holds no records");
        }
        context.checkCancelled();
        context.progress(size, size);
        context.message(records(count));
    }

    private static String records(int count) {
        return String.format(Locale.ROOT, "%,d records", count);
    }

    /** The file name without its last extension ("alpaca.json" → "alpaca"). */
    static String baseName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private String uniqueName(String wanted) throws StoreException {
        String base = wanted.isBlank() ? "dataset" : wanted.strip();
        String name = base;
        for (int n = 2; store.datasets().findByName(name).isPresent(); n++) {
            name = base + " (" + n + ")";
        }
        return name;
    }
}
