package dev.sift.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.core.job.Job;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobHandle;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.UiJobRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunQueueTest {

    /** Starts nothing by itself: the test ends each started job. */
    private static final class HeldRunner implements UiJobRunner {
        final List<String> started = new ArrayList<>();
        final List<JobCallbacks<?>> callbacks = new ArrayList<>();

        @Override
        public <R> JobHandle<R> run(Job<R> job, JobCallbacks<R> c) {
            started.add(job.title());
            callbacks.add(c);
            return null;
        }

        @Override
        public <R> JobHandle<R> query(Job<R> job, JobCallbacks<R> c) {
            throw new AssertionError("no queries");
        }

        void fail(int index, String reason) {
            callbacks.get(index).failure().accept(reason);
            callbacks.get(index).finished().run();
        }

        void cancel(int index) {
            callbacks.get(index).cancelled().run();
            callbacks.get(index).finished().run();
        }
    }

    private static Job<String> job(String title) {
        return new Job<>() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public String run(JobContext context) {
                return title;
            }
        };
    }

    @Test
    void aRunSubmittedWhileAnotherRunsWaitsAndStartsWhenItEndsHoweverItEnds() {
        var runner = new HeldRunner();
        var queue = new RunQueue(runner);
        List<String> outcomes = new ArrayList<>();

        queue.submit(1, job("one"), o -> outcomes.add("1 " + o));
        queue.submit(2, job("two"), o -> outcomes.add("2 " + o));
        queue.submit(3, job("three"), o -> outcomes.add("3 " + o));
        assertThat(runner.started).containsExactly("one");
        assertThat(queue.runningProperty().get()).isEqualTo(1);
        assertThat(queue.queued()).containsExactly(2L, 3L);

        runner.fail(0, "endpoint down");
        assertThat(runner.started).containsExactly("one", "two");
        assertThat(queue.queued()).containsExactly(3L);

        runner.cancel(1);
        assertThat(runner.started).containsExactly("one", "two", "three");
        assertThat(queue.queued()).isEmpty();
        assertThat(outcomes).containsExactly("1 endpoint down", "2 cancelled");

        runner.cancel(2);
        assertThat(queue.runningProperty().get()).isZero();
    }
}
