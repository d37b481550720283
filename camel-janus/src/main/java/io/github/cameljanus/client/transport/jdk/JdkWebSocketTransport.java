/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport.jdk;

import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportListener;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JanusTransport} on the JDK's {@code java.net.http.WebSocket}; owns its {@link
 * HttpClient} and, in {@link JdkWebSocketTransportFactory.Delivery#POOLED} mode, its executor.
 *
 * <p>Receiving: every frame (or part of one: the JDK may split a frame's payload) is passed to the
 * client's listener as it comes, with its {@code last} flag; the listener copies what it keeps, so
 * the JDK may reuse its buffer at once. Demand is unbounded ({@code request(Long.MAX_VALUE)}): the
 * listener never blocks, so the reader is paced by the listener itself. Sending: one whole text
 * message per call; the client never has two sends in flight (the JDK would refuse the second).
 */
final class JdkWebSocketTransport implements JanusTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JdkWebSocketTransport.class);
    private static final long CLOSE_WAIT_MS = 1000;

    private final JanusTransportListener listener;
    private final ExecutorService ownedExecutor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private final JdkListener jdkListener = new JdkListener();
    private volatile HttpClient http;
    private volatile WebSocket socket;

    JdkWebSocketTransport(JanusTransportListener listener, ExecutorService ownedExecutor) {
        this.listener = listener;
        this.ownedExecutor = ownedExecutor;
    }

    void bind(HttpClient client) {
        this.http = client;
    }

    WebSocket.Listener jdkListener() {
        return jdkListener;
    }

    /** Returns true once {@link #close()} was called. */
    boolean isClosed() {
        return closed.get();
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        WebSocket current = socket;
        if (current == null || closed.get() || current.isOutputClosed()) {
            return CompletableFuture.failedFuture(new IOException("WebSocket is not open"));
        }
        try {
            return current.sendText(text, true).thenApply(ws -> (Void) null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Reported before the close frame goes out: the server's answer to it must not be what
        // the listener hears of a close we made.
        reportClose(WebSocket.NORMAL_CLOSURE, "closed");
        WebSocket current = socket;
        if (current == null) {
            release();
        } else {
            CompletableFuture<WebSocket> closing;
            try {
                closing = current.sendClose(WebSocket.NORMAL_CLOSURE, "");
            } catch (RuntimeException e) {
                closing = CompletableFuture.failedFuture(e);
            }
            // Never wait here (this may run on the selector thread): finish when the close frame
            // is out, or after a short bound if the socket cannot take it.
            CompletableFuture<?> unused =
                    closing.orTimeout(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)
                            .whenComplete(
                                    (ws, error) -> {
                                        current.abort();
                                        release();
                                    });
        }
    }

    /** Stops what this transport owns; safe on any thread, including the ones it owns. */
    void release() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        HttpClient client = http;
        http = null;
        if (client != null) {
            shutdownNow(client);
        }
    }

    private void reportClose(int code, String reason) {
        if (closeReported.compareAndSet(false, true)) {
            listener.onClose(code, reason);
        }
    }

    /** Java 21+ can stop an HttpClient (and its selector thread) at once; Java 17 cannot. */
    private static void shutdownNow(HttpClient client) {
        Method shutdownNow = SHUTDOWN_NOW;
        if (shutdownNow != null) {
            try {
                shutdownNow.invoke(client);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("HttpClient.shutdownNow failed", e);
            }
        }
    }

    private static final Method SHUTDOWN_NOW = findShutdownNow();

    private static Method findShutdownNow() {
        try {
            return HttpClient.class.getMethod("shutdownNow");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The JDK's callbacks; the JDK never overlaps them for one socket. */
    private final class JdkListener implements WebSocket.Listener {

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            if (closed.get()) {
                // Closed while the handshake was in flight: do not keep the late socket.
                webSocket.abort();
                return;
            }
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            listener.onText(data, last);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            listener.onBinary(data, last);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            return null; // the JDK answers with a pong by itself
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            reportClose(statusCode, reason);
            return null; // the JDK then answers the close frame
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (closed.get()) {
                LOG.debug("WebSocket error after close: {}", error.toString());
                return;
            }
            listener.onError(error);
            reportClose(1006, "failed: " + error);
        }
    }
}
