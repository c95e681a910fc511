package dev.sift.core.seeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.core.dataset.ImportException;
import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.store.NewSeedChunk;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SeedChunkSink;
import dev.sift.core.store.SeedCollection;
import dev.sift.core.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports seed files and folders as one named collection, all-or-nothing: the files are read, cut into chunks and
 * stored in one transaction, so a bad JSONL line or a cancellation leaves the project as it was. Exact duplicate
 * chunks are kept once and counted. Reports progress in files read.
 *
 * <p>Fails with {@link ImportException} for a missing path, a bad JSONL line or when nothing could be read,
 * {@link StoreException} when the name is taken or the project cannot be written, and
 * {@link dev.sift.core.job.JobCancelledException} when cancelled.
 */
public final class SeedImportJob implements Job<SeedImportResult> {

    private final SeedImportRequest request;
    private final ProjectStore store;
    private final TokenCounter counter;
    private final String counterName;

    /** Cuts with the {@link ApproximateTokenCounter}. */
    public SeedImportJob(SeedImportRequest request, ProjectStore store) {
        this(request, store, new ApproximateTokenCounter(), ApproximateTokenCounter.NAME);
    }

    /** @param counterName the counter's name, kept in the collection's settings */
    public SeedImportJob(SeedImportRequest request, ProjectStore store, TokenCounter counter, String counterName) {
        this.request = request;
        this.store = store;
        this.counter = counter;
        this.counterName = counterName;
    }

    @Override
    public String title() {
        return "Import seeds " + request.name();
    }

    @Override
    public SeedImportResult run(JobContext context) throws Exception {
        context.checkCancelled();
        if (store.seeds().findCollection(request.name()).isPresent()) {
            throw new StoreException("A seed collection named '" + request.name() + "' already exists in this project;"
                    + " choose another name or delete it first");
        }
        SeedFiles found = SeedFiles.of(request.paths());
        List<SeedFiles.SeedFile> files = found.files();
        var warnings = new ArrayList<>(found.warnings());
        var reader = new SeedDocumentReader(request.settings().field());
        var chunker = new SeedChunker(counter, request.settings());
        SeedCollection collection = store.seeds().<Exception>importCollection(request.name(), settingsJson(), sink -> {
            int[] chunks = {0};
            for (int i = 0; i < files.size(); i++) {
                context.checkCancelled();
                SeedFiles.SeedFile file = files.get(i);
                context.message("Reading " + file.source());
                String skipped = reader.read(file.path(), file.source(), file.type(), document -> {
                    context.checkCancelled();
                    chunks[0] += addAll(sink, chunker.chunk(document));
                });
                if (!skipped.isEmpty()) {
                    warnings.add(skipped);
                }
                context.progress(i + 1, files.size());
            }
            if (chunks[0] == 0) {
                throw new ImportException(request.paths().get(0), "", "", "holds no seed text to import"
                        + (warnings.isEmpty() ? "" : " (" + warnings.size() + " files skipped)"));
            }
        });
        context.message(String.format(Locale.ROOT, "%,d chunks from %,d documents, %,d duplicates skipped",
                collection.chunks(), collection.documents(), collection.duplicates()));
        return new SeedImportResult(collection, warnings);
    }

    private static int addAll(SeedChunkSink sink, List<NewSeedChunk> chunks) throws StoreException {
        for (NewSeedChunk chunk : chunks) {
            sink.add(chunk);
        }
        return chunks.size();
    }

    private String settingsJson() {
        ObjectNode settings = new ObjectMapper().createObjectNode();
        settings.put("chunkTokens", request.settings().chunkTokens());
        settings.put("overlap", request.settings().overlap());
        settings.put("field", request.settings().field());
        settings.put("tokenizer", counterName);
        var sources = settings.putArray("sources");
        for (Path path : request.paths()) {
            sources.add(path.toString().replace('\\', '/'));
        }
        return settings.toString();
    }
}
