/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport.tyrus;

import io.github.cameljanus.client.transport.HandshakeFailures;
import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.NamedThreadFactory;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

/**
 * Opens WebSockets with Tyrus, the JSR-356 reference client, on a Grizzly container. Each transport
 * gets its own {@link ClientManager} whose selector and worker threads are named {@code
 * <prefix>-ws-...} and end when the transport closes.
 */
public final class TyrusTransportFactory implements JanusTransportFactory {

    /**
     * Grizzly logs "Adjusting kernel thread pool..." at INFO through java.util.logging for every
     * connection; JUL loggers are weakly referenced, so keep the one whose level is set.
     */
    @SuppressWarnings("UnusedVariable") // held only so JUL does not forget the level set on it
    private static final java.util.logging.Logger GRIZZLY_TRANSPORT_LOG =
            quiet("org.glassfish.grizzly.nio.NIOTransport");

    private final String threadNamePrefix;

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(java.util.logging.Level.WARNING);
        }
        return logger;
    }

    /** A factory naming its threads {@code janus-ws-...}. */
    public TyrusTransportFactory() {
        this("janus");
    }

    /**
     * A factory naming its threads {@code <threadNamePrefix>-ws-...}.
     *
     * @param threadNamePrefix the prefix
     */
    public TyrusTransportFactory(String threadNamePrefix) {
        this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
    }

    @Override
    public CompletableFuture<JanusTransport> connect(
            URI uri,
            String subprotocol,
            String origin,
            SSLContext sslContext,
            Duration connectTimeout,
            JanusTransportListener listener) {
        CompletableFuture<JanusTransport> result = new CompletableFuture<>();
        AtomicReference<ClientManager> manager = new AtomicReference<>();
        // Tyrus connects synchronously; a short-lived thread keeps the caller non-blocking.
        Thread connector =
                new NamedThreadFactory(threadNamePrefix, "connect")
                        .newThread(
                                () -> {
                                    try {
                                        TyrusTransport transport =
                                                open(
                                                        uri,
                                                        subprotocol,
                                                        origin,
                                                        sslContext,
                                                        connectTimeout,
                                                        listener,
                                                        manager);
                                        if (!result.complete(transport)) {
                                            transport.close(); // cancelled meanwhile
                                        }
                                    } catch (RuntimeException e) {
                                        result.completeExceptionally(e);
                                    }
                                });
        // Cancelling (the client closes) aborts a handshake in progress: its threads end now.
        CompletableFuture<?> unused =
                result.whenComplete(
                        (transport, error) -> {
                            if (error instanceof CancellationException) {
                                ClientManager opening = manager.get();
                                if (opening != null) {
                                    opening.shutdown();
                                }
                                connector.interrupt(); // Tyrus waits for the handshake
                            }
                        });
        connector.start();
        return result;
    }

    private TyrusTransport open(
            URI uri,
            String subprotocol,
            String origin,
            SSLContext sslContext,
            Duration connectTimeout,
            JanusTransportListener listener,
            AtomicReference<ClientManager> opening) {
        NamedThreadFactory threads = new NamedThreadFactory(threadNamePrefix, "ws");
        ClientManager manager = ClientManager.createClient(GrizzlyClientContainer.class.getName());
        opening.set(manager);
        Map<String, Object> properties = manager.getProperties();
        properties.put(
                ClientProperties.HANDSHAKE_TIMEOUT,
                (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        properties.put(
                GrizzlyClientProperties.SELECTOR_THREAD_POOL_CONFIG,
                singleThreadPool(threads, "selector"));
        properties.put(
                GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG,
                singleThreadPool(threads, "worker"));
        if (sslContext != null) {
            properties.put(
                    ClientProperties.SSL_ENGINE_CONFIGURATOR,
                    new SslEngineConfigurator(sslContext, true, false, false));
        }
        ClientEndpointConfig endpointConfig =
                ClientEndpointConfig.Builder.create()
                        .preferredSubprotocols(List.of(subprotocol))
                        .configurator(new OriginConfigurator(origin))
                        .build();
        TyrusTransport transport = new TyrusTransport(manager, listener, threads);
        Session session;
        try {
            session = manager.connectToServer(transport, endpointConfig, uri);
        } catch (Exception e) {
            manager.shutdown();
            throw HandshakeFailures.of(uri, e);
        }
        if (!subprotocol.equals(session.getNegotiatedSubprotocol())) {
            transport.close();
            throw HandshakeFailures.handshakeFailed(
                    uri,
                    "server selected subprotocol '" + session.getNegotiatedSubprotocol() + "'",
                    null);
        }
        return transport;
    }

    private static ThreadPoolConfig singleThreadPool(NamedThreadFactory threads, String role) {
        // One connection per manager: one selector and one worker thread read it in order.
        return ThreadPoolConfig.defaultConfig()
                .copy()
                .setPoolName(role)
                .setCorePoolSize(1)
                .setMaxPoolSize(1)
                .setDaemon(true)
                .setThreadFactory(threads);
    }

    /** Adds the Origin header when one is configured. */
    private static final class OriginConfigurator extends ClientEndpointConfig.Configurator {
        private final String origin;

        OriginConfigurator(String origin) {
            this.origin = origin;
        }

        @Override
        public void beforeRequest(Map<String, List<String>> headers) {
            if (origin != null) {
                headers.put("Origin", List.of(origin));
            }
        }
    }
}
