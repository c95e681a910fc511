package dev.sift.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    private static final class Context implements JobContext {
        volatile boolean cancelled;

        @Override public void progress(long done, long total) {}
        @Override public void message(String text) {}
        @Override public void publish(JobEvent.ItemEvent event) {}
        @Override public String jobId() { return "test"; }
        @Override public boolean isCancelled() { return cancelled; }
    }

    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    @Test
    void everyItemRunsOnceWithAtMostTheGivenParallelism() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        var inFlight = new AtomicInteger();
        var peak = new AtomicInteger();
        Parallel.forEach(ITEMS, 8, new Context(), item -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(1);
            inFlight.decrementAndGet();
            assertThat(seen.add(item)).isTrue();
        });
        assertThat(seen).hasSize(200);
        assertThat(peak.get()).isBetween(2, 8);
    }

    @Test
    void aThrowingTaskStopsTheRestAndIsRethrown() {
        var ran = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.forEach(ITEMS, 4, new Context(), item -> {
            ran.incrementAndGet();
            if (item == 10) {
                throw new IllegalStateException("item 10 broke");
            }
            Thread.sleep(2);
        })).isInstanceOf(IllegalStateException.class).hasMessage("item 10 broke");
        assertThat(ran.get()).isLessThan(200);
    }

    @Test
    void cancellingTheJobInterruptsTheWorkersAndEndsCancelled() throws Exception {
        var context = new Context();
        var started = new CountDownLatch(4);
        var ran = new AtomicInteger();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var caller = new Thread(() -> {
            try {
                Parallel.forEach(ITEMS, 4, context, item -> {
                    ran.incrementAndGet();
                    started.countDown();
                    Thread.sleep(60_000);
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        caller.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        context.cancelled = true;
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(JobCancelledException.class);
        assertThat(ran.get()).isEqualTo(4);
    }
}
