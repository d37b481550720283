/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The harness's workloads, warm-up rule and metrics (bench/anchors/README.md), plus W4 (scale:
 * sessions kept alive on one connection).
 *
 * <p>Over 400 lines: the workloads of the shared benchmark harness, each a few methods, kept side
 * by side so their loops read alike.
 */
final class Workloads {

    /** What to run. */
    record Settings(
            String workload,
            String url,
            int n,
            int warmup,
            double warmupS,
            int chunk,
            int conc,
            int handles,
            double timeoutS,
            double durationS) {}

    /** One operation, blocking or asynchronous. */
    private interface Op {
        void run(int i) throws Exception;

        CompletableFuture<?> start(int i);
    }

    private Workloads() {}

    static Map<String, Object> run(Settings s, Driver driver) throws Exception {
        long deadline = System.nanoTime() + (long) (s.timeoutS() * 1e9);
        ExecutorService workers =
                Executors.newFixedThreadPool(
                        Math.max(1, s.conc()),
                        r -> {
                            Thread t = new Thread(r, "bench-worker");
                            t.setDaemon(true);
                            return t;
                        });
        try (driver) {
            long tSetup = System.nanoTime();
            driver.connect(s.url());
            return switch (s.workload()) {
                case "w1", "w2" -> requests(s, driver, workers, tSetup, deadline);
                case "w3" -> churn(s, driver, workers, tSetup, deadline);
                default -> scale(s, driver, workers, tSetup, deadline);
            };
        } finally {
            workers.shutdownNow();
        }
    }

    private static Map<String, Object> requests(
            Settings s, Driver driver, ExecutorService workers, long tSetup, long deadline)
            throws Exception {
        driver.openHandles(s.handles());
        long setupNs = System.nanoTime() - tSetup;
        Op op =
                new Op() {
                    @Override
                    public void run(int i) throws Exception {
                        driver.message(i);
                    }

                    @Override
                    public CompletableFuture<?> start(int i) {
                        return driver.messageAsync(i);
                    }
                };
        Map<String, Object> out = measure(s, driver, workers, op, setupNs, deadline);
        driver.closeHandles();
        out.putAll(driver.verifyAndDiagnose());
        return out;
    }

    private static Map<String, Object> churn(
            Settings s, Driver driver, ExecutorService workers, long tSetup, long deadline)
            throws Exception {
        long setupNs = System.nanoTime() - tSetup;
        Op op =
                new Op() {
                    @Override
                    public void run(int i) throws Exception {
                        driver.cycle(i);
                    }

                    @Override
                    public CompletableFuture<?> start(int i) {
                        return driver.cycleAsync(i);
                    }
                };
        Map<String, Object> out = measure(s, driver, workers, op, setupNs, deadline);
        out.putAll(driver.verifyAndDiagnose());
        return out;
    }

    /** Warm-up by the harness's rule, then the measured phase. */
    private static Map<String, Object> measure(
            Settings s, Driver driver, ExecutorService workers, Op op, long setupNs, long deadline)
            throws Exception {
        int warmed = 0;
        long w0 = System.nanoTime();
        while (warmed < s.warmup() || (System.nanoTime() - w0) / 1e9 < s.warmupS()) {
            pool(driver.async(), workers, op, warmed, s.chunk(), s.conc(), null, deadline);
            warmed += s.chunk();
        }
        long[] lat = new long[s.n()];
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        pool(driver.async(), workers, op, 0, s.n(), s.conc(), lat, deadline);
        long elapsed = System.nanoTime() - t0;
        long cpu = cpuNanos() - cpu0;
        Map<String, Object> out = header(s, warmed);
        out.putAll(stats(s.n(), elapsed, cpu, lat));
        out.put("setup_ms", round(setupNs / 1e6, 2));
        out.put("rss_mb", round(rssMb(), 1));
        out.put("errors", 0);
        return out;
    }

