/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/**
 * Told when the client's WebSocket opens and when it goes away. Called on the client's dispatch
 * executor.
 */
public interface JanusConnectionListener {
    /**
     * The connection is up and Janus answered {@code info}.
     *
     * @param address the server address in use
     */
    default void onConnected(java.net.URI address) {}

    /**
     * The connection is gone: lost, declared dead (no {@code pong}), or closed.
     *
     * @param reason why: a {@link JanusConnectionLostException} for a loss, a {@link
     *     JanusClosedException} for {@code close()}
     */
    default void onDisconnected(Throwable reason) {}
}
