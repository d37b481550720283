/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport;

import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.transport.jdk.JdkWebSocketTransportFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/** Opens {@link JanusTransport}s; the client's only dependency on a WebSocket library. */
public interface JanusTransportFactory {

    /**
     * The transport a client uses when its configuration names none: the JDK's WebSocket, frames
     * handled on its selector thread (the cheaper one, docs/performance.md). The one place that
     * picks it, so the client's API depends on no transport implementation.
     *
     * @param threadNamePrefix the prefix of the threads it starts
     */
    static JanusTransportFactory defaultFactory(String threadNamePrefix) {
        return new JdkWebSocketTransportFactory(
                threadNamePrefix, JdkWebSocketTransportFactory.Delivery.SELECTOR);
    }

    /**
     * Opens a WebSocket.
     *
     * @param uri the ws:// or wss:// address
     * @param subprotocol the subprotocol to offer and require ({@code janus-protocol})
     * @param origin the Origin header, nullable
     * @param sslContext the TLS context for wss, nullable (the JVM default)
     * @param connectTimeout the time allowed for TCP connect, TLS and the upgrade
     * @param listener receives messages, close and errors
     * @return completes with the open transport, or exceptionally with a {@link JanusException}
     */
    CompletableFuture<JanusTransport> connect(
            URI uri,
            String subprotocol,
            String origin,
            SSLContext sslContext,
            Duration connectTimeout,
            JanusTransportListener listener);
}
