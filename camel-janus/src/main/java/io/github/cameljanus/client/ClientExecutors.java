/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler (deadlines, keepalives, pings) and the dispatch executor (future completion, event
 * delivery) of a client: taken from the config when supplied there (and then never shut down), or
 * created here with threads named {@code <prefix>-scheduler-n} / {@code <prefix>-dispatch-n} and
 * shut down by {@link #shutdown(Duration)}.
 */
final class ClientExecutors {

    private final ScheduledExecutorService scheduler;
    private final Executor dispatch;
    private final ScheduledThreadPoolExecutor ownedScheduler;
    private final ExecutorService ownedDispatch;
    private final NamedThreadFactory schedulerThreads;
    private final NamedThreadFactory dispatchThreads;

    ClientExecutors(JanusClientConfig config) {
        schedulerThreads = new NamedThreadFactory(config.threadNamePrefix(), "scheduler");
        dispatchThreads = new NamedThreadFactory(config.threadNamePrefix(), "dispatch");
        if (config.scheduler() != null) {
            scheduler = config.scheduler();
            ownedScheduler = null;
        } else {
            ownedScheduler = new ScheduledThreadPoolExecutor(1, schedulerThreads);
            // Completed requests cancel their deadline: do not keep thousands of dead timers.
            ownedScheduler.setRemoveOnCancelPolicy(true);
            scheduler = ownedScheduler;
        }
        if (config.dispatchExecutor() != null) {
            dispatch = config.dispatchExecutor();
            ownedDispatch = null;
        } else {
            int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
            ownedDispatch = Executors.newFixedThreadPool(threads, dispatchThreads);
            dispatch = ownedDispatch;
        }
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Executor dispatch() {
        return dispatch;
    }

    /**
     * Stops the executors this client created, letting queued work finish within the timeout. Does
     * not wait when called on one of those threads (it would wait for itself).
     */
    void shutdown(Duration timeout) {
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
        if (ownedDispatch != null) {
            ownedDispatch.shutdown();
            if (!dispatchThreads.isOwnThread() && !schedulerThreads.isOwnThread()) {
                awaitOrStop(ownedDispatch, timeout);
            }
        }
        if (ownedScheduler != null && !schedulerThreads.isOwnThread()) {
            awaitOrStop(ownedScheduler, timeout);
        }
    }

    private static void awaitOrStop(ExecutorService executor, Duration timeout) {
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
