/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport;

/**
 * One open WebSocket to Janus. The client never calls {@link #sendText(String)} again before the
 * previous send completed.
 */
public interface JanusTransport {

    /**
     * Sends one whole text message.
     *
     * @param text the message
     * @return completes when the message was handed to the network, exceptionally when it could not
     *     be
     */
    java.util.concurrent.CompletableFuture<Void> sendText(String text);

    /**
     * Closes the socket and releases every thread and resource the transport owns. Idempotent; does
     * not throw. The listener gets {@code onClose} unless it was already told.
     */
    void close();
}
