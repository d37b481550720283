/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule for stopping a pool that completes requests: what waits in its queue (the
 * completions of the requests a close just failed) still runs, so every request completes once. The
 * pool gets the timeout to run it; what it did not start by then (a caller blocks every thread)
 * runs on the stopping thread.
 */
public final class PoolDrain {

    private static final Logger LOG = LoggerFactory.getLogger(PoolDrain.class);

    private PoolDrain() {}

    /**
     * Shuts the pool down, lets it drain within the timeout, runs the rest here.
     *
     * @param pool the pool
     * @param timeout how long its threads may take
     * @param onPoolThread true when called on one of the pool's own threads: then it does not wait
     *     (it would wait for itself), the calling thread drains the queue once it returns
     */
    public static void drainAndStop(ExecutorService pool, Duration timeout, boolean onPoolThread) {
        pool.shutdown();
        if (onPoolThread) {
            return;
        }
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                runHere(pool.shutdownNow());
            }
        } catch (InterruptedException e) {
            runHere(pool.shutdownNow());
            Thread.currentThread().interrupt();
        }
    }

    /** Runs every task, whatever one of them throws. */
    private static void runHere(List<Runnable> tasks) {
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("A task left in the queue of a stopped pool failed", e);
            }
        }
    }
}
