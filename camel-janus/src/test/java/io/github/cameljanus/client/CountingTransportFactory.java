/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.tyrus.TyrusTransportFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Wraps the Tyrus transport and measures how many sends are in flight at once. Each send is held
 * open a little longer than the socket needs, so two overlapping sends could not go unnoticed.
 */
final class CountingTransportFactory implements JanusTransportFactory {

    private static final Executor LINGER =
            CompletableFuture.delayedExecutor(300, TimeUnit.MICROSECONDS);

    private final JanusTransportFactory delegate = new TyrusTransportFactory();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();

    int maxInFlight() {
        return maxInFlight.get();
    }

    int sends() {
        return sends.get();
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
                .thenApply(this::counting);
    }

    private JanusTransport counting(JanusTransport transport) {
        return new JanusTransport() {
            @Override
            public CompletableFuture<Void> sendText(String text) {
                sends.incrementAndGet();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return transport
                        .sendText(text)
                        .thenApplyAsync(ignored -> (Void) null, LINGER)
                        .whenComplete((ignored, error) -> inFlight.decrementAndGet());
            }

            @Override
            public void close() {
                transport.close();
            }
        };
    }
}
