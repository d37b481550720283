/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/** Opens {@link JanusTransport}s; the client's only dependency on a WebSocket library. */
public interface JanusTransportFactory {

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
