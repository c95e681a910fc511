package dev.sift.ui.common.weights;

import dev.sift.core.store.ProjectStore;
import dev.sift.core.store.RunStatus;
import dev.sift.ui.common.JobCallbacks;
import dev.sift.ui.common.QueryJob;
import dev.sift.ui.common.UiJobRunner;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The view model of the agent-pair weights chart of one Star-Agents run: each pair's probability per round, the
 * entropy per round, wins and draws per pair, cost and tokens per model, and a title line. It reads off the UI
 * thread; {@link #refresh()} reads again (the view calls it periodically while {@link #runningProperty()} is true).
 * Lists are replaced only when what was read differs, so a chart redraws only when a round arrived.
 */
public final class WeightsModel {

    private final UiJobRunner jobs;
    private final ObservableList<WeightsSnapshot.PairSeries> series = FXCollections.observableArrayList();
    private final ObservableList<WeightsSnapshot.RoundValue> entropy = FXCollections.observableArrayList();
    private final ObservableList<WeightsSnapshot.PairWins> wins = FXCollections.observableArrayList();
    private final ObservableList<WeightsSnapshot.ModelUsage> usage = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private ProjectStore store;
    private long runId;
    private long generation;
    private boolean reading;
    private WeightsSnapshot last;

    public WeightsModel(UiJobRunner jobs) {
        this.jobs = jobs;
    }

    /** Shows run {@code runId} of {@code store}, replacing whatever was shown. */
    public void load(ProjectStore store, long runId) {
        this.store = store;
        this.runId = runId;
        generation++;
        reading = false;
        last = null;
        refresh();
    }

    /** Shows nothing (no run chosen). */
    public void clear() {
        store = null;
        last = null;
        generation++;
        reading = false;
        series.clear();
        entropy.clear();
        wins.clear();
        usage.clear();
        title.set("");
        message.set("");
        running.set(false);
    }

    /** Reads the run again; a read still under way is not doubled. */
    public void refresh() {
        if (store == null || reading) {
            return;
        }
        reading = true;
        long current = generation;
        ProjectStore source = store;
        long id = runId;
        WeightsSnapshot previous = last;
        jobs.query(QueryJob.of("Agent-pair weights", ctx -> WeightsSnapshot.read(source, id, previous)),
                JobCallbacks.<WeightsSnapshot>onSuccess(snapshot -> {
                    if (current == generation) {
                        show(snapshot);
                    }
                }).onFailure(reason -> {
                    if (current == generation) {
                        message.set("Could not read the weights of run " + id + ": " + reason);
                        running.set(false);
                    }
                }).onFinished(() -> {
                    if (current == generation) {
                        reading = false;
                    }
                }));
    }

    private void show(WeightsSnapshot s) {
        last = s;
        replace(series, s.series());
        replace(entropy, s.entropy());
        replace(wins, s.wins());
        replace(usage, s.usage());
        title.set(titleOf(s));
        message.set(s.series().isEmpty() ? "Run " + s.run().id() + " has recorded no weights yet." : "");
        RunStatus status = s.run().status();
        running.set(status == RunStatus.RUNNING || status == RunStatus.QUEUED);
    }

    /**
     * "run 12 · round 3 of 5 · entropy 1.01 · 5,120 tokens · $0.0123", with the run's status once it is no longer
     * running; tokens and cost are the run's live totals.
     */
    static String titleOf(WeightsSnapshot s) {
        var text = new StringBuilder("run ").append(s.run().id()).append(" · round ").append(s.lastRound());
        if (s.totalRounds() > 0) {
            text.append(" of ").append(s.totalRounds());
        }
        if (!s.entropy().isEmpty()) {
            text.append(String.format(Locale.ROOT, " · entropy %.2f", s.entropy().get(s.entropy().size() - 1).value()));
        }
        text.append(String.format(Locale.ROOT, " · %,d tokens · $%.4f", s.run().tokensIn() + s.run().tokensOut(),
                s.run().costUsd()));
        if (s.run().status() != RunStatus.RUNNING) {
            text.append(" · ").append(s.run().status().id());
        }
        return text.toString();
    }

    private static <T> void replace(ObservableList<T> target, List<T> now) {
        if (!target.equals(now)) {
            target.setAll(now);
        }
    }

    /** One series per pair, named by the pair, points by round ascending. */
    public ObservableList<WeightsSnapshot.PairSeries> series() {
        return series;
    }

    /** The entropy (nats) of the weights per round. */
    public ObservableList<WeightsSnapshot.RoundValue> entropy() {
        return entropy;
    }

    /** Wins and draws per pair, summed over the finished rounds. */
    public ObservableList<WeightsSnapshot.PairWins> wins() {
        return wins;
    }

    /**
     * Calls, tokens and cost per model (agents are backed by models; the call log records the model, not the agent),
     * read again when a round is recorded or the run's status changes.
     */
    public ObservableList<WeightsSnapshot.ModelUsage> usage() {
        return usage;
    }

    /** "run 12 · round 3 of 5 · entropy 1.01 · 5,120 tokens · $0.0123"; empty before the first read. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why nothing is shown (no weights yet, a failed read); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the run is queued or running, so its chart should be refreshed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
