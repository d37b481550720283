/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport.jdk;

import io.github.cameljanus.client.Failures;
import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.transport.HandshakeFailures;
import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.NamedThreadFactory;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Opens WebSockets with the JDK's own client, {@code java.net.http.WebSocket}: no third-party
 * library, and (measured, see docs/performance.md) the cheapest JVM WebSocket client for Janus's
 * small request/reply frames.
 *
 * <p>Each transport gets its own {@link HttpClient}. How received frames reach the client is set by
 * {@link Delivery}:
 *
 * <ul>
 *   <li>{@link Delivery#SELECTOR} (default): the HttpClient's executor runs its tasks in place, so
 *       the listener runs on the HttpClient's selector thread; the client only assembles, parses
 *       and routes there, and hands each completed request off once, to its dispatch executor. No
 *       pool thread is woken per frame. A send runs on the thread that issues it (a dispatch
 *       thread, a caller), and the selector thread finishes it only when the socket buffer was
 *       full. Nothing the client runs on that thread blocks.
 *   <li>{@link Delivery#POOLED}: the HttpClient's executor is an owned single thread named {@code
 *       <prefix>-ws-n}, as the stock HttpClient does with its own pool: one more thread switch per
 *       frame (kept for comparison and for listeners that cannot promise not to block).
 * </ul>
 *
 * The future of {@link #connect} completes on a short-lived {@code <prefix>-connect-n} thread,
 * never on the selector thread. Closing a transport sends a close frame, then aborts the socket and
 * stops the owned executor. The HttpClient's selector thread is named by the JDK ({@code
 * HttpClient-n-SelectorManager}); on Java 21+ close stops it at once ({@code
 * HttpClient.shutdownNow()}), on Java 17 the JDK ends it by itself once the closed HttpClient is
 * unreachable (garbage collected).
 */
public final class JdkWebSocketTransportFactory implements JanusTransportFactory {

    /** Where the listener runs. */
    public enum Delivery {
        /** On the HttpClient's selector thread: no hand-off per frame (default). */
        SELECTOR,
        /** On an owned single-thread executor: one hand-off per frame, like the stock client. */
        POOLED
    }

    /**
     * The HttpClients made by transports, weakly: on Java 17 a client's selector thread ends only
     * once the client is unreachable, which leak checks verify with {@link #reachableHttpClients}.
     */
    private static final Set<WeakReference<HttpClient>> CREATED = ConcurrentHashMap.newKeySet();

    private final String threadNamePrefix;
    private final Delivery delivery;

    /** A factory with {@link Delivery#SELECTOR}, naming its threads {@code janus-...}. */
    public JdkWebSocketTransportFactory() {
        this("janus", Delivery.SELECTOR);
    }

    /**
     * A factory.
     *
     * @param threadNamePrefix the prefix of the threads it creates
     * @param delivery where the listener runs
     */
    public JdkWebSocketTransportFactory(String threadNamePrefix, Delivery delivery) {
        this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /** Returns where the listener runs. */
    public Delivery delivery() {
        return delivery;
    }

    @Override
    public CompletableFuture<JanusTransport> connect(
            URI uri,
            String subprotocol,
            String origin,
            SSLContext sslContext,
            Duration connectTimeout,
            JanusTransportListener listener) {
        ExecutorService owned = delivery == Delivery.POOLED ? singleThread() : null;
        Executor executor = owned != null ? owned : Runnable::run;
        JdkWebSocketTransport transport = new JdkWebSocketTransport(listener, owned);
        HttpClient.Builder clientBuilder =
                HttpClient.newBuilder().executor(executor).connectTimeout(connectTimeout);
        if (sslContext != null) {
            clientBuilder.sslContext(sslContext);
        }
        CompletableFuture<WebSocket> opening;
        try {
            HttpClient http = clientBuilder.build();
            CREATED.removeIf(ref -> ref.get() == null);
            CREATED.add(new WeakReference<>(http));
            transport.bind(http);
            WebSocket.Builder builder =
                    http.newWebSocketBuilder()
                            .subprotocols(subprotocol)
                            .connectTimeout(connectTimeout);
            if (origin != null) {
                builder.header("Origin", origin);
            }
            opening = builder.buildAsync(uri, transport.jdkListener());
        } catch (RuntimeException e) {
            transport.release();
            return CompletableFuture.failedFuture(HandshakeFailures.of(uri, e));
        }
        CompletableFuture<JanusTransport> result = new CompletableFuture<>();
        NamedThreadFactory connectThreads = new NamedThreadFactory(threadNamePrefix, "connect");
        // Complete off the selector thread: whatever the caller chains on this must not run there.
        Executor completer = task -> connectThreads.newThread(task).start();
        CompletableFuture<?> unused =
                opening.whenCompleteAsync(
                        (ws, error) -> {
                            if (error != null) {
                                transport.release();
                                result.completeExceptionally(
                                        HandshakeFailures.of(uri, Failures.unwrap(error)));
                            } else if (transport.isClosed() || result.isCancelled()) {
                                // Cancelled (the client closed) while the handshake ran: the
                                // socket and its HttpClient must not outlive the attempt.
                                ws.abort();
                                transport.release();
                                result.completeExceptionally(
                                        new JanusClosedException(
                                                "transport closed while connecting to " + uri));
                            } else if (!subprotocol.equals(ws.getSubprotocol())) {
                                transport.close();
                                result.completeExceptionally(
                                        HandshakeFailures.handshakeFailed(
                                                uri,
                                                "server selected subprotocol '"
                                                        + ws.getSubprotocol()
                                                        + "'",
                                                null));
                            } else {
                                result.complete(transport);
                            }
                        },
                        completer);
        CompletableFuture<?> unusedCancellation =
                result.whenComplete(
                        (done, error) -> {
                            if (error instanceof CancellationException) {
                                opening.cancel(true);
                            }
                        });
        return result;
    }

    /**
     * Returns how many HttpClients made by transports are still reachable (not yet garbage
     * collected); with every transport closed and released this drops to 0 after a GC.
     */
    public static int reachableHttpClients() {
        CREATED.removeIf(ref -> ref.get() == null);
        return CREATED.size();
    }

    private ExecutorService singleThread() {
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>(),
                        new NamedThreadFactory(threadNamePrefix, "ws"));
        return executor;
    }

    @Override
    public String toString() {
        return "JdkWebSocketTransportFactory[" + delivery + "]";
    }
}
