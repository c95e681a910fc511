package dev.sift.core.dataset;

import static dev.sift.core.dataset.ImportFixture.importFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure or a cancel anywhere in a file undoes the whole import. */
class ImportRollbackTest {

    @TempDir
    Path dir;

    static String records(int count, int badLine) {
        var text = new StringBuilder();
        for (int line = 1; line <= count; line++) {
            if (line == badLine) {
                text.append("{\"instruction\": 5000, \"output\": \"wrong column\"}\n");
            } else {
                text.append("{\"instruction\": \"Write record ").append(line).append(".\", \"output\": \"Record ")
                        .append(line).append(".\"}\n");
            }
        }
        return text.toString();
    }

    @Test
    void aBadRecordNearTheEndRollsBackEverythingAndALaterImportWorks() throws Exception {
        try (ProjectStore store = ImportFixture.newProject(dir)) {
            Path bad = ImportFixture.write(dir, "big.jsonl", records(6_000, 5_000));

            ImportException e = catchThrowableOfType(ImportException.class, () -> importFile(store, bad));

            assertThat(e).hasMessage("big.jsonl, line 5000: field 'instruction' must be a string, found a number");
            ImportFixture.assertUnchanged(store);

            Path good = ImportFixture.write(dir, "big.jsonl", records(6_000, -1));
            Dataset dataset = importFile(store, good);

            assertThat(dataset.name()).isEqualTo("big");
            assertThat(dataset.records()).isEqualTo(6_000);
            assertThat(store.samples().count(SampleQuery.all())).isEqualTo(6_000);
        }
    }

    @Test
    void aCancelMidwayRollsBack() throws Exception {
        try (ProjectStore store = ImportFixture.newProject(dir)) {
            Path file = ImportFixture.write(dir, "many.jsonl", records(3_000, -1));
            var context = new RecordingContext() {
                @Override
                public void progress(long done, long total) {
                    super.progress(done, total);
                    cancelled = true;
                }
            };

            var e = catchThrowableOfType(JobCancelledException.class,
                    () -> new ImportJob(ImportRequest.of(file), store).run(context));

            assertThat(e).isNotNull();
            assertThat(context.progress).hasSize(1);
            ImportFixture.assertUnchanged(store);
        }
    }
}
