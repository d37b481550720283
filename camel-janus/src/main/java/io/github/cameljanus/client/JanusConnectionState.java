/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/**
 * The connection state machine: {@code DISCONNECTED -> CONNECTING -> CONNECTED}, back to {@code
 * DISCONNECTED} on a loss (from where a reconnect may start), and {@code CLOSED} for good after
 * {@code close()}.
 */
public enum JanusConnectionState {
    /** No socket: not connected yet, or lost. */
    DISCONNECTED,
    /** Opening the socket and probing Janus with {@code info}. */
    CONNECTING,
    /** Open; requests can be sent. */
    CONNECTED,
    /** Closed by {@code close()}; final. */
    CLOSED
}
