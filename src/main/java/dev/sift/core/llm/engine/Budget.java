package dev.sift.core.llm.engine;

import dev.sift.core.llm.LlmException;
import dev.sift.core.model.Endpoint;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A hard cap on what a run may spend, in money and/or tokens, checked against a {@link CostMeter}
 * BEFORE each call is sent. A call is refused (REFUSED, with the amounts spent) once the spend has
 * reached a cap, or when what has been spent, plus the estimates of the calls in flight, plus this
 * call's estimate would pass it. So a run stops cleanly: it can pass a cap only by what the in-flight
 * calls use beyond their estimates.
 *
 * <p>Usage: {@link #reserve} before sending, record the real usage in the meter, then close the
 * {@link Reservation} (try-with-resources). Threading: thread-safe, never blocks.
 */
public final class Budget {

    private final OptionalDouble maxCost;
    private final OptionalLong maxTokens;
    private final CostMeter meter;
    private double reservedCost;
    private long reservedTokens;
    private int inFlight;

    /**
     * @param maxCost money cap, in the currency of the endpoints' prices; empty for none
     * @param maxTokens prompt plus completion tokens cap; empty for none
     */
    public Budget(OptionalDouble maxCost, OptionalLong maxTokens, CostMeter meter) {
        this.maxCost = Objects.requireNonNull(maxCost, "maxCost");
        this.maxTokens = Objects.requireNonNull(maxTokens, "maxTokens");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** No cap; the meter still counts. */
    public static Budget unlimited(CostMeter meter) {
        return new Budget(OptionalDouble.empty(), OptionalLong.empty(), meter);
    }

    public CostMeter meter() {
        return meter;
    }

    public OptionalDouble maxCost() {
        return maxCost;
    }

    public OptionalLong maxTokens() {
        return maxTokens;
    }

    /** Whether a cap has been reached by what was actually spent. */
    public boolean isExhausted() {
        CostMeter.Totals spent = meter.total();
        return (maxCost.isPresent() && spent.cost() >= maxCost.getAsDouble())
                || (maxTokens.isPresent() && spent.tokens() >= maxTokens.getAsLong());
    }

    /**
     * Sets aside the estimate of one call to {@code endpoint}, or refuses it.
     *
     * @throws LlmException REFUSED, saying what was spent of which cap, when the call must not be sent
     */
    public synchronized Reservation reserve(Endpoint endpoint, long promptTokens, long completionTokens)
            throws LlmException {
        CostMeter.Totals spent = meter.total();
        long tokens = promptTokens + completionTokens;
        double cost = endpoint.cost(promptTokens, completionTokens);
        if (maxCost.isPresent()) {
            double cap = maxCost.getAsDouble();
            if (spent.cost() >= cap || spent.cost() + reservedCost + cost > cap) {
                throw refused(spent, "cost");
            }
        }
        if (maxTokens.isPresent()) {
            long cap = maxTokens.getAsLong();
            if (spent.tokens() >= cap || spent.tokens() + reservedTokens + tokens > cap) {
                throw refused(spent, "token");
            }
        }
        reservedCost += cost;
        reservedTokens += tokens;
        inFlight++;
        return new Reservation(cost, tokens);
    }

    private synchronized void release(double cost, long tokens) {
        reservedCost -= cost;
        reservedTokens -= tokens;
        inFlight--;
    }

    private LlmException refused(CostMeter.Totals spent, String which) {
        StringBuilder message = new StringBuilder("budget reached (" + which + " cap): spent ");
        message.append(String.format(Locale.ROOT, "%.4f", spent.cost()));
        maxCost.ifPresent(cap -> message.append(String.format(Locale.ROOT, " of %.4f", cap)));
        message.append(" and ").append(spent.tokens());
        maxTokens.ifPresent(cap -> message.append(" of ").append(cap));
        message.append(" tokens in ").append(spent.calls()).append(" calls");
        if (inFlight > 0) {
            message.append(" (").append(inFlight).append(" still in flight)");
        }
        message.append("; the call was not sent");
        return new LlmException(LlmException.Kind.REFUSED, message.toString());
    }

    /** The estimate of one call, held until the call is over. Closing twice is harmless. */
    public final class Reservation implements AutoCloseable {
        private final double cost;
        private final long tokens;
        private boolean closed;

        private Reservation(double cost, long tokens) {
            this.cost = cost;
            this.tokens = tokens;
        }

        @Override
        public void close() {
            synchronized (Budget.this) {
                if (!closed) {
                    closed = true;
                    release(cost, tokens);
                }
            }
        }
    }
}
