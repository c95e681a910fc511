package dev.sift.ui.runs;

import dev.sift.core.store.Run;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run as the Runs table shows it.
 *
 * @param dataset the dataset's name, or empty for a run without one (or whose dataset is gone)
 */
public record RunRow(Run run, String dataset) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public long id() {
        return run.id();
    }

    public String recipe() {
        return run.recipe();
    }

    public String status() {
        return run.status().id();
    }

    /** "done / total" items, or empty before the run knows its total. */
    public String progress() {
        return run.totalItems() == 0 ? "" : String.format(Locale.ROOT, "%,d / %,d", run.doneItems(), run.totalItems());
    }

    public String tokens() {
        long total = run.tokensIn() + run.tokensOut();
        return total == 0 ? "" : String.format(Locale.ROOT, "%,d", total);
    }

    public String cost() {
        return run.costUsd() == 0 ? "" : String.format(Locale.ROOT, "%.4f", run.costUsd())
                + run.budgetUsd().stream().mapToObj(b -> String.format(Locale.ROOT, " of %.2f", b)).findFirst()
                        .orElse("");
    }

    public String started() {
        return run.startedAt().map(TIME::format).orElse("");
    }

    public String finished() {
        return run.finishedAt().map(TIME::format).orElse("");
    }
}
