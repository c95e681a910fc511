package dev.sift.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.model.Dataset;
import dev.sift.core.model.DatasetFormat;
import dev.sift.core.model.Sample;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.SampleQuery;
import dev.sift.core.store.StoreException;
import dev.sift.core.store.sqlite.SqliteProjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test helpers: a fresh project, files written from text, imports run on the calling thread. */
final class ImportFixture {

    private ImportFixture() {}

    static ProjectStore newProject(Path dir) throws StoreException {
        return SqliteProjectStore.create(dir.resolve("project" + SqliteProjectStore.EXTENSION));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static Dataset importFile(ProjectStore store, Path file) throws Exception {
        return new ImportJob(ImportRequest.of(file), store).run(new RecordingContext());
    }

    static Dataset importFile(ProjectStore store, Path file, DatasetFormat format) throws Exception {
        var request = new ImportRequest(file, Optional.of(format), Optional.empty(), CsvMapping.defaults());
        return new ImportJob(request, store).run(new RecordingContext());
    }

    static List<Sample> samples(ProjectStore store, Dataset dataset) throws StoreException {
        long[] ids = store.samples().ids(SampleQuery.dataset(dataset.id()));
        return store.samples().fetch(ids, 0, ids.length);
    }

    static void assertUnchanged(ProjectStore store) throws StoreException {
        assertThat(store.datasets().list()).as("datasets after a failed import").isEmpty();
        assertThat(store.samples().count(SampleQuery.all())).as("samples after a failed import").isZero();
    }
}
