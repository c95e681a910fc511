package dev.sift.core.llm.openai;

import dev.sift.core.llm.LlmException;
import java.util.concurrent.BlockingQueue;
import okhttp3.Call;

/**
 * The consuming end of a streamed call: OkHttp's dispatcher thread reads events into a queue, the
 * caller takes them here, so listeners run on the caller's thread and an interrupt cancels the call.
 * Single consumer; {@link #close()} cancels the call if it is still running.
 */
final class SseStream implements AutoCloseable {

    static final Object END = new Object();

    record Failure(Exception cause) {}

    private final Call call;
    private final BlockingQueue<Object> queue;
    private final HttpErrors errors;
    private final String what;
    private boolean ended;

    SseStream(Call call, BlockingQueue<Object> queue, HttpErrors errors, String what) {
        this.call = call;
        this.queue = queue;
        this.errors = errors;
        this.what = what;
    }

    /**
     * Blocks for the next event; null once the body has ended.
     *
     * @throws LlmException for an HTTP error status, a transport failure, or an interrupt (which
     *     cancels the call and keeps the thread's interrupt flag set)
     */
    SseEvent next() throws LlmException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw errors.interrupted(what, e);
        }
        if (item instanceof SseEvent event) {
            return event;
        }
        ended = true;
        if (item instanceof HttpReply reply) {
            throw errors.status(what, reply);
        }
        if (item instanceof Failure failure) {
            throw errors.transport(what, failure.cause());
        }
        return null;
    }

    @Override
    public void close() {
        call.cancel();
    }
}
