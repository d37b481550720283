/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import io.github.cameljanus.client.JanusClientConfig;
import io.github.cameljanus.client.PoolDrain;
import io.github.cameljanus.client.transport.NamedThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executors of a client: the scheduler (deadlines, keepalives, pings), the dispatch executor
 * (event delivery) and the completion executor (the futures callers get). Each is taken from the
 * config when supplied there (and then never shut down), or created here with threads named {@code
 * <prefix>-scheduler-n}, {@code <prefix>-dispatch-n}, {@code <prefix>-completion-n} and shut down
 * by {@link #shutdown(Duration)}. Dispatch and completion are separate pools so that a listener
 * blocking on a reply never holds the thread the reply needs.
 */
public final class ClientExecutors {

    private final ScheduledExecutorService scheduler;
    private final Executor dispatch;
    private final Executor completion;
    private final ScheduledThreadPoolExecutor ownedScheduler;
    private final ExecutorService ownedDispatch;
    private final ExecutorService ownedCompletion;
    private final NamedThreadFactory schedulerThreads;
    private final NamedThreadFactory dispatchThreads;
    private final NamedThreadFactory completionThreads;

    public ClientExecutors(JanusClientConfig config) {
        schedulerThreads = new NamedThreadFactory(config.threadNamePrefix(), "scheduler");
        dispatchThreads = new NamedThreadFactory(config.threadNamePrefix(), "dispatch");
        completionThreads = new NamedThreadFactory(config.threadNamePrefix(), "completion");
        if (config.scheduler() != null) {
            scheduler = config.scheduler();
            ownedScheduler = null;
        } else {
            ownedScheduler = new ScheduledThreadPoolExecutor(1, schedulerThreads);
            // Cancelled keepalives and sweeps: do not keep dead timers.
            ownedScheduler.setRemoveOnCancelPolicy(true);
            scheduler = ownedScheduler;
        }
        int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ownedDispatch =
                config.dispatchExecutor() != null
                        ? null
                        : Executors.newFixedThreadPool(threads, dispatchThreads);
        dispatch = ownedDispatch != null ? ownedDispatch : config.dispatchExecutor();
        ownedCompletion =
                config.completionExecutor() != null
                        ? null
                        : Executors.newFixedThreadPool(threads, completionThreads);
        completion = ownedCompletion != null ? ownedCompletion : config.completionExecutor();
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public Executor dispatch() {
        return dispatch;
    }

    public Executor completion() {
        return completion;
    }

    /**
     * Stops the executors this client created. Queued completions still run ({@link PoolDrain}):
     * each request completes once. Queued events are dropped with the pool once the timeout passed.
     */
    public void shutdown(Duration timeout) {
        boolean onOwnThread =
                dispatchThreads.isOwnThread()
                        || schedulerThreads.isOwnThread()
                        || completionThreads.isOwnThread();
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
        if (ownedCompletion != null) {
            PoolDrain.drainAndStop(ownedCompletion, timeout, onOwnThread);
        }
        if (ownedDispatch != null) {
            ownedDispatch.shutdown();
            if (!onOwnThread) {
                awaitOrStop(ownedDispatch, timeout);
            }
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
