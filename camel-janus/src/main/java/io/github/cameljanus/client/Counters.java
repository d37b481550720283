/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.concurrent.atomic.LongAdder;

/** The client's live counters; {@link JanusClientMetrics} is a snapshot of them. */
final class Counters {
    final LongAdder malformedFrames = new LongAdder();
    final LongAdder oversizedMessages = new LongAdder();
    final LongAdder lateReplies = new LongAdder();
    final LongAdder droppedEvents = new LongAdder();
    final LongAdder errorsWithoutTransaction = new LongAdder();
    final LongAdder eventsDelivered = new LongAdder();
    final LongAdder eventsWithoutListener = new LongAdder();
    final LongAdder binaryMessages = new LongAdder();
    final LongAdder unknownEventTypes = new LongAdder();
    final LongAdder connectionsLost = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder sessionsReclaimed = new LongAdder();
    final LongAdder sessionsLost = new LongAdder();

    JanusClientMetrics snapshot(int pendingRequests, int queuedEvents) {
        return new JanusClientMetrics(
                pendingRequests,
                malformedFrames.sum(),
                oversizedMessages.sum(),
                lateReplies.sum(),
                droppedEvents.sum(),
                errorsWithoutTransaction.sum(),
                eventsDelivered.sum(),
                binaryMessages.sum(),
                unknownEventTypes.sum(),
                connectionsLost.sum(),
                reconnects.sum(),
                sessionsReclaimed.sum(),
                sessionsLost.sum(),
                queuedEvents,
                eventsWithoutListener.sum());
    }
}
