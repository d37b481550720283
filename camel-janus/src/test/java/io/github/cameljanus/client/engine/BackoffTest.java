/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter, with a seeded random source. */
class BackoffTest {

    private final Backoff backoff =
            new Backoff(
                    Duration.ofMillis(500), Duration.ofSeconds(30), -1, new SplittableRandom(42));

    @Test
    void ceilingDoublesFromTheInitialDelayUpToTheCap() {
        assertThat(IntStream.range(0, 10).mapToLong(backoff::ceilingMillis).toArray())
                .containsExactly(500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000);
        assertThat(backoff.ceilingMillis(70)).isEqualTo(30_000);
        assertThat(backoff.ceilingMillis(Integer.MAX_VALUE)).isEqualTo(30_000);
    }

    @Test
    void delaysAreSpreadOverTheWholeRangeBelowTheCeiling() {
        for (int attempt = 0; attempt < 12; attempt++) {
            long ceiling = backoff.ceilingMillis(attempt);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int i = 0; i < 2000; i++) {
                long delay = backoff.delay(attempt).toMillis();
                assertThat(delay).isBetween(0L, ceiling);
                min = Math.min(min, delay);
                max = Math.max(max, delay);
            }
            // Full jitter: the draws cover [0, ceiling], not just a band near the ceiling.
            assertThat(min).isLessThan(ceiling / 10);
            assertThat(max).isGreaterThan(ceiling * 9 / 10);
        }
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff a =
                new Backoff(
                        Duration.ofMillis(100), Duration.ofSeconds(5), -1, new SplittableRandom(7));
        Backoff b =
                new Backoff(
                        Duration.ofMillis(100), Duration.ofSeconds(5), -1, new SplittableRandom(7));
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThat(a.delay(attempt)).isEqualTo(b.delay(attempt));
        }
    }

    @Test
    void attemptsRunOutOnlyWithALimit() {
        Backoff limited =
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 3, new SplittableRandom(1));
        assertThat(limited.exhausted(2)).isFalse();
        assertThat(limited.exhausted(3)).isTrue();
        assertThat(backoff.exhausted(Integer.MAX_VALUE)).isFalse();
        Backoff never =
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), 0, new SplittableRandom(1));
        assertThat(never.exhausted(0)).isTrue();
    }
}
