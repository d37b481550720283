/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.RequestKind;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A Janus session. One this client created is kept alive automatically (see {@link
 * JanusClientConfig#keepAliveInterval()}) and destroyed on {@link JanusClient#close()}. It ends
 * locally (its handles closed, its pending requests failed with {@link JanusClosedException}) on
 * {@link #destroy()}, on Janus's {@code timeout} event, when a keepalive is answered with 458, and
 * when it cannot be claimed after a reconnect; in the last three cases listeners also get a
 * synthetic {@link JanusEvent#SESSION_LOST} event. A connection loss alone does not end it: the
 * client claims it again after reconnecting (see {@link JanusClientConfig#reclaim()}).
 */
public final class JanusSession {

    private final JanusClient client;
    private final long id;
    private final Map<Long, JanusHandle> handles = new ConcurrentHashMap<>();
    private final List<JanusEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean owned;
    private volatile KeepAliveTimer keepAlive;

    JanusSession(JanusClient client, long id, boolean owned) {
        this.client = client;
        this.id = id;
        this.owned = owned;
    }

    /** Returns the session id. */
    public long id() {
        return id;
    }

    /** Returns the client this session belongs to. */
    public JanusClient client() {
        return client;
    }

    /**
     * Attaches a plugin.
     *
     * @param plugin the plugin package, e.g. {@code janus.plugin.echotest}
     * @param opaqueId an id for correlating in admin/event-handler data, nullable
     * @return the handle
     */
    public CompletableFuture<JanusHandle> attach(String plugin, String opaqueId) {
        return attach(plugin, opaqueId, RequestOptions.defaults());
    }

    /**
     * Attaches a plugin.
     *
     * @param plugin the plugin package
     * @param opaqueId nullable
     * @param options per-request options
     * @return the handle
     */
    public CompletableFuture<JanusHandle> attach(
            String plugin, String opaqueId, RequestOptions options) {
        ObjectNode fields = Frames.MAPPER.createObjectNode().put("plugin", plugin);
        if (opaqueId != null) {
            fields.put("opaque_id", opaqueId);
        }
        return client.toCaller(
                request(RequestKind.ATTACH, fields, options)
                        .thenApply(
                                reply -> {
                                    long handleId = reply.frame().path("data").path("id").asLong();
                                    JanusHandle handle = new JanusHandle(this, handleId, plugin);
                                    handles.put(handleId, handle);
                                    if (closed.get()) {
                                        handle.closeLocally(
                                                new JanusClosedException("session closed"));
                                    }
                                    return handle;
                                }),
                options);
    }

    /**
     * Returns the handle with this id if this session knows it, else an unowned reference (plugin
     * unknown, its own listeners never called) for addressing a handle learned of elsewhere.
     *
     * @param id the handle id
     * @return the handle
     */
    public JanusHandle handle(long id) {
        JanusHandle known = handles.get(id);
        return known != null ? known : new JanusHandle(this, id, null);
    }

    /** Returns the handles this session attached and that are still open, a snapshot. */
    public Collection<JanusHandle> handles() {
        return List.copyOf(handles.values());
    }

    /** Sends a {@code keepalive}; completes on the ack. */
    public CompletableFuture<Void> keepAlive() {
        return keepAlive(RequestOptions.defaults());
    }

    /**
     * Sends a {@code keepalive} (never refused by {@code maxPendingRequests}).
     *
     * @param options per-request options
     * @return completes on the ack
     */
    public CompletableFuture<Void> keepAlive(RequestOptions options) {
        return client.toCaller(keepAliveInPlace(options), options);
    }

    /** The keepalive of the timer: its outcome is only bookkeeping, so it completes in place. */
    CompletableFuture<Void> keepAliveInPlace(RequestOptions options) {
        return request(RequestKind.KEEPALIVE, null, options).thenApply(reply -> null);
    }

    /** Claims the session for this connection (see {@link #claim(RequestOptions)}). */
    public CompletableFuture<Void> claim() {
        return claim(RequestOptions.defaults());
    }

    /**
     * Claims the session: Janus sends its events to this connection from now on. An unowned
     * reference becomes tracked by the client (its listeners are called and it is kept alive) but
     * is still not destroyed on close.
     *
     * @param options per-request options
     * @return completes on {@code success}
     */
    public CompletableFuture<Void> claim(RequestOptions options) {
        return client.toCaller(claimInPlace(options), options);
    }

    private CompletableFuture<Void> claimInPlace(RequestOptions options) {
        return request(RequestKind.CLAIM, null, options)
                .thenApply(
                        reply -> {
                            if (client.knownSession(id) != this && client.track(this)) {
                                startKeepAlive();
                            }
                            return null;
                        });
    }

    /** Destroys the session on Janus and closes it locally. */
    public CompletableFuture<Void> destroy() {
        return destroy(RequestOptions.defaults());
    }

    /**
     * Destroys the session on Janus; on success it is closed locally, failing its handles' pending
     * requests (Janus sends no {@code detached} for them).
     *
     * @param options per-request options
     * @return completes on {@code success}
     */
    public CompletableFuture<Void> destroy(RequestOptions options) {
        return client.toCaller(destroyInPlace(options), options);
    }

    /**
     * The destroy of a closing client, which waits for it: completing in place keeps that wait
     * independent of the completion executor's threads.
     */
    CompletableFuture<Void> destroyInPlace(RequestOptions options) {
        return request(RequestKind.DESTROY, null, options)
                .thenApply(
                        reply -> {
                            closeLocally(new JanusClosedException("session destroyed"));
                            return null;
                        });
    }

    /** Returns true once the session ended (destroyed, timed out, lost or client closed). */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Adds a listener for the events of this session and its handles.
     *
     * @param listener the listener
     */
    public void addEventListener(JanusEventListener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeEventListener(JanusEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "JanusSession[" + id + (closed.get() ? ", closed" : "") + "]";
    }

    // ---- package-private ----

    boolean isOwned() {
        return owned;
    }

    List<JanusEventListener> listeners() {
        return listeners;
    }

    JanusHandle knownHandle(long handleId) {
        return handleId == 0 ? null : handles.get(handleId);
    }

    CompletableFuture<JanusReply> request(
            RequestKind kind, ObjectNode fields, RequestOptions options) {
        return request(kind, 0, fields, options);
    }

    CompletableFuture<JanusReply> request(
            RequestKind kind, long handleId, ObjectNode fields, RequestOptions options) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new JanusClosedException("session " + id + " is closed"));
        }
        return client.request(kind, id, handleId, fields, options);
    }

    void startKeepAlive() {
        Duration interval = client.keepAliveInterval();
        if (interval != null && !closed.get()) {
            KeepAliveTimer timer =
                    new KeepAliveTimer(this, client.executors().scheduler(), interval);
            keepAlive = timer;
            timer.start();
        }
    }

    void handleClosed(JanusHandle handle) {
        handles.remove(handle.id(), handle);
    }

    /**
     * Ends the session here: stops keepalive, closes handles, fails its pending requests.
     *
     * @return true when this call ended it, false when it had already ended
     */
    boolean closeLocally(JanusException cause) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        owned = false;
        KeepAliveTimer timer = keepAlive;
        if (timer != null) {
            timer.stop();
        }
        handles.values().forEach(handle -> handle.closeLocally(cause));
        client.sessionClosed(this, cause);
        return true;
    }

    /**
     * Janus no longer has this session for us (a keepalive or claim answered 458, or no claim
     * possible after a reconnect): close it and tell listeners with a {@link
     * JanusEvent#SESSION_LOST} event. Does nothing when the session had already ended.
     *
     * @param code the Janus error code, {@link JanusException#NO_CODE} when none
     * @param reason what Janus or the client said
     * @param cause what found out: {@code keepalive}, {@code claim}, {@code reclaim-off}, {@code
     *     timeout}
     */
    CompletableFuture<Void> lost(int code, String reason, String cause) {
        Supplier<CompletableFuture<Void>> report = loseAndReportLater(code, reason, cause);
        return report == null ? CompletableFuture.completedFuture(null) : report.get();
    }

    /**
     * Like {@link #lost}, but the event is delivered only when the returned report runs: after a
     * reconnect, listeners hear of the loss once the connection is up, so that a listener that
     * re-creates the session can send its request.
     *
     * @return the report to run, null when the session had already ended
     */
    Supplier<CompletableFuture<Void>> loseAndReportLater(int code, String reason, String cause) {
        if (closeLocally(new JanusClosedException(code, "session " + id + " lost: " + reason))) {
            return () -> reportLost(code, reason, cause);
        }
        return null;
    }

    /**
     * Delivers the {@link JanusEvent#SESSION_LOST} event (the session is already closed).
     *
     * @return completes once listeners had it
     */
    CompletableFuture<Void> reportLost(int code, String reason, String cause) {
        client.sessionLost(this, cause);
        ObjectNode frame = Frames.frame(JanusEvent.SESSION_LOST).put("session_id", id);
        frame.put("cause", cause);
        frame.putObject("error").put("code", code).put("reason", reason);
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        client.deliver(this, null, frame, delivered);
        return delivered;
    }
}
