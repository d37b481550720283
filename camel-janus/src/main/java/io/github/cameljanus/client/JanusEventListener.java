/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.concurrent.CompletionStage;

/**
 * Receives Janus events. Called on the client's dispatch executor, never on the socket's thread.
 * Events of one session (and so of each of its handles) reach listeners one at a time, in arrival
 * order: the next event of a session is delivered once every listener is done with the previous
 * one. Sessions are independent of each other. A listener slower than Janus fills the client's
 * bounded event queue; beyond {@code eventQueueSize} events are dropped and counted (see {@link
 * JanusClientMetrics#droppedEvents()}). What a listener throws is logged and does not stop
 * delivery.
 */
@FunctionalInterface
public interface JanusEventListener {
    /**
     * Handles one event.
     *
     * @param event the event
     */
    void onEvent(JanusEvent event);

    /**
     * Handles one event asynchronously: the next event of this session is delivered when the
     * returned stage completes, and no thread is held meanwhile. The default calls {@link
     * #onEvent(JanusEvent)} and is done when it returns.
     *
     * @param event the event
     * @return null or a completed stage when done now; else a stage that completes when done
     */
    default CompletionStage<?> onEventAsync(JanusEvent event) {
        onEvent(event);
        return null;
    }
}
