/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.RequestKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plugin handle. It ends locally (pending requests failed with {@link JanusClosedException}) on
 * {@link #detach()}, on Janus's {@code detached} event, and when its session ends.
 */
public final class JanusHandle {

    private final JanusSession session;
    private final long id;
    private final String plugin;
    private final List<JanusEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    JanusHandle(JanusSession session, long id, String plugin) {
        this.session = session;
        this.id = id;
        this.plugin = plugin;
    }

    /** Returns the handle id. */
    public long id() {
        return id;
    }

    /** Returns the plugin package, null for an unowned reference. */
    public String plugin() {
        return plugin;
    }

    /** Returns the session of this handle. */
    public JanusSession session() {
        return session;
    }

    /**
     * Sends a plugin message and waits for the plugin's reply: the synchronous {@code success}, or
     * the asynchronous {@code event} (the {@code ack} is provisional). The event may arrive before
     * the ack; either order works.
     *
     * @param body the plugin request, a JSON object
     * @param jsep an offer/answer ({@code type}, {@code sdp}), nullable
     * @return the reply; fails with {@link JanusPluginException} on a plugin {@code error_code}
     */
    public CompletableFuture<JanusReply> message(JsonNode body, JsonNode jsep) {
        return message(body, jsep, RequestOptions.defaults());
    }

    /**
     * Sends a plugin message.
     *
     * @param body the plugin request, a JSON object
     * @param jsep nullable
     * @param options per-request options ({@code awaitEvent=false} completes on the ack; {@code
     *     failOnPluginError=false} returns plugin errors as normal replies)
     * @return the reply
     */
    public CompletableFuture<JanusReply> message(
            JsonNode body, JsonNode jsep, RequestOptions options) {
        ObjectNode fields = Frames.MAPPER.createObjectNode();
        fields.set("body", body);
        if (jsep != null) {
            fields.set("jsep", jsep);
        }
        return session.client().toCaller(request(RequestKind.MESSAGE, fields, options), options);
    }

    /**
     * Trickles one ICE candidate.
     *
     * @param candidate {@code {sdpMid, sdpMLineIndex, candidate}}
     * @return completes on the ack
     */
    public CompletableFuture<Void> trickle(JsonNode candidate) {
        return trickle(candidate, RequestOptions.defaults());
    }

    /**
     * Trickles one ICE candidate.
     *
     * @param candidate the candidate
     * @param options per-request options
     * @return completes on the ack
     */
    public CompletableFuture<Void> trickle(JsonNode candidate, RequestOptions options) {
        ObjectNode fields = Frames.MAPPER.createObjectNode();
        fields.set("candidate", candidate);
        return session.client()
                .toCaller(
                        request(RequestKind.TRICKLE, fields, options).thenApply(reply -> null),
                        options);
    }

    /**
     * Trickles several ICE candidates in one request.
     *
     * @param candidates the candidates
     * @return completes on the ack
     */
    public CompletableFuture<Void> trickle(List<JsonNode> candidates) {
        return trickle(candidates, RequestOptions.defaults());
    }

    /**
     * Trickles several ICE candidates in one request.
     *
     * @param candidates the candidates
     * @param options per-request options
     * @return completes on the ack
     */
    public CompletableFuture<Void> trickle(List<JsonNode> candidates, RequestOptions options) {
        ObjectNode fields = Frames.MAPPER.createObjectNode();
        fields.putArray("candidates").addAll(candidates);
        return session.client()
                .toCaller(
                        request(RequestKind.TRICKLE, fields, options).thenApply(reply -> null),
                        options);
    }

    /** Tells Janus that no more candidates will come. */
    public CompletableFuture<Void> trickleCompleted() {
        return trickleCompleted(RequestOptions.defaults());
    }

    /**
     * Tells Janus that no more candidates will come.
     *
     * @param options per-request options
     * @return completes on the ack
     */
    public CompletableFuture<Void> trickleCompleted(RequestOptions options) {
        return trickle(Frames.MAPPER.createObjectNode().put("completed", true), options);
    }

    /** Tears down the PeerConnection, keeping the handle. */
    public CompletableFuture<Void> hangup() {
        return hangup(RequestOptions.defaults());
    }

    /**
     * Tears down the PeerConnection, keeping the handle.
     *
     * @param options per-request options
     * @return completes on {@code success}
     */
    public CompletableFuture<Void> hangup(RequestOptions options) {
        return session.client()
                .toCaller(
                        request(RequestKind.HANGUP, null, options).thenApply(reply -> null),
                        options);
    }

    /** Detaches the handle (see {@link #detach(RequestOptions)}). */
    public CompletableFuture<Void> detach() {
        return detach(RequestOptions.defaults());
    }

    /**
     * Detaches the handle. Completes on Janus's {@code success} or the handle's {@code detached}
     * event, whichever comes first; the handle is then closed locally.
     *
     * @param options per-request options
     * @return completes when detached
     */
    public CompletableFuture<Void> detach(RequestOptions options) {
        return session.client()
                .toCaller(
                        request(RequestKind.DETACH, null, options)
                                .thenApply(
                                        reply -> {
                                            closeLocally(
                                                    new JanusClosedException("handle detached"));
                                            return null;
                                        }),
                        options);
    }

    /** Returns true once the handle is detached or its session ended. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Adds a listener for this handle's events.
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
        return "JanusHandle[" + id + ", " + plugin + (closed.get() ? ", closed" : "") + "]";
    }

    // ---- package-private ----

    List<JanusEventListener> listeners() {
        return listeners;
    }

    private CompletableFuture<JanusReply> request(
            RequestKind kind, ObjectNode fields, RequestOptions options) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new JanusClosedException("handle " + id + " is closed"));
        }
        return session.request(kind, id, fields, options);
    }

    /** Ends the handle here and fails its pending requests. */
    void closeLocally(JanusException cause) {
        if (closed.compareAndSet(false, true)) {
            session.handleClosed(this);
            session.client().handleClosed(this, cause);
        }
    }
}
