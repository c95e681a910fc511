package dev.sift.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorJobRunnerTest {

    private final ExecutorJobRunner runner = new ExecutorJobRunner();
    private final List<JobEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        runner.close();
    }

    private final CountDownLatch ended = new CountDownLatch(1);

    private void record(JobEvent event) {
        events.add(event);
        if (event.isTerminal()) {
            ended.countDown();
        }
    }

    /** The terminal events, once the job has delivered one (the future completes just before it). */
    private List<JobEvent> terminalEvents() throws InterruptedException {
        assertThat(ended.await(5, TimeUnit.SECONDS)).as("a terminal event arrived").isTrue();
        return events.stream().filter(JobEvent::isTerminal).toList();
    }

    @Test
    void successEndsWithExactlyOneSucceededEventCarryingTheResult() throws Exception {
        JobHandle<String> handle = runner.submit(job(ctx -> {
            ctx.message("working");
            ctx.publish(new JobEvent.ItemDone(ctx.jobId(), java.time.Instant.now(), "a", "ok"));
            return "done";
        }), this::record);

        assertThat(handle.result().get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(terminalEvents()).hasSize(1);
        assertThat(events.get(0)).isInstanceOf(JobEvent.Started.class);
        assertThat(events).hasAtLeastOneElementOfType(JobEvent.Message.class).hasAtLeastOneElementOfType(JobEvent.ItemDone.class);
        assertThat(terminalEvents()).singleElement().isInstanceOfSatisfying(JobEvent.Succeeded.class,
                s -> assertThat(s.result()).isEqualTo("done"));
        assertThat(events.get(events.size() - 1)).isInstanceOf(JobEvent.Succeeded.class);
        assertThat(events).allSatisfy(e -> assertThat(e.jobId()).isEqualTo(handle.id()));
    }

    @Test
    void failureCarriesTheMessageAndCompletesTheFutureExceptionally() throws Exception {
        JobHandle<String> handle = runner.submit(job(ctx -> {
            throw new IllegalStateException("file.json, line 3: broken");
        }), this::record);

        assertThatThrownBy(() -> handle.result().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasRootCauseMessage("file.json, line 3: broken");
        assertThat(terminalEvents()).singleElement().isInstanceOfSatisfying(JobEvent.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("file.json, line 3: broken"));
    }

    @Test
    void cancelStopsABlockedJobAndReportsCancelledOnce() throws Exception {
        var started = new CountDownLatch(1);
        JobHandle<String> handle = runner.submit(job(ctx -> {
            started.countDown();
            Thread.sleep(60_000); // interrupted by cancel
            return "never";
        }), this::record);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        handle.cancel();
        handle.cancel();

        assertThatThrownBy(() -> handle.result().get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(terminalEvents()).singleElement().isInstanceOf(JobEvent.Cancelled.class);
    }

    @Test
    void cancelIsSeenByAJobThatPollsBetweenItems() throws Exception {
        var started = new CountDownLatch(1);
        var itemsDone = new java.util.concurrent.atomic.AtomicInteger();
        JobHandle<Integer> handle = runner.submit(job(ctx -> {
            while (true) {
                ctx.checkCancelled();
                if (itemsDone.incrementAndGet() == 100) {
                    started.countDown();
                }
                Thread.onSpinWait();
            }
        }), this::record);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThatThrownBy(() -> handle.result().get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(itemsDone.get()).isPositive();
        assertThat(terminalEvents()).singleElement().isInstanceOf(JobEvent.Cancelled.class);
    }

    @Test
    void progressIsRateLimitedButTheLastValueIsDelivered() throws Exception {
        JobHandle<String> handle = runner.submit(job(ctx -> {
            for (int i = 1; i <= 100_000; i++) {
                ctx.progress(i, 100_000);
            }
            return "ok";
        }), this::record);
        handle.result().get(5, TimeUnit.SECONDS);
        assertThat(terminalEvents()).hasSize(1);

        List<JobEvent.Progress> progress = events.stream()
                .filter(JobEvent.Progress.class::isInstance).map(JobEvent.Progress.class::cast).toList();
        assertThat(progress).hasSizeLessThan(1_000);
        assertThat(progress.get(progress.size() - 1).done()).isEqualTo(100_000);
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void everyEventIsDeliveredBeforeTheResultCompletes() throws Exception {
        for (boolean fail : new boolean[] {false, true}) {
            List<JobEvent> seen = new CopyOnWriteArrayList<>();
            JobHandle<String> handle = runner.submit(job(ctx -> {
                ctx.message("working");
                if (fail) {
                    throw new IllegalStateException("boom");
                }
                return "ok";
            }), seen::add);
            try {
                handle.result().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException expected) {
                assertThat(fail).isTrue();
            }
            assertThat(seen).as("fail=%s", fail).last().matches(JobEvent::isTerminal);
            assertThat(seen.get(seen.size() - 1)).isInstanceOf(fail ? JobEvent.Failed.class : JobEvent.Succeeded.class);
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheJob() throws Exception {
        JobHandle<String> handle = runner.submit(job(ctx -> "fine"), event -> {
            throw new IllegalStateException("listener bug");
        });
        assertThat(handle.result().get(5, TimeUnit.SECONDS)).isEqualTo("fine");
    }

    @Test
    void aLateCancelDoesNotInterruptTheNextJobOnTheSameThread() throws Exception {
        JobHandle<String> first = runner.submit(job(ctx -> "first"), JobListener.NONE);
        first.result().get(5, TimeUnit.SECONDS);
        first.cancel();
        JobHandle<Boolean> second = runner.submit(job(ctx -> {
            Thread.sleep(50);
            return true;
        }), JobListener.NONE);
        assertThat(second.result().get(5, TimeUnit.SECONDS)).isTrue();
    }

    interface Body<R> {
        R run(JobContext ctx) throws Exception;
    }

    private static <R> Job<R> job(Body<R> body) {
        return new Job<>() {
            @Override
            public String title() {
                return "test job";
            }

            @Override
            public R run(JobContext context) throws Exception {
                return body.run(context);
            }
        };
    }
}
