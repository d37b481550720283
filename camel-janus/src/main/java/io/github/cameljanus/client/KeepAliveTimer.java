/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import io.github.cameljanus.client.engine.Wire;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a session's {@code keepalive} about every interval. The first one comes after a random
 * 10-100 % of the interval and each next one after 80-100 % of it, so thousands of sessions created
 * together do not keep firing together, and no gap ever exceeds the interval.
 *
 * <p>Each firing time is then rounded up to a tick (a grid shared by every session in the JVM:
 * {@link System#nanoTime()} multiples of {@link #tickNanos}). Many sessions then fire in the same
 * tick, one burst after another on the scheduler thread, and their sends and acks share socket
 * writes, reads and thread wake-ups: measured on W4 (10,000 sessions, docs/performance.md), a
 * keepalive that fires alone costs a whole wake-up of the scheduler, the writer and the reader.
 */
final class KeepAliveTimer {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveTimer.class);

    /** The longest tick: at 25 s intervals, 10,000 sessions fire in bursts of about 80. */
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Ticks per interval at least, so that rounding keeps the spread of short intervals. */
    private static final int TICKS_PER_INTERVAL = 8;

    private final JanusSession session;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;

    KeepAliveTimer(JanusSession session, ScheduledExecutorService scheduler, Duration interval) {
        this.session = session;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    void start() {
        schedule(0.1);
    }

    void stop() {
        stopped = true;
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void schedule(double minFraction) {
        if (stopped) {
            return;
        }
        long delay =
                delayNanos(
                        System.nanoTime(),
                        interval.toNanos(),
                        minFraction,
                        ThreadLocalRandom.current().nextDouble());
        try {
            next = scheduler.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true;
        }
    }

    /**
     * The delay from {@code now} to a random point between {@code minFraction} of the interval and
     * the interval, rounded up to the tick grid; never more than the interval.
     *
     * @param random uniform in [0, 1)
     */
    static long delayNanos(long now, long intervalNanos, double minFraction, double random) {
        long tick = tickNanos(intervalNanos);
        long earliest = (long) (intervalNanos * minFraction);
        long latest = intervalNanos - tick; // rounding up adds less than a tick
        long target = now + earliest + (long) (random * Math.max(0, latest - earliest));
        long aligned = Math.floorDiv(target, tick) * tick;
        if (aligned < target) {
            aligned += tick;
        }
        return aligned - now;
    }

    /** The tick for an interval: at most {@link #MAX_TICK_NANOS}, at least one nanosecond. */
    static long tickNanos(long intervalNanos) {
        return Math.max(1, Math.min(MAX_TICK_NANOS, intervalNanos / TICKS_PER_INTERVAL));
    }

    private void fire() {
        if (stopped) {
            return;
        }
        Wire sentOn = session.client().currentConnection();
        CompletableFuture<?> unused =
                session.keepAliveInPlace(RequestOptions.defaults())
                        .whenComplete(
                                (ignored, error) -> {
                                    if (error != null) {
                                        failed(Failures.unwrap(error), sentOn);
                                    }
                                    schedule(0.8);
                                });
    }

    private void failed(Throwable error, Wire sentOn) {
        if (error instanceof JanusTimeoutException) {
            // Liveness: an unanswered keepalive means the connection is dead, as a missing pong.
            if (sentOn != null) {
                session.client()
                        .connectionLost(
                                sentOn,
                                new JanusConnectionLostException(
                                        "no answer to the keepalive of session "
                                                + session.id()
                                                + " ("
                                                + error.getMessage()
                                                + "): connection is dead"));
            }
        } else if (error instanceof JanusConnectionLostException
                || error instanceof JanusClosedException) {
            LOG.debug("Keepalive of session {} not answered: {}", session.id(), error.getMessage());
        } else if (error instanceof JanusException janus && janus.code() == 458) {
            CompletableFuture<?> unused = session.lost(janus.code(), janus.reason(), "keepalive");
        } else {
            LOG.warn("Keepalive of session {} failed: {}", session.id(), error.getMessage());
        }
    }
}
