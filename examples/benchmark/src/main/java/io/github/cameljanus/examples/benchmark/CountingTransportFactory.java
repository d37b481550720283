/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.JanusTransportListener;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/** W4 (client mode): counts the keepalive requests the client sends. */
final class CountingTransportFactory implements JanusTransportFactory {

    private final JanusTransportFactory delegate;
    private final LongAdder keepalives = new LongAdder();

    CountingTransportFactory(JanusTransportFactory delegate) {
        this.delegate = delegate;
    }

    long keepalives() {
        return keepalives.sum();
    }

    @Override
    public CompletableFuture<JanusTransport> connect(
            URI uri,
            String subprotocol,
            String origin,
            SSLContext sslContext,
            Duration connectTimeout,
            JanusTransportListener listener) {
        return delegate.connect(uri, subprotocol, origin, sslContext, connectTimeout, listener)
                .thenApply(
                        transport ->
                                new JanusTransport() {
                                    @Override
                                    public CompletableFuture<Void> sendText(String text) {
                                        if (text.contains("\"janus\":\"keepalive\"")) {
                                            keepalives.increment();
                                        }
                                        return transport.sendText(text);
                                    }

                                    @Override
                                    public void close() {
                                        transport.close();
                                    }
                                });
    }
}
