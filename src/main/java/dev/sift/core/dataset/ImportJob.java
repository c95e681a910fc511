package dev.sift.core.dataset;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;

/**
 * Imports one file into a project, all-or-nothing, streaming (the file is never held in memory
 * whole). Reports progress in bytes read; exact duplicates are skipped and counted.
 */
public final class ImportJob implements Job<Dataset> {

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
        throw new UnsupportedOperationException("not implemented yet");
    }
}
