/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusClientConfig;
import io.github.cameljanus.client.JanusConnectionListener;
import io.github.cameljanus.client.JanusTransportFactory;
import io.github.cameljanus.client.JdkWebSocketTransportFactory;
import io.github.cameljanus.client.TyrusTransportFactory;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Janus connection shared by every endpoint with the same {@link ConnectionKey}: the client,
 * the threads it runs on (from Camel's ExecutorServiceManager), and the managed handles per
 * (plugin, opaqueId). Reference counted by {@link SharedConnections}; the last release closes it.
 */
final class SharedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);

    private final ConnectionKey key;
    private final ExecutorServiceManager executors;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService dispatcher;
    private final String dispatchThreadSuffix;
    private final JanusClient client;
    private final Map<String, ManagedHandle> managedHandles = new HashMap<>();
    private int users;

    SharedConnection(CamelContext context, ConnectionKey key) throws GeneralSecurityException {
        this.key = key;
        this.executors = context.getExecutorServiceManager();
        String name = "janus-" + key.addresses();
        this.scheduler =
                executors.newScheduledThreadPool(this, name + "-scheduler", schedulerProfile());
        this.dispatchThreadSuffix = name + "-dispatch";
        this.dispatcher = executors.newThreadPool(this, dispatchThreadSuffix, dispatchProfile());
        SSLContext sslContext =
                key.sslContextParameters() == null ? null : createSslContext(context, key);
        this.client = JanusClient.create(clientConfig(key, sslContext, scheduler, dispatcher));
        // After every (re)connect: managed handles lost meanwhile are created again.
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onConnected(URI address) {
                        ensureManagedHandles();
                    }
                });
        // The outcome is awaited, and a failure logged, by awaitConnect() of each user.
        CompletableFuture<?> unused = client.connect();
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
     * Request continuations and event delivery run here, never on the socket's thread. Tasks wait
     * in a queue when every thread is busy; the client bounds how many (maxPendingRequests,
     * eventQueueSize), so the queue itself is not bounded. Camel's thread pool factory gives a pool
     * whose maxQueueSize is 0 or negative no queue at all (a SynchronousQueue): with every thread
     * busy it refused the next event, so the largest queue size it takes is given instead. A
     * CallerRuns policy would run route code on the socket's thread.
     */
    private static ThreadPoolProfile dispatchProfile() {
        ThreadPoolProfile profile = new ThreadPoolProfile("janus-dispatch");
        int threads = dispatchThreads();
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /** How many threads run request continuations and event delivery of one connection. */
    static int dispatchThreads() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    private static SSLContext createSslContext(CamelContext context, ConnectionKey key)
            throws GeneralSecurityException {
        try {
            return key.sslContextParameters().createSSLContext(context);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(
                    "Cannot load the TLS material of sslContextParameters: " + e.getMessage(), e);
        }
    }

    private static JanusClientConfig clientConfig(
            ConnectionKey key,
            SSLContext sslContext,
            ScheduledExecutorService scheduler,
            ExecutorService dispatcher) {
        JanusClientConfig.Builder builder =
                JanusClientConfig.builder()
                        .addresses(key.addresses())
                        .apiSecret(key.apiSecret())
                        .token(key.token())
                        .connectTimeout(Duration.ofMillis(key.connectTimeout()))
                        .pingInterval(Duration.ofMillis(key.pingInterval()))
                        .maxPendingRequests(key.maxPendingRequests())
                        .maxMessageSize(key.maxMessageSize())
                        .eventQueueSize(key.eventQueueSize())
                        .shutdownTimeout(Duration.ofMillis(key.shutdownTimeout()))
                        .destroySessionsOnClose(key.destroySessionsOnStop())
                        .reconnect(key.reconnect())
                        .reconnectInitialDelay(Duration.ofMillis(key.reconnectInitialDelay()))
                        .reconnectMaxDelay(Duration.ofMillis(key.reconnectMaxDelay()))
                        .maxReconnectAttempts(key.maxReconnectAttempts())
                        .reclaim(key.reclaim())
                        .sslContext(sslContext)
                        .origin(key.origin())
                        .transportFactory(transportFactory(key.transport()))
                        .scheduler(scheduler)
                        .dispatchExecutor(dispatcher);
        if (key.keepAliveInterval() >= 0) {
            builder.keepAliveInterval(Duration.ofMillis(key.keepAliveInterval()));
        }
        return builder.build();
    }

    private static JanusTransportFactory transportFactory(JanusTransportType transport) {
        if (transport == JanusTransportType.tyrus) {
            return new TyrusTransportFactory("janus");
        }
        return new JdkWebSocketTransportFactory(
                "janus", JdkWebSocketTransportFactory.Delivery.SELECTOR);
    }

    JanusClient client() {
        return client;
    }

    ConnectionKey key() {
        return key;
    }

    /** The managed handle (or, without a plugin, session) for this plugin and opaque id. */
    synchronized ManagedHandle managedHandle(String plugin, String opaqueId) {
        return managedHandles.computeIfAbsent(
                Arrays.asList(plugin, opaqueId).toString(),
                k -> new ManagedHandle(client, plugin, opaqueId));
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
     * again) and waits for that attempt, so routes can use the connection as soon as they are
     * started. A failure is logged, not thrown: the CamelContext starts while Janus is down, and
     * the client keeps reconnecting with backoff.
     */
    void awaitConnect() {
        try {
            client.connect().get(key.connectTimeout() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn(
                    "Janus at {} is not reachable yet{}: {}",
                    key.addresses(),
                    key.reconnect() ? " (reconnecting in the background)" : "",
                    cause.getMessage());
        }
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
                    .append(key.maxReconnectAttempts())
                    .append(" reconnect attempts; restart the route to try again");
        } else if (key.reconnect()) {
            reason.append(", reconnecting");
        }
        reason.append(')');
        Throwable last = client.lastFailure();
        if (last != null) {
            reason.append(": ").append(last.getMessage());
        }
        return reason.toString();
    }

    synchronized void retain() {
        users++;
    }

    /** Returns true when this was the last user and the connection is now closed. */
    synchronized boolean release() {
        users--;
        if (users > 0) {
            return false;
        }
        close();
        return true;
    }

    private void close() {
        try {
            client.close();
        } finally {
            executors.shutdownNow(scheduler);
            drainAndStop(dispatcher, key.shutdownTimeout());
        }
    }

    /**
     * Stops the dispatch pool without losing what waits in its queue: the completions of the
     * requests close() just failed are there, and each request must complete once. The pool gets
     * {@code timeoutMillis} to run them; what it did not start by then (a route blocks every
     * thread) runs here.
     */
    private void drainAndStop(ExecutorService pool, long timeoutMillis) {
        pool.shutdown();
        if (Thread.currentThread().getName().endsWith(dispatchThreadSuffix)) {
            return; // closed by a route on this pool: it drains the queue once this returns
        }
        try {
            if (!pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                runHere(pool.shutdownNow());
            }
        } catch (InterruptedException e) {
            runHere(pool.shutdownNow());
            Thread.currentThread().interrupt();
        } finally {
            executors.shutdownNow(pool); // forgets it (Camel's manager keeps what it made)
        }
    }

    /** Runs every task, whatever one of them throws. */
    private static void runHere(List<Runnable> tasks) {
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("A task left in the dispatch queue at stop failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SharedConnection" + key.addresses();
    }
}
