/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.ApiDialect;
import io.github.cameljanus.client.engine.ClientExecutors;
import io.github.cameljanus.client.engine.Counters;
import io.github.cameljanus.client.engine.EventDispatcher;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.RequestKind;
import io.github.cameljanus.client.engine.RequestWriter;
import io.github.cameljanus.client.engine.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 *
 * <p>Over 400 lines because it is the documented public API; the work is done by
 * ConnectionSupervisor (reconnect), SessionRegistry (sessions, reclaim), RequestWriter (envelopes)
 * and EventDispatcher (events).
 */
public final class JanusClient implements AutoCloseable {

    private static final Duration MAX_KEEPALIVE = Duration.ofSeconds(25);

    private final JanusClientConfig config;
    private final ClientExecutors executors;
    private final Counters counters = new Counters();
    private final EventDispatcher dispatcher;
    private final List<JanusEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final RequestWriter writer;
    private final SessionRegistry registry;
    private final ConnectionSupervisor supervisor;

    private JanusClient(JanusClientConfig config) {
        this.config = config;
        this.executors = new ClientExecutors(config);
        // These callbacks run after construction, when the supervisor exists.
        this.dispatcher =
                new EventDispatcher(
                        executors.dispatch(), config.eventQueueSize(), counters, this::isClosing);
        this.writer =
                new RequestWriter(
                        config.adminApi()
                                ? ApiDialect.admin(config.adminSecret())
                                : ApiDialect.janus(config.apiSecret(), config.token()),
                        config.requestTimeout(),
                        this::connectionLost);
        this.registry = new SessionRegistry(writer, counters);
        this.supervisor =
                new ConnectionSupervisor(
                        this, config, executors, counters, dispatcher, registry, writer);
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
        return toCaller(supervisor.connect());
    }

    /** Returns true when the WebSocket is open and requests can be sent. */
    public boolean isConnected() {
        return supervisor.isConnected();
    }

    /** Returns the connection state. */
    public JanusConnectionState state() {
        return supervisor.state();
    }

    /**
     * Returns why the connection last failed: the loss of the last connection or the failure of the
     * last connect attempt (for example an {@code SSLHandshakeException} under a {@link
     * JanusConnectionLostException}); null when nothing failed yet.
     */
    public Throwable lastFailure() {
        return supervisor.lastFailure();
    }

    /**
     * Returns true when reconnecting stopped because {@link
     * JanusClientConfig#maxReconnectAttempts()} rounds failed; {@link #connect()} tries again.
     */
    public boolean hasGivenUp() {
        return supervisor.hasGivenUp();
    }

    /** Returns the last {@code server_info} frame (from the connect probe), null before. */
    public ObjectNode serverInfo() {
        return supervisor.serverInfo();
    }

    /**
     * Adds a listener for connection up/down. When the connection is up already, the listener hears
     * {@code onConnected} for it first (queued in order with later changes), so "set up on
     * connected" works whenever the listener is added.
     *
     * @param listener the listener
     */
    public void addConnectionListener(JanusConnectionListener listener) {
        supervisor.addConnectionListener(listener);
    }

    /** Returns the settings. */
    public JanusClientConfig config() {
        return config;
    }

