package dev.sift.core.llm.engine;

import dev.sift.core.llm.Usage;
import dev.sift.core.model.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running totals of calls, tokens and money, per endpoint (by name) and overall, priced with the
 * endpoint's {@link Endpoint#cost(long, long)}. One meter is usually shared by all engines of a run,
 * and a {@link Budget} reads it.
 *
 * <p>Threading: thread-safe; snapshots are immutable and may be read on any thread. Listeners are
 * called on the thread that recorded, after the totals were updated, outside the meter's lock; the
 * OkHttp EventListener contract applies: fast, non-blocking, never throwing, never calling back into
 * the engine. A listener that throws anyway is logged and skipped.
 */
public final class CostMeter {

    /**
     * Totals of one endpoint, or of all.
     *
     * @param calls answered calls
     * @param failures calls that failed after reaching the endpoint's client
     */
    public record Totals(long calls, long failures, long promptTokens, long completionTokens, double cost) {
        public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

        public long tokens() {
            return promptTokens + completionTokens;
        }

        public Totals plus(Totals other) {
            return new Totals(calls + other.calls, failures + other.failures, promptTokens + other.promptTokens,
                    completionTokens + other.completionTokens, cost + other.cost);
        }
    }

    /** The totals at one moment: overall, and per endpoint name in first-use order. */
    public record Snapshot(Totals total, Map<String, Totals> byEndpoint) {
        public Snapshot {
            byEndpoint = Map.copyOf(byEndpoint);
        }

        public Totals endpoint(String name) {
            return byEndpoint.getOrDefault(name, Totals.ZERO);
        }
    }

    /** Told after every recorded call. */
    @FunctionalInterface
    public interface Listener {
        void onRecorded(String endpoint, Snapshot snapshot);
    }

    private static final Logger log = LoggerFactory.getLogger(CostMeter.class);

    private final Map<String, Totals> byEndpoint = new LinkedHashMap<>();
    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private Totals total = Totals.ZERO;

    /** Records an answered call and its usage. */
    public void recordCall(Endpoint endpoint, Usage usage) {
        Objects.requireNonNull(usage, "usage");
        double cost = endpoint.cost(usage.promptTokens(), usage.completionTokens());
        add(endpoint.name(), new Totals(1, 0, usage.promptTokens(), usage.completionTokens(), cost));
    }

    /** Records a failed call; failures cost nothing here (servers bill answered calls). */
    public void recordFailure(Endpoint endpoint) {
        add(endpoint.name(), new Totals(0, 1, 0, 0, 0));
    }

    public synchronized Totals total() {
        return total;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(total, byEndpoint);
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void add(String endpoint, Totals delta) {
        Snapshot snapshot;
        synchronized (this) {
            byEndpoint.merge(endpoint, delta, Totals::plus);
            total = total.plus(delta);
            snapshot = listeners.isEmpty() ? null : new Snapshot(total, byEndpoint);
        }
        if (snapshot == null) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.onRecorded(endpoint, snapshot);
            } catch (RuntimeException e) {
                log.warn("a cost listener failed; it must not throw", e);
            }
        }
    }
}
