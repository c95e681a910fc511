package dev.sift.core.llm.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one endpoint. CLOSED lets calls through and counts consecutive TRANSIENT failures;
 * after {@code failureThreshold} of them it turns OPEN for {@code coolDown}, and calls are refused
 * without being sent. Once the cool-down has passed the first caller becomes the single probe
 * (HALF_OPEN; everyone else is still refused): its success closes the circuit, its failure opens it
 * for another cool-down.
 *
 * <p>Usage: {@link #acquire()} before a call, then exactly one of {@link #onSuccess()},
 * {@link #onFailure(String)} or {@link #onAbandoned()}. Threading: thread-safe, never blocks (a
 * monitor guards the state and is held only to update it).
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String endpoint;
    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean probeInFlight;
    private String lastFailure = "";

    /**
     * @param endpoint the endpoint's name, for messages
     * @param failureThreshold consecutive TRANSIENT failures that open the circuit (default 5)
     * @param coolDown how long it stays open before a probe (default 30 s)
     */
    public CircuitBreaker(String endpoint, int failureThreshold, Duration coolDown, Clock clock) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        this.failureThreshold = failureThreshold;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The state now; an OPEN circuit whose cool-down has passed reads HALF_OPEN. */
    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** When an OPEN circuit lets its next probe through; {@link Instant#MIN} if it never opened. */
    public synchronized Instant openUntil() {
        return openUntil;
    }

    /** Whether {@link #acquire()} would let a call through now; changes nothing. */
    public synchronized boolean allowsCalls() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> !probeInFlight;
        };
    }

    /**
     * Lets a call through, or refuses it.
     *
     * @throws CircuitOpenException (REFUSED) when the circuit is open, or half-open with its probe out
     */
    public synchronized void acquire() throws CircuitOpenException {
        State now = state();
        if (now == State.CLOSED) {
            return;
        }
        if (now == State.HALF_OPEN && !probeInFlight) {
            state = State.HALF_OPEN;
            probeInFlight = true;
            log.info("endpoint {}: cool-down over, sending one probe", endpoint);
            return;
        }
        throw new CircuitOpenException(endpoint, "endpoint " + endpoint + " is not answering: " + refusalReason());
    }

    /** Why calls are refused now, e.g. "circuit open until 2026-…Z (5 failures in a row; last: …)". */
    public synchronized String refusalReason() {
        String why = switch (state()) {
            case CLOSED -> "circuit closed";
            case OPEN -> "circuit open until "
                    + DateTimeFormatter.ISO_INSTANT.format(openUntil.truncatedTo(ChronoUnit.SECONDS));
            case HALF_OPEN -> probeInFlight ? "circuit half-open, a probe is in flight" : "circuit half-open";
        };
        return why + " (" + consecutiveFailures + " failures in a row; last: " + lastFailure + ")";
    }

    /** The call got an answer from the server (a PERMANENT or UNSUPPORTED one counts too). */
    public synchronized void onSuccess() {
        if (state != State.CLOSED) {
            log.info("endpoint {} answers again: circuit closed", endpoint);
        }
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    /** The call failed TRANSIENTly: the server did not answer usefully. */
    public synchronized void onFailure(String reason) {
        consecutiveFailures++;
        lastFailure = reason;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            openUntil = clock.instant().plus(coolDown);
            probeInFlight = false;
            if (state != State.OPEN) {
                log.warn("endpoint {} is not answering ({} failures in a row, last: {}): circuit open for {} s",
                        endpoint, consecutiveFailures, reason, coolDown.toSeconds());
            }
            state = State.OPEN;
        }
    }

    /** The call ended without telling anything about the server (interrupted, refused by the budget). */
    public synchronized void onAbandoned() {
        probeInFlight = false;
    }
}