    /**
     * Removes a connection listener.
     *
     * @param listener the listener
     */
    public void removeConnectionListener(JanusConnectionListener listener) {
        supervisor.removeConnectionListener(listener);
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
                request(RequestKind.INFO, 0, 0, null, options).thenApply(JanusReply::frame),
                options);
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
        return toCaller(
                request(RequestKind.PING, 0, 0, null, options).thenApply(reply -> null), options);
    }

    /**
     * Sends an Admin API request (the client must speak the Admin API: {@link
     * JanusClientConfig.Builder#adminApi}). {@code admin_secret} and the transaction are added.
     *
     * @param request the request's {@code janus} verb, e.g. {@code list_sessions}
     * @param sessionId the session it is about, 0 for none
     * @param handleId the handle it is about (with its session), 0 for none
     * @param parameters the request's other fields, nullable
     * @param options per-request options
     * @return Janus's {@code success} frame; fails with {@link JanusException} carrying Janus's
     *     code (403 for a wrong secret, 458, 459, ...)
     */
    public CompletableFuture<ObjectNode> adminRequest(
            String request,
            long sessionId,
            long handleId,
            ObjectNode parameters,
            RequestOptions options) {
        if (!writer.dialect().isAdmin()) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(
                            "adminRequest needs a client of the Admin API"
                                    + " (JanusClientConfig.Builder.adminApi)"));
        }
        ObjectNode fields = Frames.MAPPER.createObjectNode();
        if (parameters != null) {
            fields.setAll(parameters);
        }
        fields.put("janus", request);
        return toCaller(
                request(
                                RequestKind.admin(sessionId, handleId),
                                sessionId,
                                handleId,
                                fields,
                                options)
                        .thenApply(JanusReply::frame),
                options);
    }

    /**
     * Sends one operation of the Admin API catalogue, checking first what it needs: a missing id or
     * required parameter fails the future before anything is sent, naming it. {@code info} and
     * {@code ping} go as themselves (their replies are {@code server_info} and {@code pong}).
     *
     * @param operation the operation
     * @param sessionId the session it is about, 0 for none
     * @param handleId the handle it is about, 0 for none
     * @param parameters the request's parameters, nullable
     * @param options per-request options
     * @return Janus's reply frame
     */
    public CompletableFuture<ObjectNode> adminRequest(
            JanusAdminOperation operation,
            long sessionId,
            long handleId,
            ObjectNode parameters,
            RequestOptions options) {
        String missing = missingForAdmin(operation, sessionId, handleId, parameters);
        if (missing != null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(
                            "Admin operation " + operation + " needs " + missing + ", not sent"));
        }
        return switch (operation) {
            case info -> info(options);
            case ping ->
                    toCaller(
                            request(RequestKind.PING, 0, 0, null, options)
                                    .thenApply(JanusReply::frame),
                            options);
            default -> {
                // A global request carries no ids, whatever the caller had at hand.
                JanusAdminOperation.Scope scope = operation.scope();
                long session = scope == JanusAdminOperation.Scope.GLOBAL ? 0 : sessionId;
                long handle = scope == JanusAdminOperation.Scope.HANDLE ? handleId : 0;
                yield adminRequest(operation.verb(), session, handle, parameters, options);
            }
        };
    }

    private static String missingForAdmin(
            JanusAdminOperation operation, long sessionId, long handleId, ObjectNode parameters) {
        JanusAdminOperation.Scope scope = operation.scope();
        if ((scope == JanusAdminOperation.Scope.SESSION
                        || scope == JanusAdminOperation.Scope.HANDLE)
                && sessionId == 0) {
            return "a session id (CamelJanusSessionId)";
        }
        if (scope == JanusAdminOperation.Scope.HANDLE && handleId == 0) {
            return "a handle id (CamelJanusHandleId)";
        }
        for (String parameter : operation.required()) {
            if (parameters == null || !parameters.has(parameter)) {
                return "the parameter '" + parameter + "'";
            }
        }
        return null;
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
        return toCaller(create(null, options), options);
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
        return toCaller(create(id, options), options);
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
        JanusSession known = registry.known(id);
        return known != null ? known : new JanusSession(this, id, false);
    }

    /** Returns the sessions this client tracks (created or claimed), a snapshot. */
    public Collection<JanusSession> sessions() {
        return registry.snapshot();
    }

    /** Returns a snapshot of the client's counters. */
    public JanusClientMetrics metrics() {
        Wire current = supervisor.currentConnection();
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
        if (!supervisor.beginClose()) {
            return;
        }
        registry.refuseNew();
        if (config.destroySessionsOnClose() && isConnected()) {
            registry.destroyOwned(config.shutdownTimeout());
        }
        JanusClosedException closed = new JanusClosedException("client closed");
        supervisor.finishClose(closed, () -> registry.closeAll(closed));
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
    <T> CompletableFuture<T> toCaller(CompletableFuture<T> internal, RequestOptions options) {
        // A caller that only blocks on the future takes it straight from the reader: one
        // hand-off less (RequestOptions.withInlineCompletion).
        return options.inlineCompletion() ? internal : toCaller(internal);
    }

    /** {@link #toCaller(CompletableFuture, RequestOptions)} for requests without options. */
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
        CompletableFuture<?> unusedCancellation =
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
        Wire current = supervisor.currentConnection();
        if (current == null || supervisor.state() != JanusConnectionState.CONNECTED) {
            return CompletableFuture.failedFuture(supervisor.notConnected());
        }
        return writer.send(current, kind, sessionId, handleId, fields, options);
    }

    private boolean isClosing() {
        return supervisor.isClosing();
    }

    /** The wire requests go to now, null while disconnected. */
    Wire currentConnection() {
        return supervisor.currentConnection();
    }

    /** The one loss path: see {@link ConnectionSupervisor#connectionLost}. */
    void connectionLost(Wire lost, JanusConnectionLostException cause) {
        supervisor.connectionLost(lost, cause);
    }

    void sessionLost(JanusSession session, String cause) {
        registry.lost(session, cause);
    }

    JanusSession knownSession(long id) {
        return registry.known(id);
    }

    /** See {@link SessionRegistry#track}. */
    boolean track(JanusSession session) {
        return registry.track(session);
    }

    void sessionClosed(JanusSession session, JanusException cause) {
        registry.untrack(session);
        Wire current = supervisor.currentConnection();
        if (current != null) {
            current.table.failSession(session.id(), cause);
        }
    }

    void handleClosed(JanusHandle handle, JanusException cause) {
        Wire current = supervisor.currentConnection();
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
        ObjectNode info = supervisor.serverInfo();
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

    // ---- sending ----

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

    static JanusException asJanusException(Throwable error) {
        Throwable cause = Failures.unwrap(error);
        return cause instanceof JanusException janus
                ? janus
                : new JanusConnectionLostException(String.valueOf(cause.getMessage()), cause);
    }
}
