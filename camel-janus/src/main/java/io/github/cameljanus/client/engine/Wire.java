/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportListener;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One WebSocket of a client: its transport, its single writer, its single reader and its
 * transaction table. A reconnect makes a new one; an old one only ever goes down.
 */
public final class Wire implements JanusTransportListener {

    public final URI address;
    public final TransactionTable table;
    private final FrameReader reader;
    private final BiConsumer<Wire, JanusConnectionLostException> onLost;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile JanusTransport transport;
    private volatile SendQueue sendQueue;

    public Wire(
            URI address,
            TransactionTable table,
            int maxMessageSize,
            Counters counters,
            java.util.function.Consumer<ObjectNode> sink,
            BiConsumer<Wire, JanusConnectionLostException> onLost) {
        this.address = address;
        this.table = table;
        this.reader = new FrameReader(maxMessageSize, counters, sink);
        this.onLost = onLost;
    }

    /** Binds the opened transport; closes it at once if this connection already went down. */
    public void open(JanusTransport opened) {
        this.sendQueue = new SendQueue(opened);
        this.transport = opened;
        if (down.get()) {
            opened.close();
        }
    }

    /** Queues a message on the single writer. */
    public CompletableFuture<Void> send(String text) {
        SendQueue queue = sendQueue;
        if (queue == null || down.get()) {
            return CompletableFuture.failedFuture(
                    new JanusConnectionLostException("not connected to " + address));
        }
        return queue.send(text);
    }

    /**
     * Marks this connection down: nothing more is sent on it.
     *
     * @return false when it was already down (so callers act once)
     */
    public boolean markDown() {
        return down.compareAndSet(false, true);
    }

    /** Fails what is pending and closes the socket; call after {@link #markDown()}. */
    public void release(JanusException failure) {
        table.failAll(failure);
        JanusTransport current = transport;
        if (current != null) {
            current.close();
        }
    }

    /** {@link #markDown()} then {@link #release(JanusException)}, once. */
    public void shutdown(JanusException failure) {
        if (markDown()) {
            release(failure);
        }
    }

    public boolean isDown() {
        return down.get();
    }

    @Override
    public void onText(CharSequence fragment, boolean last) {
        reader.onText(fragment, last);
    }

    @Override
    public void onBinary(ByteBuffer fragment, boolean last) {
        reader.onBinary(fragment, last);
    }

    @Override
    public void onClose(int code, String reason) {
        onLost.accept(
                this,
                new JanusConnectionLostException(
                        "WebSocket to " + address + " closed: " + code + " " + reason));
    }

    @Override
    public void onError(Throwable error) {
        onLost.accept(
                this,
                new JanusConnectionLostException(
                        "WebSocket to " + address + " failed: " + error, error));
    }
}
