/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.Failures;
import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusClientConfig;
import io.github.cameljanus.client.JanusClientMetrics;
import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusConnectionListener;
import io.github.cameljanus.client.JanusConnectionState;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusSession;
import io.github.cameljanus.client.PoolDrain;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Janus connection shared by every endpoint of a component with the same {@link ConnectionKey}:
 * the client, the threads it runs on (from Camel's ExecutorServiceManager), and, for {@code
 * janus:}, the managed handles per (plugin, opaqueId). A {@code janus-admin:} connection has no
 * sessions, so no managed handles and no events. Reference counted by {@link SharedConnections};
 * the last release closes it.
 *
 * <p>Threads (see docs/architecture.md): one scheduler (deadlines, keepalives, pings), a dispatch
 * pool where consumer routes start on events, and a completion pool where a producer's exchange
 * continues after its reply. The two pools are separate so that an event route, however long it
 * blocks, never holds a thread a reply needs; the request itself completes without either (on the
 * socket's reader, the deadline sweep or the failing thread).
 *
 * <p>Over 400 lines: it owns the connection's pools, client and managed handles, and their start,
 * description and ordered stop belong together.
 */
final class SharedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);

    /** Marks the dispatch and completion threads of every connection in the JVM. */
    private static final ThreadLocal<Boolean> ON_CONNECTION_THREAD =
            ThreadLocal.withInitial(() -> false);

    private final ConnectionKey key;
    private final ExecutorServiceManager executors;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService dispatcher;
    private final ExecutorService completions;
    private final ThreadLocal<Boolean> onOwnThread = ThreadLocal.withInitial(() -> false);
    private final JanusClient client;

    /** The first connect round: requests made while it runs wait for it (within their deadline). */
    private final CompletableFuture<Void> firstRound = new CompletableFuture<>();

    private final Map<String, ManagedHandle> managedHandles = new HashMap<>();
    private int users;

    SharedConnection(CamelContext context, ConnectionKey key) throws GeneralSecurityException {
        this.key = key;
        this.executors = context.getExecutorServiceManager();
        String name = "janus-" + key.addresses();
        SSLContext sslContext =
                key.options().getSslContextParameters() == null
                        ? null
                        : createSslContext(context, key);
        this.scheduler =
                executors.newScheduledThreadPool(this, name + "-scheduler", schedulerProfile());
        this.dispatcher = executors.newThreadPool(this, name + "-dispatch", poolProfile());
        this.completions = executors.newThreadPool(this, name + "-completion", poolProfile());
        try {
            this.client =
                    JanusClient.create(
                            clientConfig(
                                    key,
                                    sslContext,
                                    scheduler,
                                    marked(dispatcher),
                                    marked(completions)));
        } catch (RuntimeException e) {
            // An invalid configuration must not leave the pools behind.
            stopPools();
            throw e;
        }
        // After every (re)connect: managed handles lost meanwhile are created again.
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onConnected(URI address) {
                        ensureManagedHandles();
                    }
                });
    }

    /**
     * Runs a pool's tasks with marks: this connection's, so that a close made by a route on one of
     * the pools knows not to wait for them (it would wait for itself); and any connection's, so
     * that a synchronous producer does not wait on them. A task may run inside another (a refused
     * hand-off runs in place), so each mark is restored, not cleared.
     */
    private Executor marked(ExecutorService pool) {
        return task ->
                pool.execute(
                        () -> {
                            boolean own = onOwnThread.get();
                            boolean any = ON_CONNECTION_THREAD.get();
                            onOwnThread.set(true);
                            ON_CONNECTION_THREAD.set(true);
                            try {
                                task.run();
                            } finally {
                                onOwnThread.set(own);
                                ON_CONNECTION_THREAD.set(any);
                            }
                        });
    }

    /**
     * Every request deadline and every session's keepalive is a task on this scheduler, so its
     * queue must not be bounded: Camel's default profile (1,000 queued tasks) would refuse the
     * deadline of the 1,001st pending request or session. The client bounds it instead
     * (maxPendingRequests; one keepalive per session).
     */
    private static ThreadPoolProfile schedulerProfile() {
        ThreadPoolProfile profile = new ThreadPoolProfile("janus-scheduler");
        profile.setPoolSize(1);
        profile.setMaxQueueSize(-1);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /**
     * The dispatch and the completion pools: route code runs here, never on the socket's thread.
     * Tasks wait in a queue when every thread is busy; the client bounds how many
     * (maxPendingRequests, eventQueueSize), so the queue itself is not bounded. Camel's thread pool
     * factory gives a pool whose maxQueueSize is 0 or negative no queue at all (a
     * SynchronousQueue): with every thread busy it refused the next event, so the largest queue
     * size it takes is given instead. A CallerRuns policy would run route code on the socket's
     * thread.
     */
    private static ThreadPoolProfile poolProfile() {
        ThreadPoolProfile profile = new ThreadPoolProfile("janus-pool");
        int threads = dispatchThreads();
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /** How many threads each of the dispatch and the completion pool of a connection has. */
    static int dispatchThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    private static SSLContext createSslContext(CamelContext context, ConnectionKey key)
            throws GeneralSecurityException {
        try {
            return key.options().getSslContextParameters().createSSLContext(context);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(
                    "Cannot load the TLS material of sslContextParameters: " + e.getMessage(), e);
        }
    }

    static JanusClientConfig clientConfig(
            ConnectionKey key,
            SSLContext sslContext,
            ScheduledExecutorService scheduler,
            Executor dispatcher,
            Executor completions) {
        return key.options()
                .clientConfig()
                .addresses(key.addresses())
                .sslContext(sslContext)
                .scheduler(scheduler)
                .dispatchExecutor(dispatcher)
                .completionExecutor(completions)
                .build();
    }

    JanusClient client() {
        return client;
    }

    /** A request sender that may run now or later (see {@link #afterFirstRound}). */
    @FunctionalInterface
    interface Send {
        /**
         * Sends.
         *
         * @param inline true when it runs inside the caller's call
         * @return true when it completed synchronously
         */
        boolean send(boolean inline);
    }

    /**
     * Runs {@code send} once the connection's first connect round is over (at once when it is): a
     * route's first request right after start waits for the handshake instead of failing, but for
     * at most {@code maxWaitMillis}; after a failed round requests fail fast. A waiting send runs
     * on the completion pool, never on the socket's thread.
     *
     * @param send sends; told whether it runs inside this call, returns whether it completed
     *     synchronously
     * @return true when {@code send} ran inside this call and completed synchronously
     */
    boolean afterFirstRound(long maxWaitMillis, Send send) {
        if (firstRound.isDone()) {
            return send.send(true);
        }
        CompletableFuture<Void> wait = firstRound.copy();
        try {
            ScheduledFuture<?> bound =
                    scheduler.schedule(
                            () -> wait.complete(null), maxWaitMillis, TimeUnit.MILLISECONDS);
            CompletableFuture<?> unused = wait.whenComplete((done, error) -> bound.cancel(false));
        } catch (RejectedExecutionException e) {
            wait.complete(null); // closing: the send fails fast
        }
        CompletableFuture<?> unused =
                wait.whenCompleteAsync(
                        (done, error) -> {
                            boolean unusedSync = send.send(false);
                        },
                        completions);
        return false;
    }

    /**
     * Whether the calling thread is a dispatch or completion thread of any janus: connection: a
     * thread that must not wait for a reply, since finishing one may need a thread of those pools,
     * and while it waits it holds up the events and completions queued behind it.
     */
    static boolean onConnectionThread() {
        return ON_CONNECTION_THREAD.get();
    }

    ConnectionKey key() {
        return key;
    }

    /** The managed handle (or, without a plugin, session) for this plugin and opaque id. */
    synchronized ManagedHandle managedHandle(String plugin, String opaqueId) {
        return managedHandles.computeIfAbsent(
                Arrays.asList(plugin, opaqueId).toString(),
                k ->
                        new ManagedHandle(
                                client,
                                plugin,
                                opaqueId,
                                scheduler,
                                key.options().getReconnectMaxDelay()));
    }

    private void ensureManagedHandles() {
        List<ManagedHandle> handles;
        synchronized (this) {
            handles = List.copyOf(managedHandles.values());
        }
        handles.forEach(ManagedHandle::ensure);
    }

    /**
     * Connects when not connected (also after the client gave up reconnecting: a route start tries
     * again), without waiting: a CamelContext starts at once whatever Janus does, requests fail
     * fast until the connection is up, and health says why. The failure of a first attempt is
     * logged once here; the client keeps reconnecting with backoff.
     */
    void connectInBackground() {
        if (client.isConnected() || client.state() == JanusConnectionState.CONNECTING) {
            return;
        }
        CompletableFuture<?> unused =
                client.connect()
                        .whenComplete(
                                (connected, error) -> {
                                    firstRound.complete(null);
                                    Throwable cause = error == null ? null : Failures.unwrap(error);
                                    // A close while connecting is not worth a warning.
                                    if (cause != null && !(cause instanceof JanusClosedException)) {
                                        LOG.warn(
                                                "Janus at {} is not reachable yet{}: {}",
                                                key.addresses(),
                                                key.options().isReconnect() && !client.hasGivenUp()
                                                        ? " (reconnecting in the background)"
                                                        : "",
                                                cause.getMessage());
                                    }
                                });
    }

    /** Why the connection is down, for health checks; null when connected. */
    String downReason() {
        if (client.isConnected()) {
            return null;
        }
        StringBuilder reason = new StringBuilder("Not connected to Janus (");
        reason.append(client.state());
        if (client.hasGivenUp()) {
            reason.append(", gave up after ")
                    .append(key.options().getMaxReconnectAttempts())
                    .append(" reconnect attempts; restart the route to try again");
        } else if (key.options().isReconnect()) {
            reason.append(", reconnecting");
        }
        reason.append(')');
        Throwable last = client.lastFailure();
        if (last != null) {
            reason.append(": ").append(last.getMessage());
        }
        return reason.toString();
    }

    /**
     * What the connection is now, for the {@code janus} dev console: its addresses and state, its
     * sessions and their handles, its managed handles, and the client's counters. No secret.
     */
    synchronized Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("addresses", key.addresses().toString());
        description.put("state", client.state().name());
        description.put("users", users);
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (JanusSession session : client.sessions()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", session.id());
            List<Map<String, Object>> handles = new ArrayList<>();
            for (JanusHandle handle : session.handles()) {
                handles.add(Map.of("id", handle.id(), "plugin", String.valueOf(handle.plugin())));
            }
            one.put("handles", handles);
            sessions.add(one);
        }
        description.put("sessions", sessions);
        List<Map<String, Object>> managed = new ArrayList<>();
        managedHandles.forEach(
                (plugin, handle) ->
                        managed.add(
                                Map.of(
                                        "plugin", plugin,
                                        "attached", handle.isAttached(),
                                        "sessionId", handle.sessionId())));
        description.put("managedHandles", managed);
        description.put("counters", counters(client.metrics()));
        return description;
    }

    /** The client's counters by name, the record's components in order. */
    private static Map<String, Object> counters(JanusClientMetrics metrics) {
        Map<String, Object> counters = new LinkedHashMap<>();
        for (RecordComponent component : JanusClientMetrics.class.getRecordComponents()) {
            try {
                counters.put(component.getName(), component.getAccessor().invoke(metrics));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName(), e);
            }
        }
        return counters;
    }

    /** Called under the lock of {@link SharedConnections}. */
    void retain() {
        users++;
    }

    /**
     * Called under the lock of {@link SharedConnections}; returns true when this was the last user
     * and the caller must {@link #close()} it (outside that lock: a close waits).
     */
    boolean release() {
        users--;
        return users == 0;
    }

    /**
     * Closes the client (which fails what is pending, completing each request once), then stops the
     * pools: the completion pool runs what waits in its queue (those failures' completions) within
     * shutdownTimeout, and what a route blocking every thread kept it from starting runs here.
     */
    void close() {
        try {
            client.close();
        } finally {
            stopPools();
        }
    }

    /**
     * Both pools share one shutdownTimeout; events still queued at its end are dropped. Closed from
     * a route on one of the pools, it only shuts them down: their threads run what waits in their
     * queues (the completions of the requests close() failed among it) once that route returns, and
     * nothing interrupts the calling route.
     */
    private void stopPools() {
        executors.shutdownNow(scheduler);
        if (onOwnThread.get()) {
            dispatcher.shutdown();
            completions.shutdown();
            return;
        }
        long deadline =
                System.nanoTime()
                        + TimeUnit.MILLISECONDS.toNanos(key.options().getShutdownTimeout());
        dispatcher.shutdown();
        PoolDrain.drainAndStop(
                completions, Duration.ofMillis(key.options().getShutdownTimeout()), false);
        try {
            long left = deadline - System.nanoTime();
            if (!dispatcher.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                LOG.debug(
                        "Dispatch threads still busy after {} ms",
                        key.options().getShutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Forgets them (Camel's manager keeps what it made) and interrupts a blocked route.
            executors.shutdownNow(completions);
            executors.shutdownNow(dispatcher);
        }
    }

    @Override
    public String toString() {
        return "SharedConnection" + key.addresses();
    }
}
