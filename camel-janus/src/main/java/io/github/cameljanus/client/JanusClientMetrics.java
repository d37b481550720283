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
 */
public record JanusClientMetrics(
        int pendingRequests,
        long malformedFrames,
        long oversizedMessages,
        long lateReplies,
        long droppedEvents,
        long errorsWithoutTransaction,
        long eventsDelivered) {}
