package dev.sift.core.pipeline;

import dev.sift.core.job.JobCancelledException;
import dev.sift.core.job.JobContext;
import dev.sift.core.job.JobEvent;
import dev.sift.core.llm.LlmException;
import dev.sift.core.llm.cache.Redaction;
import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.StoreException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failed calls of one pass of a resumable run over its items. A failed call leaves its item open: it is counted,
 * shown on the job and logged as an {@code item_failed} event, and the run stops so a resume retries it. A call
 * refused by a budget cap or breaker stops the pass (the items not yet started are skipped); a call that fails
 * because the job is being cancelled is a cancellation.
 */
final class ItemFailures {

    private final ProjectStore store;
    private final long runId;
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<String, Boolean> refusals = new ConcurrentHashMap<>();

    ItemFailures(ProjectStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    /** Whether a call was refused, so the items not yet started are to be skipped. */
    boolean refused() {
        return !refusals.isEmpty();
    }

    /**
     * Records the failed call of {@code item} (e.g. "sample 12"); {@code dataJson} is the data of its
     * {@code item_failed} event.
     *
     * @throws JobCancelledException when the call failed because the job is being cancelled
     */
    void record(JobContext context, String item, String dataJson, LlmException e)
            throws JobCancelledException, StoreException {
        if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new JobCancelledException();
        }
        if (e.kind() == LlmException.Kind.REFUSED) {
            refusals.put(String.valueOf(e.getMessage()), true);
            return;
        }
        failed.incrementAndGet();
        String reason = Redaction.redact(String.valueOf(e.getMessage()));
        context.publish(new JobEvent.ItemFailed(context.jobId(), Instant.now(), item, reason));
        store.runs().appendEvent(runId, "item_failed", item + ": " + reason, dataJson);
    }

    /**
     * Why the run must stop: a refusal's message, else "N {@code items} failed; resume to retry them", or "" when
     * no call failed.
     */
    String stop(String items) {
        if (!refusals.isEmpty()) {
            return refusals.keySet().iterator().next();
        }
        return failed.get() == 0 ? "" : failed.get() + " " + items + " failed; resume to retry them";
    }
}
