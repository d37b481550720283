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
 */
final class KeepAliveTimer {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAliveTimer.class);

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
        long millis = interval.toMillis();
        long delay =
                ThreadLocalRandom.current().nextLong((long) (millis * minFraction), millis + 1);
        try {
            next = scheduler.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true;
        }
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