    /** W4: create n sessions, keep them alive for durationS, check they are all alive, destroy. */
    private static Map<String, Object> scale(
            Settings s, Driver driver, ExecutorService workers, long tSetup, long deadline)
            throws Exception {
        long setupNs = System.nanoTime() - tSetup;
        double heapBefore = heapAfterGcMb();
        long[] ids = new long[s.n()];
        long[] lat = new long[s.n()];
        Op create =
                new Op() {
                    @Override
                    public void run(int i) throws Exception {
                        ids[i] = driver.createSession();
                    }

                    @Override
                    public CompletableFuture<?> start(int i) {
                        throw new UnsupportedOperationException();
                    }
                };
        long c0 = System.nanoTime();
        pool(false, workers, create, 0, s.n(), s.conc(), lat, deadline);
        double createS = (System.nanoTime() - c0) / 1e9;
        long[] io0 = procIo();
        long ka0 = driver.keepalivesSent();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        long holdUntil = t0 + (long) (s.durationS() * 1e9);
        while (System.nanoTime() < holdUntil) {
            TimeUnit.MILLISECONDS.sleep(
                    Math.min(1000, (holdUntil - System.nanoTime()) / 1_000_000 + 1));
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = cpuNanos() - cpu0;
        long keepalives = ka0 < 0 ? -1 : driver.keepalivesSent() - ka0;
        long[] io1 = procIo();
        double rss = rssMb();
        double heapAfter = heapAfterGcMb();
        Op alive =
                new Op() {
                    @Override
                    public void run(int i) throws Exception {
                        driver.keepAlive(ids[i]);
                    }

                    @Override
                    public CompletableFuture<?> start(int i) {
                        throw new UnsupportedOperationException();
                    }
                };
        pool(false, workers, alive, 0, s.n(), s.conc(), null, deadline);
        Op destroy =
                new Op() {
                    @Override
                    public void run(int i) throws Exception {
                        driver.destroySession(ids[i]);
                    }

                    @Override
                    public CompletableFuture<?> start(int i) {
                        throw new UnsupportedOperationException();
                    }
                };
        pool(false, workers, destroy, 0, s.n(), s.conc(), null, deadline);

        Map<String, Object> out = header(s, 0);
        double secs = elapsed / 1e9;
        double cpuMs = cpu / 1e6;
        out.put("sessions", s.n());
        out.put("hold_s", round(secs, 1));
        out.put("create_s", round(createS, 2));
        out.put("keepalives", keepalives < 0 ? null : keepalives);
        out.put("ops_per_s", keepalives < 0 ? null : round(keepalives / secs, 1));
        Map<String, Object> lats = stats(s.n(), 1, 0, lat);
        out.put("latency_of", "createSession");
        out.put("p50_ms", lats.get("p50_ms"));
        out.put("p99_ms", lats.get("p99_ms"));
        out.put("max_ms", lats.get("max_ms"));
        out.put("cpu_ms", round(cpuMs, 1));
        out.put("cpu_pct", round(100 * cpuMs / (secs * 1000), 2));
        out.put("cpu_us_per_op", keepalives <= 0 ? null : round(cpuMs * 1000 / keepalives, 2));
        out.put("write_syscalls_per_s", round((io1[2] - io0[2]) / secs, 1));
        out.put("write_bytes_per_s", round((io1[1] - io0[1]) / secs, 1));
        out.put("read_bytes_per_s", round((io1[0] - io0[0]) / secs, 1));
        out.put("heap_before_mb", round(heapBefore, 1));
        out.put("heap_after_gc_mb", round(heapAfter, 1));
        out.put("heap_per_session_kb", round((heapAfter - heapBefore) * 1024 / s.n(), 2));
        out.put("threads", Thread.activeCount());
        out.put("sessions_alive_at_end", s.n());
        out.put("setup_ms", round(setupNs / 1e6, 2));
        out.put("rss_mb", round(rss, 1));
        out.putAll(driver.verifyAndDiagnose());
        out.put("errors", 0);
        return out;
    }

    /**
     * Keeps {@code conc} operations in flight until {@code total} completed (first failure aborts).
     * Asynchronous operations are chained: the next starts from the thread that completed one.
     * Blocking ones run on {@code conc} worker threads.
     */
    private static void pool(
            boolean async,
            ExecutorService workers,
            Op op,
            int base,
            int total,
            int conc,
            long[] lat,
            long deadline)
            throws Exception {
        if (total <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        if (async) {
            AtomicInteger completed = new AtomicInteger();
            CompletableFuture<Void> done = new CompletableFuture<>();
            Runnable[] launch = new Runnable[1];
            launch[0] =
                    () -> {
                        int i = next.getAndIncrement();
                        if (i >= total) {
                            return;
                        }
                        long t = System.nanoTime();
                        CompletableFuture<?> started;
                        try {
                            started = op.start(base + i);
                        } catch (RuntimeException e) {
                            done.completeExceptionally(e);
                            return;
                        }
                        CompletableFuture<?> unused =
                                started.whenComplete(
                                        (r, e) -> {
                                            if (e != null) {
                                                done.completeExceptionally(e);
                                                return;
                                            }
                                            if (lat != null) {
                                                lat[i] = System.nanoTime() - t;
                                            }
                                            if (completed.incrementAndGet() == total) {
                                                done.complete(null);
                                            } else {
                                                launch[0].run();
                                            }
                                        });
                    };
            for (int k = 0; k < Math.min(conc, total); k++) {
                launch[0].run();
            }
            await(done, completed, total, deadline);
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger completed = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < Math.min(conc, total); k++) {
            running.add(
                    workers.submit(
                            () -> {
                                while (failure.get() == null) {
                                    int i = next.getAndIncrement();
                                    if (i >= total) {
                                        return;
                                    }
                                    long t = System.nanoTime();
                                    try {
                                        op.run(base + i);
                                    } catch (Throwable e) { // any failure aborts the run
                                        failure.compareAndSet(null, e);
                                        return;
                                    }
                                    if (lat != null) {
                                        lat[i] = System.nanoTime() - t;
                                    }
                                    completed.incrementAndGet();
                                }
                            }));
        }
        for (Future<?> f : running) {
            try {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "watchdog: timed out with " + completed.get() + "/" + total + " completed");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException(describe(failure.get()), failure.get());
        }
    }

    private static void await(
            CompletableFuture<Void> done, AtomicInteger completed, int total, long deadline)
            throws Exception {
        try {
            done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "watchdog: timed out with " + completed.get() + "/" + total + " completed");
        } catch (ExecutionException e) {
            throw new IllegalStateException(describe(e), e.getCause());
        }
    }

    private static Map<String, Object> header(Settings s, int warmed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", s.workload());
        out.put("n", s.n());
        out.put("warmup", warmed);
        out.put("warmup_s", s.warmupS());
        out.put("conc", s.conc());
        out.put("handles", s.handles());
        return out;
    }

    private static Map<String, Object> stats(int n, long elapsedNs, long cpuNs, long[] lat) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            ms[i] = lat[i] / 1e6;
        }
        Arrays.sort(ms);
        double secs = elapsedNs / 1e9;
        double cpuMs = cpuNs / 1e6;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("elapsed_s", round(secs, 4));
        out.put("ops_per_s", round(n / secs, 1));
        out.put("p50_ms", round(percentile(ms, 0.50), 4));
        out.put("p99_ms", round(percentile(ms, 0.99), 4));
        out.put("max_ms", round(ms[n - 1], 4));
        out.put("cpu_ms", round(cpuMs, 1));
        out.put("cpu_us_per_op", round(cpuMs * 1000 / n, 2));
        return out;
    }

    /** Nearest-rank percentile, as the harness computes it. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        rank = Math.max(1, Math.min(sorted.length, rank));
        return sorted[rank - 1];
    }

    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }

    static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    static double rssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** {rchar, wchar, syscw} of this process (/proc/self/io), zeros when unavailable. */
    static long[] procIo() {
        long[] v = new long[3];
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/io"))) {
                String[] kv = l.split(":\\s*", 2); // "name: value"
                switch (kv[0]) {
                    case "rchar" -> v[0] = Long.parseLong(kv[1].trim());
                    case "wchar" -> v[1] = Long.parseLong(kv[1].trim());
                    case "syscw" -> v[2] = Long.parseLong(kv[1].trim());
                    default -> {}
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return v;
        }
        return v;
    }

    @SuppressWarnings("ExplicitGc") // W4 reports the live heap: a full GC first is the point
    static double heapAfterGcMb() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException
                        || cause instanceof ExecutionException
                        || cause.getClass().getSimpleName().equals("CamelExecutionException"))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
