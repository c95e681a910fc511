package dev.sift.core.store;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a run stands. Every status but {@link #SUCCEEDED} may be resumed; a run found
 * {@link #RUNNING} with no job behind it was interrupted by a crash.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** Ended early and cleanly because a budget cap or an endpoint's circuit breaker refused calls. */
    STOPPED;

    /** The lower-case form kept in the project file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RunStatus> fromId(String id) {
        for (RunStatus s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** True once the run has ended, one way or another. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == STOPPED;
    }
}
