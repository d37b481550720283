/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import io.github.cameljanus.client.JanusClientMetrics;
import java.util.concurrent.atomic.LongAdder;

/** The client's live counters; {@link JanusClientMetrics} is a snapshot of them. */
public final class Counters {
    public final LongAdder malformedFrames = new LongAdder();
    final LongAdder oversizedMessages = new LongAdder();
    public final LongAdder lateReplies = new LongAdder();
    final LongAdder droppedEvents = new LongAdder();
    public final LongAdder errorsWithoutTransaction = new LongAdder();
    final LongAdder eventsDelivered = new LongAdder();
    public final LongAdder eventsWithoutListener = new LongAdder();
    final LongAdder binaryMessages = new LongAdder();
    public final LongAdder unknownEventTypes = new LongAdder();
    public final LongAdder connectionsLost = new LongAdder();
    public final LongAdder reconnects = new LongAdder();
    public final LongAdder sessionsReclaimed = new LongAdder();
    public final LongAdder sessionsLost = new LongAdder();

    public JanusClientMetrics snapshot(int pendingRequests, int queuedEvents) {
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
