package dev.sift.core.job;

import java.time.Instant;

/**
 * What happens to a job, in order: {@link Started}; any number of {@link Progress}, {@link Message},
 * {@link ItemDone} and {@link ItemFailed}; then exactly one terminal event, {@link Succeeded},
 * {@link Failed} or {@link Cancelled}.
 */
public sealed interface JobEvent {

    String jobId();

    Instant at();

    /** True for the event that ends a job. */
    default boolean isTerminal() {
        return this instanceof Succeeded || this instanceof Failed || this instanceof Cancelled;
    }

    /** Events about a single item of work. */
    sealed interface ItemEvent extends JobEvent {}

    record Started(String jobId, Instant at, String title) implements JobEvent {}

    record Progress(String jobId, Instant at, long done, long total) implements JobEvent {
        /** Fraction done in [0,1], or -1 when the total is unknown. */
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    record Message(String jobId, Instant at, String text) implements JobEvent {}

    record ItemDone(String jobId, Instant at, String item, String detail) implements ItemEvent {}

    record ItemFailed(String jobId, Instant at, String item, String reason) implements ItemEvent {}

    record Succeeded(String jobId, Instant at, Object result) implements JobEvent {}

    /** {@code reason} is safe to show to a user; it never holds a secret or a stack trace. */
    record Failed(String jobId, Instant at, String reason, Throwable error) implements JobEvent {}

    record Cancelled(String jobId, Instant at) implements JobEvent {}
}
