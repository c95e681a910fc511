package dev.sift.core.store.sqlite;

import dev.sift.core.model.ContentHash;
import dev.sift.core.model.SampleContent;
import dev.sift.core.store.SampleSink;
import dev.sift.core.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Carries an import's rows from the reading thread to the writer thread in bounded batches, so that
 * parsing and hashing overlap with inserting. At most {@link #CAPACITY} batches wait at a time, which
 * bounds memory whatever the file size.
 */
final class ImportPipe implements SampleSink {

    static final int BATCH = 512;
    static final int CAPACITY = 8;
    private static final List<Row> END = List.of();
    private static final long POLL_MILLIS = 50;

    /** One record, prepared off the writer thread. */
    record Row(int recordIndex, SampleContent content, String messagesJson, byte[] hash) {}

    /** Thrown on the writer thread to roll the import back when the reader gave up. */
    static final class Aborted extends Exception {
        Aborted() {
            super("import aborted by its reader", null, false, false);
        }
    }

    private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private volatile boolean aborted;
    private Future<?> writer;
    private List<Row> pending = new ArrayList<>(BATCH);

    /** The writer's future: while the reader waits for room it checks that the writer is still alive. */
    void attach(Future<?> writerFuture) {
        this.writer = writerFuture;
    }

    @Override
    public void add(int recordIndex, SampleContent content) throws StoreException {
        String messages = content.isMultiTurn() ? MessagesJson.write(content.messages()) : null;
        pending.add(new Row(recordIndex, content, messages, ContentHash.of(content)));
        if (pending.size() == BATCH) {
            hand(pending);
            pending = new ArrayList<>(BATCH);
        }
    }

    /** Hands over the last rows and the end mark. */
    void finish() throws StoreException {
        if (!pending.isEmpty()) {
            hand(pending);
        }
        hand(END);
    }

    /** Tells the writer to roll back; never blocks. */
    void abort() {
        aborted = true;
    }

    private void hand(List<Row> batch) throws StoreException {
        try {
            while (!queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (writer.isDone()) {
                    // the writer failed (its failure is reported by the store); stop reading
                    throw new StoreException("the import stopped while writing");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("the import was interrupted", e);
        }
    }

    /**
     * Writer side: the next batch, or an empty list at the end.
     *
     * @throws Aborted when the reader gave up, so that the transaction rolls back
     */
    List<Row> take() throws Aborted, InterruptedException {
        while (true) {
            if (aborted) {
                throw new Aborted();
            }
            List<Row> batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (batch != null) {
                return batch;
            }
        }
    }
}
