package dev.sift.core.llm.engine;

import dev.sift.core.llm.LlmException;

/** How the decorators turn an interrupt into the {@code LlmClient} contract's failure. */
final class Interruptions {

    private Interruptions() {}

    /**
     * Restores the interrupt flag and returns the TRANSIENT failure the {@code LlmClient} contract
     * prescribes for an interrupted call.
     */
    static LlmException interrupted(String what, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new LlmException(LlmException.Kind.TRANSIENT, what + " was interrupted", 0, null, cause);
    }

    /** Whether a failure came from interrupting this thread, rather than from the server. */
    static boolean isInterruption(LlmException failure) {
        return Thread.currentThread().isInterrupted() || failure.getCause() instanceof InterruptedException;
    }
}
