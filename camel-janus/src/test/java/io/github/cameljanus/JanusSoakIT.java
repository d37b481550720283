/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.JanusClientMetrics;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.TcpProxy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Soak: sustained requests through a route while the connection is cut every few seconds (Janus
 * keeps the sessions for 10 s, so they are claimed again). Runs {@code janus.soak.seconds} seconds
 * (default 60; e.g. {@code -Djanus.soak.seconds=600} for a longer run). At the end every request is
 * accounted for (succeeded, or failed with a typed Janus exception), the transaction table is
 * empty, no session is left on Janus, and the heap after GC shows no upward trend.
 */
class JanusSoakIT {

    private static final int WORKERS = 8;
    private static final long CUT_EVERY_MS = 5_000;
    private static final long SAMPLE_EVERY_MS = 3_000;

    /**
     * Bound on the heap slope after GC. A leak of even one 1 KiB object per request (about 1000
     * requests/s here) grows the heap by ~60 MB/min; GC noise after a full collection is a few MB
     * over the whole run.
     */
    private static final double MAX_SLOPE_MB_PER_MIN = 8.0;

    @AfterAll
    static void noThreadOfOursLeft() {
        JanusFaultIT.noThreadOfOursLeft();
    }

    @Test
    void sustainedRequestsWithPeriodicCutsLeaveNothingUnaccountedFor() throws Exception {
        long seconds = Long.getLong("janus.soak.seconds", 60);
        try (JanusServer janus = JanusServer.builder().reclaimSessionTimeout(10).build().start();
                TcpProxy proxy = TcpProxy.start(janus.apiPort())) {
            String uri =
                    "janus:"
                            + proxy.wsUrl()
                            + "?plugin=janus.plugin.echotest&requestTimeout=3s&pingInterval=2s"
                            + "&reconnectInitialDelay=50ms&reconnectMaxDelay=500ms";
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            errorHandler(noErrorHandler());
                            from(uri + "&eventTypes=sessionLost").to("log:lost?level=DEBUG");
                            from("direct:janus").to(uri);
                        }
                    });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            LongAdder sent = new LongAdder();
            LongAdder succeeded = new LongAdder();
            Map<String, LongAdder> failed = new ConcurrentHashMap<>();
            LongAdder untyped = new LongAdder();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                Thread worker =
                        new Thread(
                                () -> {
                                    while (running.get()) {
                                        sent.increment();
                                        Exchange done =
                                                template.request(
                                                        "direct:janus",
                                                        e ->
                                                                e.getMessage()
                                                                        .setBody(
                                                                                "{\"audio\":true}"));
                                        Exception error = done.getException();
                                        if (error == null) {
                                            succeeded.increment();
                                        } else if (error instanceof JanusException) {
                                            failed.computeIfAbsent(
                                                            error.getClass().getSimpleName(),
                                                            k -> new LongAdder())
                                                    .increment();
                                            // Pace: while disconnected requests fail fast.
                                            LockSupport.parkNanos(10_000_000L);
                                        } else {
                                            untyped.increment();
                                            System.out.println("[soak] untyped failure " + error);
                                        }
                                    }
                                },
                                "soak-worker-" + i);
                workers.add(worker);
                worker.start();
            }

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<double[]> heap = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long nextCut = start + TimeUnit.MILLISECONDS.toNanos(CUT_EVERY_MS);
            long nextSample = start;
            int cuts = 0;
            long lastSucceeded = 0;
            int recoveredAfterCut = 0;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextSample) {
                    System.gc();
                    double minutes = (System.nanoTime() - start) / 60e9;
                    double usedMb = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
                    heap.add(new double[] {minutes, usedMb});
                    nextSample += TimeUnit.MILLISECONDS.toNanos(SAMPLE_EVERY_MS);
                }
                if (now >= nextCut) {
                    if (succeeded.sum() > lastSucceeded) {
                        recoveredAfterCut++;
                    }
                    lastSucceeded = succeeded.sum();
                    proxy.cutAll();
                    cuts++;
                    nextCut += TimeUnit.MILLISECONDS.toNanos(CUT_EVERY_MS);
                }
                long wake = Math.min(Math.min(nextCut, nextSample), end);
                LockSupport.parkNanos(Math.max(1, wake - System.nanoTime())); // the run's clock
            }
            running.set(false);
            for (Thread worker : workers) {
                worker.join(10_000); // each is at most one request (3 s deadline) from done
                assertThat(worker.isAlive()).as("%s hangs", worker.getName()).isFalse();
            }

            JanusClientMetrics metrics = JanusFaultIT.metrics(context);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> JanusFaultIT.metrics(context).pendingRequests() == 0);
            long failedTotal = failed.values().stream().mapToLong(LongAdder::sum).sum();
            double slope = slope(heap.subList(Math.min(2, heap.size() - 1), heap.size()));
            System.out.printf(
                    "[soak] %d s, %d cuts: sent %d, succeeded %d, failed %s, untyped %d,"
                            + " unaccounted %d; reconnects %d, reclaimed %d, lost %d; heap after GC"
                            + " %.1f -> %.1f MB, slope %.2f MB/min over %d samples%n",
                    seconds,
                    cuts,
                    sent.sum(),
                    succeeded.sum(),
                    failed,
                    untyped.sum(),
                    sent.sum() - succeeded.sum() - failedTotal - untyped.sum(),
                    metrics.reconnects(),
                    metrics.sessionsReclaimed(),
                    metrics.sessionsLost(),
                    heap.get(0)[1],
                    heap.get(heap.size() - 1)[1],
                    slope,
                    heap.size());

            assertThat(untyped.sum()).isZero();
            assertThat(sent.sum()).isEqualTo(succeeded.sum() + failedTotal);
            assertThat(JanusFaultIT.metrics(context).pendingRequests()).isZero();
            assertThat(metrics.reconnects()).isGreaterThanOrEqualTo(cuts - 1L);
            assertThat(recoveredAfterCut).isGreaterThanOrEqualTo(cuts - 1);
            assertThat(slope).isLessThan(MAX_SLOPE_MB_PER_MIN);
            context.stop();
            assertThat(janus.listSessions()).isEmpty();
        }
    }

    /** Least-squares slope of y over x. */
    private static double slope(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxy += p[0] * p[1];
            sxx += p[0] * p[0];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }
}
