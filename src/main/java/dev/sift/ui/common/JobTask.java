package dev.sift.ui.common;

import dev.sift.core.job.JobEvent;
import dev.sift.core.job.JobListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The UI side of one submitted job: a {@link JobListener} that receives events on the worker thread
 * and replays them on the UI thread. Progress and message updates are coalesced (only the newest
 * counts) and item events are batched, so a fast job costs one UI-thread hop per drain rather than
 * one per event. The terminal event is delivered after everything before it.
 */
final class JobTask<R> implements JobListener {

    private final RunningJob entry;
    private final JobCallbacks<R> callbacks;
    private final Runnable onTerminal;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicReference<JobEvent.Progress> progress = new AtomicReference<>();
    private final AtomicReference<String> message = new AtomicReference<>();
    private final ConcurrentLinkedQueue<JobEvent.ItemEvent> items = new ConcurrentLinkedQueue<>();
    private final AtomicReference<JobEvent> terminal = new AtomicReference<>();

    /**
     * @param entry the status-bar entry to update, or null for a quiet query
     * @param onTerminal called on the UI thread before the callbacks, once the job has ended
     */
    JobTask(RunningJob entry, JobCallbacks<R> callbacks, Runnable onTerminal) {
        this.entry = entry;
        this.callbacks = callbacks;
        this.onTerminal = onTerminal;
    }

    @Override
    public void onEvent(JobEvent event) {
        if (event instanceof JobEvent.Progress p) {
            progress.set(p);
        } else if (event instanceof JobEvent.Message m) {
            message.set(m.text());
        } else if (event instanceof JobEvent.ItemEvent item) {
            items.add(item);
        } else if (event.isTerminal()) {
            terminal.set(event);
        } else {
            return;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            UiThread.later(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        JobEvent.Progress p = progress.getAndSet(null);
        String text = message.getAndSet(null);
        if (entry != null && p != null) {
            entry.updateProgress(p.fraction());
        }
        if (entry != null && text != null) {
            entry.updateMessage(text);
        }
        List<JobEvent.ItemEvent> batch = new ArrayList<>();
        for (JobEvent.ItemEvent item; (item = items.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            callbacks.items().accept(List.copyOf(batch));
        }
        JobEvent end = terminal.getAndSet(null);
        if (end != null) {
            onTerminal.run();
            callbacks.deliver(end);
        }
    }
}
