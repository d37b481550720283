/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.vertx.common.VertxHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener on a host and port, shared by the endpoints of that address: a Vert.x HTTP server
 * that takes the WebSockets event handler's connections ({@code janus-event-handlers}) and the HTTP
 * event handler's POSTs, and hands each message's events to the consumer of its path. It runs on
 * Vert.x's event loop and never runs route code: a consumer's {@link EventQueue} does.
 */
final class EventListener {

    /** The subprotocol Janus's WebSockets event handler asks for. */
    static final String SUBPROTOCOL = "janus-event-handlers";

    /**
     * A POST whose events wait for room is answered by then anyway: sampleevh times out at 10 s.
     */
    static final long POST_MAX_WAIT_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);

    private final CamelContext camelContext;
    private final Vertx vertx;
    private final ListenerKey key;
    private final Map<String, PushTarget> targets = new ConcurrentHashMap<>();
    private final Map<ServerWebSocket, String> sockets = new ConcurrentHashMap<>();
    private final EventCounters counters = new EventCounters();
    private HttpServer server;
    private int users;

    EventListener(CamelContext camelContext, Vertx vertx, ListenerKey key) {
        this.camelContext = camelContext;
        this.vertx = vertx;
        this.key = key;
    }

    /** Listens; the returned stage completes once bound (or fails naming the address). */
    CompletableFuture<Void> start() throws Exception {
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost(key.host())
                        .setPort(key.port())
                        .setMaxWebSocketFrameSize(key.maxMessageSize())
                        .setMaxWebSocketMessageSize(key.maxMessageSize())
                        .setWebSocketSubProtocols(List.of(SUBPROTOCOL))
                        .setDecompressionSupported(true)
                        // HTTP/1.1 only, as Janus speaks: an h2c upgrade would skip the inflater
                        .setHttp2ClearTextEnabled(false);
        if (key.sslContextParameters() != null) {
            VertxHelper.setupSSLOptions(camelContext, key.sslContextParameters(), options);
        }
        server = vertx.createHttpServer(options);
        server.webSocketHandler(this::webSocket);
        server.requestHandler(this::request);
        CompletableFuture<Void> bound = new CompletableFuture<>();
        server.listen()
                .onSuccess(s -> bound.complete(null))
                .onFailure(
                        e ->
                                bound.completeExceptionally(
                                        new IllegalStateException(
                                                "janus-events cannot listen on "
                                                        + key.host()
                                                        + ":"
                                                        + key.port()
                                                        + ": "
                                                        + e.getMessage(),
                                                e)));
        return bound;
    }

    /** Stops listening and closes every pushing socket. */
    void stop() {
        HttpServer current = server;
        if (current != null) {
            try {
                current.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Closing the janus-events listener on {}: {}", key, e.getMessage());
            }
        }
    }

    /** The port listened on (the one asked, or the one chosen for port 0). */
    int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    ListenerKey key() {
        return key;
    }

    EventCounters counters() {
        return counters;
    }

    /** Routes the pushes to {@code path} to {@code target}. */
    void register(String path, PushTarget target) {
        PushTarget previous = targets.putIfAbsent(path, target);
        if (previous != null) {
            throw new IllegalStateException(
                    "Another janus-events consumer already listens on " + key + path);
        }
    }

    /** Stops routing {@code path}; its pushing sockets are closed, so Janus holds its events. */
    void unregister(String path, PushTarget target) {
        if (targets.remove(path, target)) {
            sockets.forEach(
                    (socket, socketPath) -> {
                        if (socketPath.equals(path)) {
                            socket.close((short) 1001, "consumer stopped");
                        }
                    });
        }
    }

    /** Called under the lock of {@link EventListeners}. */
    void retain() {
        users++;
    }

    /** Called under the lock of {@link EventListeners}; true when this was the last user. */
    boolean release() {
        return --users == 0;
    }

    private void webSocket(ServerWebSocket socket) {
        PushTarget target = targets.get(socket.path());
        if (target == null) {
            counters.refused();
            socket.reject(404);
            return;
        }
        if (!target.acceptsWebSocket(socket.query())) {
            counters.refused();
            target.refused("a WebSocket from " + socket.remoteAddress() + " without the secret");
            socket.reject(401);
            return;
        }
        socket.accept();
        sockets.put(socket, socket.path());
        socket.closeHandler(closed -> sockets.remove(socket));
        socket.binaryMessageHandler(binary -> counters.malformed()); // Janus sends text
        socket.textMessageHandler(
                text -> {
                    List<ObjectNode> events;
                    try {
                        events = JanusEvents.parse(text, counters::skipped);
                    } catch (IllegalArgumentException e) {
                        counters.malformed();
                        target.malformed(e.getMessage());
                        return;
                    }
                    counters.pushed(events.size());
                    CompletableFuture<Void> room = target.offer(events);
                    if (room.isCompletedExceptionally()) {
                        socket.close((short) 1001, "consumer stopping"); // Janus keeps them
                        return;
                    }
                    if (!room.isDone()) {
                        counters.heldBack();
                        socket.pause();
                        Context context = vertx.getOrCreateContext();
                        CompletableFuture<?> unused =
                                room.whenComplete(
                                        (done, error) ->
                                                context.runOnContext(v -> socket.resume()));
                    }
                });
    }

    private void request(HttpServerRequest request) {
        PushTarget target = targets.get(request.path());
        if (target == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (!"POST".equals(request.method().name())) {
            request.response().setStatusCode(405).putHeader("Allow", "POST").end();
            return;
        }
        if (!target.acceptsPost(request.getHeader("Authorization"))) {
            counters.refused();
            target.refused("a POST from " + request.remoteAddress() + " without valid credentials");
            request.response()
                    .setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Basic realm=\"janus-events\"")
                    .end();
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(
                chunk -> {
                    if (request.response().ended()) {
                        return; // refused as too large already
                    }
                    if (body.length() + chunk.length() > key.maxMessageSize()) {
                        counters.oversized();
                        request.response().setStatusCode(413).end();
                        request.connection().close();
                        return;
                    }
                    body.appendBuffer(chunk);
                });
        request.endHandler(end -> posted(request, target, body));
    }

    private void posted(HttpServerRequest request, PushTarget target, Buffer body) {
        if (request.response().ended()) {
            return; // refused as too large
        }
        List<ObjectNode> events;
        try {
            events = JanusEvents.parse(body.toString(), counters::skipped);
        } catch (IllegalArgumentException e) {
            counters.malformed();
            target.malformed(e.getMessage());
            request.response()
                    .setStatusCode(400)
                    .putHeader("Content-Type", "text/plain")
                    .end(e.getMessage());
            return;
        }
        counters.pushed(events.size());
        CompletableFuture<Void> room = target.offer(events);
        if (room.isCompletedExceptionally()) {
            request.response().setStatusCode(503).end(); // not taken: the consumer is stopping
            return;
        }
        if (room.isDone()) {
            request.response().setStatusCode(200).end();
            return;
        }
        // accepted already (never dropped): the answer waits for room, but for this POST only
        // at most POST_MAX_WAIT_MILLIS, well under Janus's 10 s; other pushers keep waiting
        counters.heldBack();
        // both answers run on the request's own context: one of them ends the response
        Context context = vertx.getOrCreateContext();
        long timer = vertx.setTimer(POST_MAX_WAIT_MILLIS, t -> answer(request));
        CompletableFuture<?> unused =
                room.whenComplete(
                        (done, error) ->
                                context.runOnContext(
                                        v -> {
                                            vertx.cancelTimer(timer);
                                            answer(request);
                                        }));
    }

    /** Answers an accepted POST once (by the room or by its timer, whichever is first). */
    private static void answer(HttpServerRequest request) {
        if (!request.response().ended()) {
            request.response().setStatusCode(200).end();
        }
    }

    @Override
    public String toString() {
        return "EventListener[" + key + "]";
    }

    /** What the listener hands pushes to: a consumer. */
    interface PushTarget {
        boolean acceptsWebSocket(String query);

        boolean acceptsPost(String authorization);

        CompletableFuture<Void> offer(List<ObjectNode> events);

        void refused(String what);

        void malformed(String why);
    }
}
