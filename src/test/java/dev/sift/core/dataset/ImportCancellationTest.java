package dev.sift.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.job.ExecutorJobRunner;
import dev.sift.core.job.JobEvent;
import dev.sift.core.job.JobHandle;
import dev.sift.core.model.Dataset;
import dev.sift.core.store.ProjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancelling an import through the job runner ends it as Cancelled with the project unchanged. */
class ImportCancellationTest {

    @TempDir
    Path dir;

    @Test
    void cancelAfterFirstProgressEndsCancelledAndLeavesTheProjectUnchanged() throws Exception {
        Path file = ImportFixture.write(dir, "large.jsonl", ImportRollbackTest.records(200_000, -1));
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        var firstProgress = new CountDownLatch(1);
        var finished = new CountDownLatch(1);

        try (ProjectStore store = ImportFixture.newProject(dir);
                var runner = new ExecutorJobRunner()) {
            JobHandle<Dataset> handle = runner.submit(new ImportJob(ImportRequest.of(file), store), event -> {
                events.add(event);
                if (event instanceof JobEvent.Progress) {
                    firstProgress.countDown();
                }
                if (event.isTerminal()) {
                    finished.countDown();
                }
            });

            assertThat(firstProgress.await(30, TimeUnit.SECONDS)).as("a progress event arrived").isTrue();
            handle.cancel();
            assertThat(finished.await(30, TimeUnit.SECONDS)).as("the job ended").isTrue();
            assertThat(catchCancellation(handle)).isInstanceOf(CancellationException.class);

            assertThat(events.get(events.size() - 1)).isInstanceOf(JobEvent.Cancelled.class);
            assertThat(events).filteredOn(JobEvent::isTerminal).hasSize(1);
            assertThat(handle.result()).isCompletedExceptionally();
            ImportFixture.assertUnchanged(store);
        }
    }

    private static Throwable catchCancellation(JobHandle<Dataset> handle) {
        try {
            handle.result().join();
            return null;
        } catch (CancellationException | CompletionException e) {
            return e instanceof CompletionException ? e.getCause() : e;
        }
    }
}
