/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Backoff;
import io.github.cameljanus.client.engine.ClientExecutors;
import io.github.cameljanus.client.engine.Counters;
import io.github.cameljanus.client.engine.EventDispatcher;
import io.github.cameljanus.client.engine.RequestKind;
import io.github.cameljanus.client.engine.RequestWriter;
import io.github.cameljanus.client.engine.TransactionTable;
import io.github.cameljanus.client.engine.Wire;
import io.github.cameljanus.client.transport.JanusTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where reconnect lives: the connection state machine of one client. Connect rounds over the
 * addresses, retry with backoff, the liveness ping, reclaim on reconnect (through the session
 * registry), the one loss path for a wire that went away, and the ordered connected / disconnected
 * notifications. Every field of the state machine is guarded by {@code lifecycle}.
 *
 * <p>Over 400 lines on purpose: one state machine (states, connect rounds, retry, the reclaim
 * hand-off, liveness, the one loss path, close) whose fields one lock guards; split, its invariants
 * would spread over classes sharing that lock.
 */
final class ConnectionSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final JanusClient client;
    private final JanusClientConfig config;
    private final ClientExecutors executors;
    private final Counters counters;
    private final EventDispatcher dispatcher;
    private final SessionRegistry registry;
    private final RequestWriter writer;
    private final List<JanusConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private final Backoff backoff;

    // Guarded by lifecycle; volatile for lock-free reads on the request path.
    private volatile JanusConnectionState state = JanusConnectionState.DISCONNECTED;
    private volatile Wire connection;
    private volatile ObjectNode serverInfo;
    private volatile Throwable lastFailure;
    private volatile boolean gaveUp;
    private CompletableFuture<Void> connecting;
    private CompletableFuture<?> pendingTransport;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> retryTimer;
    private int retries;
    private int preferredAddress;
    private boolean everConnected;
    private volatile boolean closing; // written under lifecycle
    private boolean connectedNotified; // guarded by lifecycle: listeners heard this connection

    ConnectionSupervisor(
            JanusClient client,
            JanusClientConfig config,
            ClientExecutors executors,
            Counters counters,
            EventDispatcher dispatcher,
            SessionRegistry registry,
            RequestWriter writer) {
        this.client = client;
        this.config = config;
        this.executors = executors;
        this.counters = counters;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.writer = writer;
        this.backoff =
                new Backoff(
                        config.reconnectInitialDelay(),
                        config.reconnectMaxDelay(),
                        config.maxReconnectAttempts(),
                        new SplittableRandom());
    }

    /** True once close began: no new round, no new session. */
    boolean isClosing() {
        return closing;
    }

    void removeConnectionListener(JanusConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /**
     * Close, first step: from now on nothing reconnects.
     *
     * @return false when the client was closing already
     */
    boolean beginClose() {
        synchronized (lifecycle) {
            if (closing) {
                return false;
            }
            closing = true;
            cancelRetry();
            return true;
        }
    }

    /**
     * Close, last step: the state turns CLOSED, listeners that heard connected hear disconnected, a
     * handshake in progress is aborted, the sessions end locally ({@code closeSessions}), the wire
     * shuts down failing what is pending, and a waiting connect() fails.
     */
    void finishClose(JanusClosedException closed, Runnable closeSessions) {
        Wire current;
        JanusConnectionState previous;
        CompletableFuture<Void> attempt;
        CompletableFuture<?> opening;
        synchronized (lifecycle) {
            previous = state;
            state = JanusConnectionState.CLOSED;
            current = connection;
            connection = null;
            attempt = connecting;
            connecting = null;
            opening = pendingTransport;
            pendingTransport = null;
            stopPinger();
            if (previous == JanusConnectionState.CONNECTED && connectedNotified) {
                connectedNotified = false;
                notifyDisconnected(closed);
            }
        }
        if (opening != null) {
            // Aborts a handshake in progress (the transport releases its threads).
            opening.cancel(false);
        }
        closeSessions.run();
        if (current != null) {
            current.shutdown(closed);
        }
        if (attempt != null) {
            attempt.completeExceptionally(closed);
        }
    }

    CompletableFuture<Void> connect() {
        CompletableFuture<Void> result;
        synchronized (lifecycle) {
            switch (state) {
                case CLOSED:
                    return CompletableFuture.failedFuture(
                            new JanusClosedException("client is closed"));
                case CONNECTED:
                    return CompletableFuture.completedFuture(null);
                case CONNECTING:
                    if (connecting == null) {
                        connecting = new CompletableFuture<>();
                    }
                    return connecting.copy();
                case DISCONNECTED:
                default:
                    cancelRetry();
                    retries = 0;
                    gaveUp = false;
                    state = JanusConnectionState.CONNECTING;
                    connecting = new CompletableFuture<>();
                    result = connecting.copy();
            }
        }
        startRound();
        return result;
    }

    /** Returns true when the WebSocket is open and requests can be sent. */
    boolean isConnected() {
        return state == JanusConnectionState.CONNECTED;
    }

    /** Returns the connection state. */
    JanusConnectionState state() {
        return state;
    }

    /**
     * Returns why the connection last failed: the loss of the last connection or the failure of the
     * last connect attempt (for example an {@code SSLHandshakeException} under a {@link
     * JanusConnectionLostException}); null when nothing failed yet.
     */
    Throwable lastFailure() {
        return lastFailure;
    }

    /**
     * Returns true when reconnecting stopped because {@link
     * JanusClientConfig#maxReconnectAttempts()} rounds failed; {@link #connect()} tries again.
     */
    boolean hasGivenUp() {
        return gaveUp;
    }

    /** Returns the last {@code server_info} frame (from the connect probe), null before. */
    ObjectNode serverInfo() {
        return serverInfo;
    }

    /**
     * Adds a listener for connection up/down. When the connection is up already, the listener hears
     * {@code onConnected} for it first (queued in order with later changes), so "set up on
     * connected" works whenever the listener is added.
     *
     * @param listener the listener
     */
    void addConnectionListener(JanusConnectionListener listener) {
        synchronized (lifecycle) {
            connectionListeners.add(listener);
            Wire current = connection;
            if (state == JanusConnectionState.CONNECTED && connectedNotified && current != null) {
                // (Not yet notified: the pending notification's snapshot includes this listener.)
                dispatcher.connected(List.of(listener), current.address);
            }
        }
    }

    /** Why a request cannot be sent now: the state and the last failure, as its cause. */
    JanusException notConnected() {
        JanusConnectionState now = state;
        if (now == JanusConnectionState.CLOSED) {
            return new JanusClosedException("client is closed");
        }
        StringBuilder message =
                new StringBuilder("not connected to Janus at ").append(config.addresses());
        if (now == JanusConnectionState.CONNECTING) {
            // A round of a reconnect cycle (after a loss or a failed first attempt) says so.
            boolean cycle;
            synchronized (lifecycle) {
                cycle = config.reconnect() && !gaveUp && (retries > 0 || everConnected);
            }
            message.append(cycle ? " (reconnecting)" : " (connecting)");
        } else if (gaveUp) {
            message.append(" (gave up after ")
                    .append(config.maxReconnectAttempts())
                    .append(
                            " reconnect attempts; restart the route or call connect() to try"
                                    + " again)");
        } else if (config.reconnect()) {
            message.append(" (reconnecting)");
        }
        Throwable last = lastFailure;
        if (last != null) {
            message.append(": ").append(last.getMessage());
        }
        return new JanusConnectionLostException(message.toString(), last);
    }

    /** The connection requests go to now, null while disconnected. */
    Wire currentConnection() {
        return connection;
    }

    // ---- connection lifecycle ----

    /** One round: each address once, from the preferred one on, until one connects. */
    private void startRound() {
        int first;
        synchronized (lifecycle) {
            first = preferredAddress;
        }
        attempt(first, 0, null);
    }

    private void attempt(int index, int tried, Throwable failure) {
        List<URI> addresses = config.addresses();
        if (tried >= addresses.size()) {
            roundFailed(failure);
            return;
        }
        int addressIndex = index % addresses.size();
        URI address = addresses.get(addressIndex);
        TransactionTable table =
                new TransactionTable(
                        config.maxPendingRequests(), Runnable::run, executors.scheduler());
        FrameRouter router = new FrameRouter(client, table, counters);
        Wire candidate =
                new Wire(
                        address,
                        table,
                        config.maxMessageSize(),
                        counters,
                        router::route,
                        this::connectionLost);
        CompletableFuture<JanusTransport> opening;
        synchronized (lifecycle) {
            if (state != JanusConnectionState.CONNECTING) {
                return;
            }
            try {
                opening =
                        config.transportFactory()
                                .connect(
                                        address,
                                        writer.dialect().subprotocol(),
                                        config.origin(),
                                        config.sslContext(),
                                        config.connectTimeout(),
                                        candidate);
            } catch (RuntimeException e) {
                opening = CompletableFuture.failedFuture(e);
            }
            pendingTransport = opening;
        }
        CompletableFuture<?> unused =
                opening.thenCompose(
                                transport -> {
                                    candidate.open(transport);
                                    return writer.send(
                                            candidate,
                                            RequestKind.INFO,
                                            0,
                                            0,
                                            null,
                                            RequestOptions.defaults());
                                })
                        .whenComplete(
                                (info, error) -> {
                                    if (error == null
                                            && connected(candidate, info.frame(), addressIndex)) {
                                        return;
                                    }
                                    {
                                        Throwable cause =
                                                error != null
                                                        ? Failures.unwrap(error)
                                                        : new JanusConnectionLostException(
                                                                "connection to "
                                                                        + address
                                                                        + " closed right after"
                                                                        + " the handshake");
                                        LOG.debug(
                                                "Connecting to {} failed: {}",
                                                address,
                                                cause.toString());
                                        candidate.shutdown(JanusClient.asJanusException(cause));
                                        if (state == JanusConnectionState.CONNECTING) {
                                            attempt(addressIndex + 1, tried + 1, cause);
                                        }
                                    }
                                });
    }

    /**
     * The candidate answered {@code info}: it becomes the connection, but the state turns {@code
     * CONNECTED} only once the tracked sessions are claimed on it, so that no request is sent on a
     * session whose events Janus still routes to the old socket. Returns false when the candidate
     * cannot become the connection (closed, or it went down).
     */
    private boolean connected(Wire candidate, ObjectNode info, int addressIndex) {
        boolean reconnected;
        synchronized (lifecycle) {
            if (state != JanusConnectionState.CONNECTING || candidate.isDown()) {
                candidate.shutdown(new JanusClosedException("client closed while connecting"));
                return false;
            }
            serverInfo = info;
            connection = candidate;
            preferredAddress = addressIndex;
            retries = 0;
            gaveUp = false;
            pendingTransport = null;
            reconnected = everConnected;
            startPinger(candidate);
        }
        List<CompletableFuture<Supplier<CompletableFuture<Void>>>> claims =
                registry.reclaim(candidate, config.reclaim());
        CompletableFuture<?> unused =
                CompletableFuture.allOf(claims.toArray(CompletableFuture<?>[]::new))
                        .whenComplete(
                                (settled, error) ->
                                        claimed(
                                                candidate,
                                                info,
                                                reconnected,
                                                claims.stream()
                                                        .map(CompletableFuture::join)
                                                        .toList()));
        return true;
    }

    /**
     * The claims settled: the connection is up, unless it went down or the client closed meanwhile.
     * Then the losses found by the claims are reported ({@code sessionLost}: a listener that
     * re-creates its session can send that request now), and listeners hear that the connection is
     * up once those events were delivered, or after {@code requestTimeout} at the latest.
     */
    private void claimed(
            Wire candidate,
            ObjectNode info,
            boolean reconnected,
            List<Supplier<CompletableFuture<Void>>> lossReports) {
        CompletableFuture<Void> attempt = null;
        boolean up;
        synchronized (lifecycle) {
            up = connection == candidate && state == JanusConnectionState.CONNECTING;
            if (up) {
                state = JanusConnectionState.CONNECTED;
                connectedNotified = false;
                everConnected = true;
                attempt = connecting;
                connecting = null;
            }
        }
        if (!up) {
            // Lost again, or closed: no stale "connected", but the losses are still told.
            for (Supplier<CompletableFuture<Void>> report : lossReports) {
                if (report != null) {
                    CompletableFuture<Void> unused = report.get();
                }
            }
            return;
        }
        if (reconnected) {
            counters.reconnects.increment();
        }
        LOG.info(
                "{} Janus {} at {}",
                reconnected ? "Reconnected to" : "Connected to",
                info.path("version_string").asText("?"),
                candidate.address);
        if (attempt != null) {
            attempt.complete(null);
        }
        CompletableFuture<Void> bounded =
                CompletableFuture.allOf(
                        lossReports.stream()
                                .filter(Objects::nonNull)
                                .map(Supplier::get)
                                .toArray(CompletableFuture<?>[]::new));
        try {
            ScheduledFuture<?> bound =
                    executors
                            .scheduler()
                            .schedule(
                                    () -> bounded.complete(null),
                                    config.requestTimeout().toMillis(),
                                    TimeUnit.MILLISECONDS);
            CompletableFuture<?> unused =
                    bounded.whenComplete((done, error) -> bound.cancel(false));
        } catch (RejectedExecutionException e) {
            bounded.complete(null); // closing: notifyConnected sees it
        }
        CompletableFuture<?> unused =
                bounded.whenComplete((done, error) -> notifyConnected(candidate));
    }

    /** Queues {@code connected}, unless the connection went down meanwhile. */
    private void notifyConnected(Wire candidate) {
        synchronized (lifecycle) {
            if (connection != candidate || state != JanusConnectionState.CONNECTED) {
                return;
            }
            connectedNotified = true;
            // Queued under the lock: a loss after it cannot queue its "disconnected" first.
            dispatcher.connected(List.copyOf(connectionListeners), candidate.address);
        }
    }

    /** Every address of a round failed: tell a waiting connect(), then retry or give up. */
    private void roundFailed(Throwable failure) {
        CompletableFuture<Void> attempt;
        synchronized (lifecycle) {
            if (state != JanusConnectionState.CONNECTING) {
                return;
            }
            state = JanusConnectionState.DISCONNECTED;
            pendingTransport = null;
            attempt = connecting;
            connecting = null;
            if (failure != null) {
                lastFailure = failure;
            }
            scheduleRetry();
        }
        if (attempt != null) {
            attempt.completeExceptionally(
                    failure == null
                            ? new JanusConnectionLostException("no address to connect to")
                            : JanusClient.asJanusException(failure));
        }
    }

    /** Caller holds lifecycle and the state is DISCONNECTED. */
    private void scheduleRetry() {
        if (closing || !config.reconnect()) {
            return;
        }
        if (backoff.exhausted(retries)) {
            gaveUp = true;
            Throwable last = lastFailure;
            LOG.warn(
                    "Gave up connecting to Janus at {} after {} reconnect attempts{}; requests fail"
                            + " until connect() is called again (restart the route)",
                    config.addresses(),
                    retries,
                    last == null ? "" : ": " + last.getMessage());
            return;
        }
        Duration delay = backoff.delay(retries);
        int retry = ++retries;
        LOG.debug(
                "Reconnecting to Janus at {} in {} ms (attempt {})",
                config.addresses(),
                delay.toMillis(),
                retry);
        try {
            retryTimer =
                    executors
                            .scheduler()
                            .schedule(this::retry, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler refused the reconnect: client is closing");
        }
    }

    private void retry() {
        synchronized (lifecycle) {
            retryTimer = null;
            if (closing || state != JanusConnectionState.DISCONNECTED) {
                return;
            }
            state = JanusConnectionState.CONNECTING;
        }
        startRound();
    }

    /** Caller holds lifecycle. */
    private void cancelRetry() {
        if (retryTimer != null) {
            retryTimer.cancel(false);
            retryTimer = null;
        }
    }

    /**
     * The one path for a connection that went away: socket closed or failed, a send failed, no
     * {@code pong}, or a keepalive unanswered. Fails what is pending at once, closes the socket,
     * tells listeners, then reconnects with backoff. Sessions stay open here, to be claimed.
     */
    void connectionLost(Wire lost, JanusConnectionLostException cause) {
        if (!lost.markDown()) {
            return;
        }
        CompletableFuture<Void> attempt = null;
        boolean wasCurrent;
        synchronized (lifecycle) {
            wasCurrent = connection == lost;
            if (wasCurrent) {
                connection = null;
                stopPinger();
                lastFailure = cause;
                if (state == JanusConnectionState.CONNECTED && connectedNotified) {
                    // Queued under the lock: it cannot overtake the "connected" of a next
                    // connection (that one is queued under this lock too). Listeners that never
                    // heard "connected" of this connection hear nothing of its loss either.
                    connectedNotified = false;
                    notifyDisconnected(cause);
                }
                if (state == JanusConnectionState.CONNECTED
                        || state == JanusConnectionState.CONNECTING) {
                    // CONNECTING here: lost while claiming, the round's attempt fails with it.
                    state = JanusConnectionState.DISCONNECTED;
                    attempt = connecting;
                    connecting = null;
                }
            }
        }
        if (attempt != null) {
            attempt.completeExceptionally(cause);
        }
        // State first: whoever sees a request fail also sees the connection down.
        lost.release(cause);
        if (wasCurrent) {
            counters.connectionsLost.increment();
            LOG.warn("Lost the connection to Janus at {}: {}", lost.address, cause.getMessage());
            synchronized (lifecycle) {
                if (state == JanusConnectionState.DISCONNECTED && retryTimer == null) {
                    retries = 0;
                    scheduleRetry();
                }
            }
        }
    }

    private void startPinger(Wire current) {
        Duration interval = config.pingInterval();
        if (interval.isZero()) {
            return;
        }
        try {
            pinger =
                    executors
                            .scheduler()
                            .scheduleWithFixedDelay(
                                    () -> ping(current),
                                    interval.toMillis(),
                                    interval.toMillis(),
                                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Scheduler refused the pinger: client is closing");
        }
    }

    private void stopPinger() {
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
    }

    /**
     * A liveness probe: a {@code ping} not answered before the next one is due (or within {@code
     * requestTimeout}, when that is shorter) means the connection is dead.
     */
    private void ping(Wire current) {
        Duration interval = config.pingInterval();
        Duration deadline =
                interval.compareTo(config.requestTimeout()) < 0
                        ? interval
                        : config.requestTimeout();
        CompletableFuture<?> unused =
                writer.send(
                                current,
                                RequestKind.PING,
                                0,
                                0,
                                null,
                                RequestOptions.defaults().withTimeout(deadline))
                        .whenComplete(
                                (pong, error) -> {
                                    if (error instanceof JanusTimeoutException) {
                                        connectionLost(
                                                current,
                                                new JanusConnectionLostException(
                                                        "no pong from Janus within "
                                                                + deadline.toMillis()
                                                                + " ms: connection is dead"));
                                    }
                                });
    }

    private void notifyDisconnected(JanusException cause) {
        dispatcher.disconnected(List.copyOf(connectionListeners), cause);
    }
}
