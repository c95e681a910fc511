package dev.sift.core.llm.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that hands out reservations: {@link #reserve} takes the tokens at once (the level may
 * go negative) and returns how long the caller must wait before using them, so concurrent callers
 * queue up in arrival order without anyone polling. A cost above the capacity is allowed once the
 * bucket is full, so a single large call is never refused for good.
 *
 * <p>Threading: thread-safe (a monitor guards the level; nothing blocks inside it).
 */
final class TokenBucket {

    private final Clock clock;
    private final double capacity;
    private final double perNano;
    private double level;
    private Instant refilledAt;

    /**
     * @param perMinute tokens added per minute
     * @param burst how much of that may be spent at once, as time's worth of refill (at least one token)
     */
    TokenBucket(double perMinute, Duration burst, Clock clock) {
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive, was " + perMinute);
        }
        this.clock = clock;
        this.perNano = perMinute / Duration.ofMinutes(1).toNanos();
        this.capacity = Math.max(1.0, perNano * burst.toNanos());
        this.level = capacity;
        this.refilledAt = clock.instant();
    }

    /** Takes {@code cost} tokens and returns the wait before they may be used (zero when available). */
    synchronized Duration reserve(double cost) {
        refill();
        double needed = Math.min(cost, capacity);
        double shortfall = needed - level;
        level -= cost;
        if (shortfall <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil(shortfall / perNano));
    }

    /** Gives tokens back (a reservation not used, or an estimate above the real cost); negative takes more. */
    synchronized void adjust(double tokens) {
        refill();
        level = Math.min(capacity, level + tokens);
    }

    synchronized double level() {
        refill();
        return level;
    }

    double capacity() {
        return capacity;
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(refilledAt, now).toNanos();
        if (elapsed > 0) {
            level = Math.min(capacity, level + elapsed * perNano);
            refilledAt = now;
        }
    }
}
