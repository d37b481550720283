/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport.tyrus;

import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.NamedThreadFactory;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.tyrus.client.ClientManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link JanusTransport} on a Tyrus session; owns its {@link ClientManager}. */
final class TyrusTransport extends Endpoint implements JanusTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TyrusTransport.class);

    private final ClientManager manager;
    private final JanusTransportListener listener;
    private final NamedThreadFactory threads;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private volatile Session session;

    TyrusTransport(
            ClientManager manager, JanusTransportListener listener, NamedThreadFactory threads) {
        this.manager = manager;
        this.listener = listener;
        this.threads = threads;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) listener::onText);
        session.addMessageHandler(
                ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) listener::onBinary);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (closeReported.compareAndSet(false, true)) {
            listener.onClose(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        listener.onError(error);
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Session current = session;
        if (current == null || !current.isOpen()) {
            sent.completeExceptionally(new IOException("WebSocket is not open"));
            return sent;
        }
        try {
            current.getAsyncRemote()
                    .sendText(
                            text,
                            result -> {
                                if (result.isOK()) {
                                    sent.complete(null);
                                } else {
                                    sent.completeExceptionally(result.getException());
                                }
                            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Reported first: the server's answer to our close frame must not be what the listener
        // hears of a close we made.
        if (closeReported.compareAndSet(false, true)) {
            listener.onClose(CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(), "closed");
        }
        if (threads.isOwnThread()) {
            // Grizzly cannot stop the pool of the thread running this: hand off to a short-lived
            // one.
            threads.newThread(this::release).start();
        } else {
            release();
        }
    }

    private void release() {
        Session current = session;
        try {
            if (current != null && current.isOpen()) {
                current.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the WebSocket failed", e);
        } finally {
            manager.shutdown();
        }
    }
}
