/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Backoff;
import io.github.cameljanus.client.engine.ClientExecutors;
import io.github.cameljanus.client.engine.Counters;
import io.github.cameljanus.client.engine.EnvelopeValidator;
import io.github.cameljanus.client.engine.EventDispatcher;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.PendingRequest;
import io.github.cameljanus.client.engine.RequestKind;
import io.github.cameljanus.client.engine.SecretMasker;
import io.github.cameljanus.client.engine.TransactionTable;
import io.github.cameljanus.client.engine.Wire;
import io.github.cameljanus.client.transport.JanusTransport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Janus WebSocket API over one connection. Owns the {@link JanusSession}s it
 * creates, which own their {@link JanusHandle}s; closing a node ends its children.
 *
 * <p>Every request returns a {@link CompletableFuture} that completes exactly once, on the client's
 * completion executor (never on the socket's thread, and never on the dispatch executor that
 * delivers events: a listener that blocks waiting for a reply cannot hold the thread the reply
 * needs): with the reply, or with a {@link JanusException} (Janus error), {@link
 * JanusPluginException}, {@link JanusTimeoutException}, {@link JanusConnectionLostException} or
 * {@link JanusClosedException}.
 *
 * <p>Thread-safe. Connection states: {@link JanusConnectionState}.
 */
