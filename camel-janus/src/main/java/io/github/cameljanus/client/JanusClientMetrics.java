/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/**
 * A snapshot of a client's counters, taken by {@link JanusClient#metrics()}.
 *
 * @param pendingRequests requests waiting for their final reply now
 * @param malformedFrames inbound messages that were not a JSON object
 * @param oversizedMessages inbound messages discarded for exceeding {@code maxMessageSize}
 * @param lateReplies replies for a transaction this client no longer (or never) knew
 * @param droppedEvents events dropped because the event queue was full
 * @param errorsWithoutTransaction Janus {@code error} frames carrying no transaction
 * @param eventsDelivered events handed to listeners
 * @param binaryMessages inbound binary messages (parsed as JSON, as Janus does)
 * @param unknownEventTypes inbound frames of a type this client does not know (passed to listeners
 *     under their own name)
 * @param connectionsLost connections that went away without {@code close()}
 * @param reconnects connections re-established after a loss or a failed first attempt
 * @param sessionsReclaimed sessions claimed successfully after a reconnect
 * @param sessionsLost sessions reported {@link JanusEvent#SESSION_LOST}
 * @param queuedEvents events waiting for listeners now (at most {@code eventQueueSize})
 * @param eventsWithoutListener events dropped at once because no listener (handle, session or
 *     client) was registered when they arrived; they never wake a dispatch thread
 */
public record JanusClientMetrics(
        int pendingRequests,
        long malformedFrames,
        long oversizedMessages,
        long lateReplies,
        long droppedEvents,
        long errorsWithoutTransaction,
        long eventsDelivered,
        long binaryMessages,
        long unknownEventTypes,
        long connectionsLost,
        long reconnects,
        long sessionsReclaimed,
        long sessionsLost,
        int queuedEvents,
        long eventsWithoutListener) {}
