/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Hears the connection go up and down. Called on the client's dispatch executor, one call at a time
 * and in the order the changes happened (a {@code connected} never overtakes the {@code
 * disconnected} before it): the next notification waits until every listener is done with the
 * previous one.
 */
public interface JanusConnectionListener {
    /**
     * The connection is up, Janus answered {@code info} and the sessions of the client were claimed
     * (a session that could not be claimed got its {@code sessionLost} first).
     *
     * @param address the server address in use
     */
    default void onConnected(URI address) {}

    /**
     * The connection is gone: lost, declared dead (no {@code pong}), or closed.
     *
     * @param reason why: a {@link JanusConnectionLostException} for a loss, a {@link
     *     JanusClosedException} for {@code close()}
     */
    default void onDisconnected(Throwable reason) {}

    /**
     * {@link #onConnected(URI)}, asynchronously: the next notification waits for the stage.
     *
     * @param address the server address in use
     * @return null or a completed stage when done now; else a stage that completes when done
     */
    default CompletionStage<?> onConnectedAsync(URI address) {
        onConnected(address);
        return null;
    }

    /**
     * {@link #onDisconnected(Throwable)}, asynchronously: the next notification waits for the
     * stage.
     *
     * @param reason why
     * @return null or a completed stage when done now; else a stage that completes when done
     */
    default CompletionStage<?> onDisconnectedAsync(Throwable reason) {
        onDisconnected(reason);
        return null;
    }
}
