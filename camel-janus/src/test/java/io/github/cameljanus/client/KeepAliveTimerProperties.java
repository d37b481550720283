/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Keepalive delays: within the interval, spread, and on a tick grid shared by all sessions. */
class KeepAliveTimerProperties {

    private static final long INTERVAL_25_S = TimeUnit.SECONDS.toNanos(25);

    @Property(tries = 2000)
    void aDelayIsWithinItsBoundsAndEndsOnATick(
            @ForAll @LongRange(min = -(1L << 60), max = 1L << 60) long now,
            @ForAll @LongRange(min = 1, max = 3_600_000_000_000L) long interval,
            @ForAll @DoubleRange(min = 0.1, max = 0.8) double minFraction,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        long delay = KeepAliveTimer.delayNanos(now, interval, minFraction, random);

        assertThat(delay).isBetween((long) (interval * minFraction), interval);
        assertThat(Math.floorMod(now + delay, KeepAliveTimer.tickNanos(interval))).isZero();
    }

    @Example
    void tenThousandSessionsFireInBurstsYetSpreadOverTheInterval() {
        Random random = new Random(17);
        long now = System.nanoTime();
        Set<Long> ticks = new HashSet<>();
        for (int session = 0; session < 10_000; session++) {
            long startedAt = now + random.nextInt(1_000_000_000); // created over one second
            ticks.add(
                    startedAt
                            + KeepAliveTimer.delayNanos(
                                    startedAt, INTERVAL_25_S, 0.8, random.nextDouble()));
        }

        // 200 ms ticks over 20-25.8 s (80-100 % of 25 s after a 1 s start): about 29 bursts
        assertThat(KeepAliveTimer.tickNanos(INTERVAL_25_S))
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(ticks).hasSizeBetween(20, 32);
    }

    @Example
    void aShortIntervalKeepsEightTicks() {
        assertThat(KeepAliveTimer.tickNanos(TimeUnit.MILLISECONDS.toNanos(100)))
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(100) / 8);
    }
}
