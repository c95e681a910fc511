package dev.sift.core.llm.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Pauses the calling thread. The engine never sleeps through {@link Thread#sleep} directly, so tests
 * can inject a sleeper that records the waits and advances a fake clock instead of waiting.
 *
 * <p>Blocking: {@link #sleep} blocks the caller for at most {@code duration}. Cancellation: it must
 * honour interruption by throwing {@link InterruptedException} promptly.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread with {@link TimeUnit#sleep}. */
    Sleeper SYSTEM = duration -> {
        if (duration.isNegative() || duration.isZero()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    };

    /** Blocks for {@code duration}; zero or negative returns at once. */
    void sleep(Duration duration) throws InterruptedException;
}
