/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/**
 * Receives Janus events. Called on the client's dispatch executor, never on the socket's thread;
 * calls for one handle (or, for session-level events, one session) are serial and in arrival order.
 * A listener slower than Janus fills the client's bounded event queue; beyond {@code
 * eventQueueSize} events are dropped and counted (see {@link JanusClientMetrics#droppedEvents()}).
 * An exception thrown here is logged and does not stop delivery.
 */
@FunctionalInterface
public interface JanusEventListener {
    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(JanusEvent event);
}
