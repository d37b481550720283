/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the delay before retry {@code n} (0-based) is drawn
 * uniformly from {@code [0, min(max, initial * 2^n)]}, so clients that lost the same server do not
 * come back in lock step. Stateless apart from its random source.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final int maxAttempts;
    private final RandomGenerator random;

    /**
     * A backoff policy.
     *
     * @param initial the upper bound of the first delay, positive
     * @param max the cap of every delay, not below {@code initial}
     * @param maxAttempts how many retries are allowed; -1 = no limit
     * @param random the random source (seeded in tests)
     */
    public Backoff(Duration initial, Duration max, int maxAttempts, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.maxAttempts = maxAttempts;
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Returns the ceiling of the delay before retry {@code attempt}: {@code min(max, initial *
     * 2^attempt)}, without overflow.
     */
    long ceilingMillis(int attempt) {
        if (attempt >= 62
                || initialMillis << attempt >= maxMillis
                || initialMillis << attempt < 0) {
            return maxMillis;
        }
        return initialMillis << attempt;
    }

    /**
     * Returns the delay before retry {@code attempt} (0-based): uniform in {@code [0, ceiling]}.
     */
    public Duration delay(int attempt) {
        long ceiling = ceilingMillis(attempt);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** Returns true when {@code attemptsMade} retries used up the allowance. */
    public boolean exhausted(int attemptsMade) {
        return maxAttempts >= 0 && attemptsMade >= maxAttempts;
    }
}
