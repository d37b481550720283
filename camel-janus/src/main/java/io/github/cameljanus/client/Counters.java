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

    JanusClientMetrics snapshot(int pendingRequests) {
        return new JanusClientMetrics(
                pendingRequests,
                malformedFrames.sum(),
                oversizedMessages.sum(),
                lateReplies.sum(),
                droppedEvents.sum(),
                errorsWithoutTransaction.sum(),
                eventsDelivered.sum());
    }
}
