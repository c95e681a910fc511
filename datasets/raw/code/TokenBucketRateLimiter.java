package example.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A small, thread-safe token bucket rate limiter.
 *
 * <p>The bucket holds up to {@code capacity} tokens and is refilled continuously
 * at {@code refillPerSecond} tokens per second. Each permitted action consumes
 * one or more tokens; when not enough tokens are available the action is
 * rejected. A full bucket allows a short burst of up to {@code capacity}
 * actions, after which the sustained rate is limited by the refill rate.
 *
 * <p>The clock is injectable so that tests can advance time deterministically.
 */
public final class TokenBucketRateLimiter {

    private final long capacity;
    private final double refillPerNanos;
    private final LongSupplier nanoClock;

    private double tokens;
    private long lastRefillNanos;

    /** Creates a limiter that uses {@link System#nanoTime()} as its clock. */
    public TokenBucketRateLimiter(long capacity, double refillPerSecond) {
        this(capacity, refillPerSecond, System::nanoTime);
    }

    /**
     * Creates a limiter with an explicit clock.
     *
     * @param capacity        maximum number of tokens; must be positive
     * @param refillPerSecond tokens added per second; must be positive
     * @param nanoClock       monotonic time source in nanoseconds
     */
    public TokenBucketRateLimiter(long capacity, double refillPerSecond, LongSupplier nanoClock) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (!(refillPerSecond > 0)) {
            throw new IllegalArgumentException("refillPerSecond must be positive");
        }
        this.capacity = capacity;
        this.refillPerNanos = refillPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefillNanos = nanoClock.getAsLong();
    }

    /** Tries to take a single token. Returns {@code true} if the action is allowed. */
    public boolean tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * Tries to take {@code permits} tokens at once.
     *
     * @return {@code true} if enough tokens were available and have been consumed
     */
    public synchronized boolean tryAcquire(int permits) {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be positive");
        }
        refill();
        if (tokens >= permits) {
            tokens -= permits;
            return true;
        }
        return false;
    }

    /** Returns the number of whole tokens currently available. */
    public synchronized long availableTokens() {
        refill();
        return (long) Math.floor(tokens);
    }

    /**
     * Estimates how long a caller must wait before {@code permits} tokens are available.
     *
     * @return the wait in nanoseconds, or 0 if the tokens are available now
     */
    public synchronized long nanosUntilAvailable(int permits) {
        if (permits > capacity) {
            throw new IllegalArgumentException("permits exceed bucket capacity");
        }
        refill();
        double missing = permits - tokens;
        return missing <= 0 ? 0L : (long) Math.ceil(missing / refillPerNanos);
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNanos);
            lastRefillNanos = now;
        }
    }
}