public final class JanusClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JanusClient.class);
    private static final Duration MAX_KEEPALIVE = Duration.ofSeconds(25);

    private final JanusClientConfig config;
    private final ClientExecutors executors;
    private final Counters counters = new Counters();
    private final EventDispatcher dispatcher;
    private final Map<Long, JanusSession> sessions = new ConcurrentHashMap<>();
    private final List<JanusEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final List<JanusConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();

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
    private final Backoff backoff;

    private JanusClient(JanusClientConfig config) {
        this.config = config;
        this.backoff =
                new Backoff(
                        config.reconnectInitialDelay(),
                        config.reconnectMaxDelay(),
                        config.maxReconnectAttempts(),
                        new SplittableRandom());
        this.executors = new ClientExecutors(config);
        this.dispatcher =
                new EventDispatcher(
                        executors.dispatch(), config.eventQueueSize(), counters, () -> closing);
    }

    /**
     * Creates a client; it does not connect yet.
     *
     * @param config the settings
     * @return the client, {@link JanusConnectionState#DISCONNECTED}
     */
    public static JanusClient create(JanusClientConfig config) {
        return new JanusClient(config);
    }

    /**
     * Creates a client and connects it, waiting up to the config's {@code connectTimeout} (plus the
     * time of the {@code info} probe).
     *
     * @param config the settings
     * @return the connected client
     * @throws JanusException when the connection could not be made (the client is then closed)
     */
    public static JanusClient connect(JanusClientConfig config) {
        JanusClient client = create(config);
        Duration wait = config.connectTimeout().plus(config.requestTimeout());
        try {
            client.connect().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (ExecutionException e) {
            client.close();
            throw asJanusException(e.getCause());
        } catch (TimeoutException e) {
            client.close();
            throw new JanusConnectionLostException("not connected within " + wait, e);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new JanusClosedException("interrupted while connecting", e);
        }
    }

    /**
     * Opens the WebSocket and probes Janus with {@code info}, trying the addresses in list order
     * starting with the last one that worked. Returns the pending attempt when one runs, a
     * completed future when connected.
     *
     * <p>The future fails when one round over the addresses failed; with {@link
     * JanusClientConfig#reconnect()} on, the client then keeps trying in the background with
     * backoff (connection listeners hear when it is up). Called while disconnected, also after the
     * client gave up ({@link JanusClientConfig#maxReconnectAttempts()}), it starts a new round at
     * once with a fresh attempt count.
     *
     * @return completes when connected; exceptionally with a {@link JanusException}
     */
    public CompletableFuture<Void> connect() {
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
                    return toCaller(connecting.copy());
                case DISCONNECTED:
                default:
                    cancelRetry();
                    retries = 0;
                    gaveUp = false;
                    state = JanusConnectionState.CONNECTING;
                    connecting = new CompletableFuture<>();
                    result = toCaller(connecting.copy());
            }
        }
        startRound();
        return result;
    }

    /** Returns true when the WebSocket is open and requests can be sent. */
    public boolean isConnected() {
        return state == JanusConnectionState.CONNECTED;
    }

    /** Returns the connection state. */
    public JanusConnectionState state() {
        return state;
    }

    /** Returns the settings. */
    public JanusClientConfig config() {
        return config;
    }

    /**
     * Returns why the connection last failed: the loss of the last connection or the failure of the
     * last connect attempt (for example an {@code SSLHandshakeException} under a {@link
     * JanusConnectionLostException}); null when nothing failed yet.
     */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /**
     * Returns true when reconnecting stopped because {@link
     * JanusClientConfig#maxReconnectAttempts()} rounds failed; {@link #connect()} tries again.
     */
    public boolean hasGivenUp() {
        return gaveUp;
    }

    /** Returns the last {@code server_info} frame (from the connect probe), null before. */
    public ObjectNode serverInfo() {
        return serverInfo;
    }

    /**
     * Adds a listener for connection up/down. When the connection is up already, the listener hears
     * {@code onConnected} for it first (queued in order with later changes), so "set up on
     * connected" works whenever the listener is added.
     *
     * @param listener the listener
     */
    public void addConnectionListener(JanusConnectionListener listener) {
        synchronized (lifecycle) {
            connectionListeners.add(listener);
            Wire current = connection;
            if (state == JanusConnectionState.CONNECTED && connectedNotified && current != null) {
                // (Not yet notified: the pending notification's snapshot includes this listener.)
                dispatcher.connected(List.of(listener), current.address);
            }
        }
    }

    /**
     * Removes a connection listener.
     *
     * @param listener the listener
     */
    public void removeConnectionListener(JanusConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /**
     * Adds a listener for every event of every session of this connection (after the handle's and
     * the session's own listeners).
     *
     * @param listener the listener
     */
    public void addEventListener(JanusEventListener listener) {
        eventListeners.add(listener);
    }

    /**
     * Removes an event listener.
     *
     * @param listener the listener
     */
    public void removeEventListener(JanusEventListener listener) {
        eventListeners.remove(listener);
    }

    /** Asks Janus for its {@code server_info}. */
    public CompletableFuture<ObjectNode> info() {
        return info(RequestOptions.defaults());
    }

    /**
     * Asks Janus for its {@code server_info}.
     *
     * @param options per-request options
     * @return the whole {@code server_info} frame
     */
    public CompletableFuture<ObjectNode> info(RequestOptions options) {
        return toCaller(
                request(RequestKind.INFO, 0, 0, null, options).thenApply(JanusReply::frame));
    }

    /** Sends a Janus {@code ping}; completes on the {@code pong}. */
    public CompletableFuture<Void> ping() {
        return ping(RequestOptions.defaults());
    }

    /**
     * Sends a Janus {@code ping}.
     *
     * @param options per-request options
     * @return completes on the {@code pong}
     */
    public CompletableFuture<Void> ping(RequestOptions options) {
        return toCaller(request(RequestKind.PING, 0, 0, null, options).thenApply(reply -> null));
    }

    /** Creates a session with an id Janus chooses; it is kept alive and destroyed on close. */
    public CompletableFuture<JanusSession> createSession() {
        return createSession(RequestOptions.defaults());
    }

    /**
     * Creates a session with an id Janus chooses.
     *
     * @param options per-request options
     * @return the session, kept alive and destroyed on close
     */
    public CompletableFuture<JanusSession> createSession(RequestOptions options) {
        return toCaller(create(null, options));
    }

    /**
     * Creates a session with the given id (Janus answers 468 when it is taken).
     *
     * @param id the session id, positive
     * @return the session
     */
    public CompletableFuture<JanusSession> createSession(long id) {
        return createSession(id, RequestOptions.defaults());
    }

    /**
     * Creates a session with the given id.
     *
     * @param id the session id, positive
     * @param options per-request options
     * @return the session
     */
    public CompletableFuture<JanusSession> createSession(long id, RequestOptions options) {
        return toCaller(create(id, options));
    }

    /**
     * Returns the session with this id if this client knows it, else an unowned reference through
     * which a caller can address a session it learned of elsewhere: it is not kept alive, not
     * destroyed on close, and events for it reach only this client's listeners (until {@link
     * JanusSession#claim()} adopts it).
     *
     * @param id the session id
     * @return the session
     */
    public JanusSession session(long id) {
        JanusSession known = sessions.get(id);
        return known != null ? known : new JanusSession(this, id, false);
    }

    /** Returns the sessions this client tracks (created or claimed), a snapshot. */
    public Collection<JanusSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Returns a snapshot of the client's counters. */
    public JanusClientMetrics metrics() {
        Wire current = connection;
        return counters.snapshot(
                current == null ? 0 : current.table.pendingCount(), dispatcher.queued());
    }

    /**
     * Closes the client: destroys the sessions it created (bounded by {@code shutdownTimeout}),
     * fails everything pending with {@link JanusClosedException}, closes the socket and stops every
     * thread and timer it owns. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closing) {
                return;
            }
            closing = true;
            cancelRetry();
        }
        if (config.destroySessionsOnClose() && isConnected()) {
            destroyOwnedSessions();
        }
        JanusClosedException closed = new JanusClosedException("client closed");
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
        sessions.values().forEach(session -> session.closeLocally(closed));
        if (current != null) {
            current.shutdown(closed);
        }
        if (attempt != null) {
            attempt.completeExceptionally(closed);
        }
        executors.shutdown(config.shutdownTimeout());
    }

    // ---- package-private: used by sessions, handles, router and timers ----

    /**
     * What a caller gets for an internal future: the same outcome, completed on the completion
     * executor. Internal futures complete in place (on the reader, the deadline sweep or the
     * failing thread) and their own stages only do bookkeeping; this is the one hand-off between a
     * reply and the caller's code. Cancelling the caller's future cancels the internal one (for a
     * plugin message, which is the request itself, its slot is then dropped). While the executor
     * refuses work (it is shut down) the caller's future completes in place. A future already done
     * (a request that failed fast) is returned as it is: its dependents run on the caller's thread.
     */
    <T> CompletableFuture<T> toCaller(CompletableFuture<T> internal) {
        if (internal.isDone()) {
            // Failed fast (not connected, closed, too many pending): the caller's own thread.
            return internal;
        }
        CompletableFuture<T> caller = new CompletableFuture<>();
        CompletableFuture<?> unused =
                internal.whenComplete(
                        (value, error) -> {
                            Runnable completion =
                                    error == null
                                            ? () -> caller.complete(value)
                                            : () -> caller.completeExceptionally(error);
                            try {
                                executors.completion().execute(completion);
                            } catch (RejectedExecutionException e) {
                                completion.run();
                            }
                        });
        CompletableFuture<?> cancellation =
                caller.whenComplete(
                        (value, error) -> {
                            if (error instanceof CancellationException) {
                                internal.cancel(false);
                            }
                        });
        return caller;
    }

    CompletableFuture<JanusReply> request(
            RequestKind kind,
            long sessionId,
            long handleId,
            ObjectNode fields,
            RequestOptions options) {
        Wire current = connection;
        if (current == null || state != JanusConnectionState.CONNECTED) {
            return CompletableFuture.failedFuture(notConnected());
        }
        return send(current, kind, sessionId, handleId, fields, options);
    }

    /** Why a request cannot be sent now: the state and the last failure, as its cause. */
    private JanusException notConnected() {
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

    void sessionLost(JanusSession session, String cause) {
        counters.sessionsLost.increment();
        LOG.warn("Session {} is lost ({}); its requests fail", session.id(), cause);
    }

    JanusSession knownSession(long id) {
        return id == 0 ? null : sessions.get(id);
    }

    /**
     * A session created or claimed by this client becomes tracked (kept alive, claimed after a
     * reconnect), unless the client is closing or another object of the same id is tracked: only
     * one object per id ever runs a keepalive.
     *
     * @return true when this session is the tracked one
     */
    boolean track(JanusSession session) {
        synchronized (lifecycle) {
            if (closing) {
                return false;
            }
            JanusSession known = sessions.putIfAbsent(session.id(), session);
            return known == null || known == session;
        }
    }

    void sessionClosed(JanusSession session, JanusException cause) {
        sessions.remove(session.id(), session);
        Wire current = connection;
        if (current != null) {
            current.table.failSession(session.id(), cause);
        }
    }

    void handleClosed(JanusHandle handle, JanusException cause) {
        Wire current = connection;
        if (current != null) {
            current.table.failHandle(handle.id(), cause);
        }
    }

    /**
     * The keepalive interval for sessions: configured, or min(25 s, session-timeout / 2) from
     * Janus; null when keepalive is off or Janus never expires sessions.
     */
    Duration keepAliveInterval() {
        Duration configured = config.keepAliveInterval();
        if (configured != null) {
            return configured.isZero() ? null : configured;
        }
        ObjectNode info = serverInfo;
        long sessionTimeout = info == null ? 60 : info.path("session-timeout").asLong(60);
        if (sessionTimeout <= 0) {
            return null;
        }
        Duration half = Duration.ofMillis(sessionTimeout * 500);
        return half.compareTo(MAX_KEEPALIVE) < 0 ? half : MAX_KEEPALIVE;
    }

    ClientExecutors executors() {
        return executors;
    }

    void deliver(JanusSession session, JanusHandle handle, ObjectNode frame) {
        deliver(session, handle, frame, null);
    }

    /**
     * Queues an event for the listeners of its handle, its session and the client.
     *
     * @param delivered completed once it was delivered or dropped (or at once when nobody listens);
     *     nullable
     */
    void deliver(
            JanusSession session,
            JanusHandle handle,
            ObjectNode frame,
            CompletableFuture<Void> delivered) {
        if ((handle == null || handle.listeners().isEmpty())
                && (session == null || session.listeners().isEmpty())
                && eventListeners.isEmpty()) {
            // Nobody listens: no dispatch wake-up. A listener added later gets the events that
            // arrive after it was added, as before (listeners are read at delivery).
            counters.eventsWithoutListener.increment();
            if (delivered != null) {
                delivered.complete(null);
            }
            return;
        }
        List<Iterable<JanusEventListener>> groups = new ArrayList<>(3);
        if (handle != null) {
            groups.add(handle.listeners());
        }
        if (session != null) {
            groups.add(session.listeners());
        }
        groups.add(eventListeners);
        JanusEvent event = new JanusEvent(frame, handle == null ? null : handle.plugin());
        dispatcher.submit(frame.path("session_id").asLong(0), event, groups, delivered);
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
        FrameRouter[] router = new FrameRouter[1];
        Wire candidate =
                new Wire(
                        address,
                        table,
                        config.maxMessageSize(),
                        counters,
                        frame -> router[0].route(frame),
                        this::connectionLost);
        router[0] = new FrameRouter(this, table, counters);
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
                                        JanusClientConfig.SUBPROTOCOL,
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
                                    return send(
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
                                                        ? unwrap(error)
                                                        : new JanusConnectionLostException(
                                                                "connection to "
                                                                        + address
                                                                        + " closed right after"
                                                                        + " the handshake");
                                        LOG.debug(
                                                "Connecting to {} failed: {}",
                                                address,
                                                cause.toString());
                                        candidate.shutdown(asJanusException(cause));
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
                reclaimSessions(candidate);
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
     * re-creates its session can send that request now), and listeners hear {@code connected} once
     * those events were delivered, or after {@code requestTimeout} at the latest.
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

    /**
     * After a reconnect: claims every session this client tracks, so Janus sends their events here
     * again. A session Janus answers with an error (458: Janus restarted, or the reclaim window
     * passed) is lost; one whose claim got no answer stays for the next connection. Each returned
     * future completes when its claim settled, with the report of its loss to run once connected
     * (null when it was not lost).
     */
    private List<CompletableFuture<Supplier<CompletableFuture<Void>>>> reclaimSessions(
            Wire candidate) {
        List<JanusSession> live =
                sessions.values().stream().filter(session -> !session.isClosed()).toList();
        if (!config.reclaim()) {
            return live.stream()
                    .map(
                            session ->
                                    CompletableFuture.completedFuture(
                                            session.loseAndReportLater(
                                                    JanusException.NO_CODE,
                                                    "the connection was lost and reclaim is off",
                                                    "reclaim-off")))
                    .toList();
        }
        return live.stream()
                .map(
                        session ->
                                send(
                                                candidate,
                                                RequestKind.CLAIM,
                                                session.id(),
                                                0,
                                                null,
                                                RequestOptions.defaults())
                                        .handle(
                                                (reply, error) ->
                                                        reclaimed(
                                                                session,
                                                                error == null
                                                                        ? null
                                                                        : unwrap(error))))
                .toList();
    }

    /** Returns the report of the session's loss, null when it was claimed or not answered. */
    private Supplier<CompletableFuture<Void>> reclaimed(JanusSession session, Throwable error) {
        if (error == null) {
            counters.sessionsReclaimed.increment();
            LOG.debug("Session {} claimed again", session.id());
        } else if (error instanceof JanusConnectionLostException
                || error instanceof JanusTimeoutException
                || error instanceof JanusClosedException) {
            LOG.debug("Claim of session {} not answered: {}", session.id(), error.toString());
        } else if (error instanceof JanusException janus) {
            return session.loseAndReportLater(janus.code(), janus.reason(), "claim");
        } else {
            return session.loseAndReportLater(
                    JanusException.NO_CODE, String.valueOf(error), "claim");
        }
        return null;
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
                            : asJanusException(failure));
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
                send(
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

    private void destroyOwnedSessions() {
        CompletableFuture<?>[] destroys =
                sessions.values().stream()
                        .filter(JanusSession::isOwned)
                        .map(session -> session.destroyInPlace(RequestOptions.defaults()))
                        .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(destroys)
                    .get(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Not every session was destroyed on close: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- sending ----

    private CompletableFuture<JanusReply> send(
            Wire target,
            RequestKind kind,
            long sessionId,
            long handleId,
            ObjectNode fields,
            RequestOptions options) {
        ObjectNode envelope = Frames.frame(kind.verb());
        if (kind.scope() != RequestKind.Scope.ROOT) {
            envelope.put("session_id", sessionId);
        }
        if (kind.scope() == RequestKind.Scope.HANDLE) {
            envelope.put("handle_id", handleId);
        }
        if (fields != null) {
            envelope.setAll(fields);
        }
        if (kind.needsAuth()) {
            String token = options.token() != null ? options.token() : config.token();
            if (config.apiSecret() != null) {
                envelope.put("apisecret", config.apiSecret());
            }
            if (token != null) {
                envelope.put("token", token);
            }
        }
        Duration timeout = options.timeout() != null ? options.timeout() : config.requestTimeout();
        PendingRequest slot;
        try {
            slot = target.table.register(kind, sessionId, handleId, timeout, options);
        } catch (JanusException e) {
            return CompletableFuture.failedFuture(e);
        }
        envelope.put("transaction", slot.transaction());
        try {
            EnvelopeValidator.validate(kind, envelope);
        } catch (JanusException e) {
            target.table.fail(slot, e);
            return slot.future();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(">>> {}", SecretMasker.mask(envelope));
        }
        CompletableFuture<?> unused =
                target.send(Frames.write(envelope))
                        .whenComplete(
                                (sent, error) -> {
                                    if (error != null) {
                                        JanusConnectionLostException lost =
                                                new JanusConnectionLostException(
                                                        "sending "
                                                                + kind.verb()
                                                                + " failed: "
                                                                + error,
                                                        error);
                                        target.table.fail(slot, lost);
                                        connectionLost(target, lost);
                                    }
                                });
        return slot.future();
    }

    private CompletableFuture<JanusSession> create(Long id, RequestOptions options) {
        ObjectNode fields = null;
        if (id != null) {
            fields = Frames.MAPPER.createObjectNode().put("id", id);
        }
        return request(RequestKind.CREATE, 0, 0, fields, options)
                .thenApply(
                        reply -> {
                            long created = reply.frame().path("data").path("id").asLong();
                            JanusSession session = new JanusSession(this, created, true);
                            if (!track(session)) {
                                // Closed meanwhile: Janus expires it (no request can be sent).
                                session.closeLocally(new JanusClosedException("client closed"));
                                throw new JanusClosedException(
                                        "client closed while session " + created + " was created");
                            }
                            session.startKeepAlive();
                            return session;
                        });
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static JanusException asJanusException(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof JanusException janus
                ? janus
                : new JanusConnectionLostException(String.valueOf(cause.getMessage()), cause);
    }
}
