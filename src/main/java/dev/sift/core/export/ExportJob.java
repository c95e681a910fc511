package dev.sift.core.export;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.store.ProjectStore;

/**
 * Writes samples to a file in a training format, through a temporary file moved into place, with a
 * JSON manifest beside it ({@code <file>.manifest.json}) and the export recorded in the project.
 */
public final class ExportJob implements Job<ExportResult> {

    private final ExportRequest request;
    private final ProjectStore store;
    private final String siftVersion;

    public ExportJob(ExportRequest request, ProjectStore store, String siftVersion) {
        this.request = request;
        this.store = store;
        this.siftVersion = siftVersion;
    }

    @Override
    public String title() {
        return "Export " + request.target().getFileName();
    }

    @Override
    public ExportResult run(JobContext context) throws Exception {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
