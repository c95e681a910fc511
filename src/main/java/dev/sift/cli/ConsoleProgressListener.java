package dev.sift.cli;

import dev.sift.core.job.JobEvent;
import dev.sift.core.job.JobListener;
import java.io.PrintStream;

/**
 * Shows a job's progress on stderr: a redrawn bar on a terminal, plain lines (at most one per
 * 10% or per message) when stderr is redirected, so logs stay readable.
 */
public final class ConsoleProgressListener implements JobListener {

    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final java.util.function.Supplier<String> status;
    private String title = "";
    private String lastMessage = "";
    private int lastDecile = -1;
    private boolean barShown;

    public ConsoleProgressListener(PrintStream err, boolean terminal) {
        this(err, terminal, () -> "");
    }

    /** @param status extra text shown with every progress update, e.g. a live cost meter */
    public ConsoleProgressListener(PrintStream err, boolean terminal, java.util.function.Supplier<String> status) {
        this.err = err;
        this.terminal = terminal;
        this.status = status;
    }

    @Override
    public void onEvent(JobEvent event) {
        if (event instanceof JobEvent.Started started) {
            title = started.title();
            if (!terminal) {
                err.println(title + " ...");
            }
        } else if (event instanceof JobEvent.Progress progress) {
            showProgress(progress);
        } else if (event instanceof JobEvent.Message message) {
            lastMessage = message.text();
            if (!terminal) {
                err.println("  " + message.text());
            }
        } else if (event instanceof JobEvent.ItemFailed failed) {
            clearBar();
            err.println("  failed: " + failed.item() + ": " + failed.reason());
        } else if (event.isTerminal()) {
            clearBar();
        }
    }

    private void showProgress(JobEvent.Progress progress) {
        double fraction = progress.fraction();
        if (terminal) {
            int filled = fraction < 0 ? 0 : (int) Math.round(fraction * BAR_WIDTH);
            String percent = fraction < 0 ? "  ?%" : String.format("%3d%%", Math.round(fraction * 100));
            String extra = status.get();
            err.print("\r" + title + " [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + percent
                    + (extra.isEmpty() ? "" : "  " + extra)
                    + (lastMessage.isEmpty() ? "" : "  " + lastMessage) + "\u001b[K");
            err.flush();
            barShown = true;
        } else if (fraction >= 0) {
            int decile = (int) (fraction * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                String extra = status.get();
                err.println("  " + decile * 10 + "%" + (extra.isEmpty() ? "" : "  " + extra));
            }
        }
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\u001b[K");
            err.flush();
            barShown = false;
        }
    }
}
