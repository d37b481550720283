/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's events between the listener and the route: in arrival order, delivered one at a time
 * on the consumer's own thread (never on the listener's event loop), the next once the previous
 * exchange is done. Bounded without dropping: when more than {@code capacity} events wait, {@link
 * #offer} returns a stage that completes once there is room again, and the listener holds the
 * pushing WebSocket (or the POST's answer) until then. So at most one batch per pushing connection
 * waits beyond the bound.
 */
final class EventQueue {

    /** Delivers one item; like Camel's async processor, returns true when done synchronously. */
    @FunctionalInterface
    interface Delivery {
        boolean deliver(List<ObjectNode> item, DoneCallback done);
    }

    /** Called once per delivered item. */
    @FunctionalInterface
    interface DoneCallback {
        void done(boolean doneSync);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

    private static final CompletableFuture<Void> ROOM = CompletableFuture.completedFuture(null);

    /** What a closed queue answers: the events were not taken. */
    private static final CompletableFuture<Void> NOT_TAKEN =
            CompletableFuture.failedFuture(
                    new IllegalStateException("The janus-events consumer is stopping"));

    private final Queue<List<ObjectNode>> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final int capacity;
    private final boolean batch;
    private final Executor executor;
    private final Delivery delivery;
    private CompletableFuture<Void> room = ROOM;
    private long waits;
    private volatile boolean closed;

    /**
     * @param batch true to deliver each offered list as one item, false one item per event
     */
    EventQueue(int capacity, boolean batch, Executor executor, Delivery delivery) {
        this.capacity = capacity;
        this.batch = batch;
        this.executor = executor;
        this.delivery = delivery;
    }

    /**
     * Queues the events of one pushed message (never drops them).
     *
     * @return a completed stage while there is room; else one that completes when there is; failed
     *     when the queue is closed and the events were not taken
     */
    CompletableFuture<Void> offer(List<ObjectNode> events) {
        int now;
        synchronized (this) {
            // checked and enqueued under the lock close() takes: nothing lands after a close
            if (closed) {
                return NOT_TAKEN; // a push that raced the consumer's stop: nothing would route it
            }
            if (events.isEmpty()) {
                return ROOM;
            }
            if (batch) {
                items.add(List.copyOf(events));
            } else {
                for (ObjectNode event : events) {
                    items.add(List.of(event));
                }
            }
            now = size.addAndGet(events.size());
        }
        CompletableFuture<Void> wait = ROOM;
        if (now > capacity) {
            synchronized (this) {
                if (room.isDone()) {
                    room = new CompletableFuture<>();
                    waits++;
                }
                wait = room;
            }
            if (size.get() <= capacity || closed) {
                freeRoom(); // drained meanwhile
            }
        }
        schedule();
        return wait;
    }

    /** Events waiting now. */
    int size() {
        return size.get();
    }

    /** How often the queue was full and made a pusher wait. */
    synchronized long waits() {
        return waits;
    }

    /** Drops what waits (the consumer stops) and lets every waiting pusher go. */
    int close() {
        int dropped = 0;
        synchronized (this) {
            closed = true;
            for (List<ObjectNode> item = items.poll(); item != null; item = items.poll()) {
                dropped += item.size();
                size.addAndGet(-item.size());
            }
        }
        freeRoom();
        return dropped;
    }

    private void schedule() {
        if (!closed && draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            List<ObjectNode> item = closed ? null : items.poll();
            if (item == null) {
                draining.set(false);
                // an offer between the poll and the reset found draining set: look again
                if (closed || items.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            boolean sync;
            try {
                sync =
                        delivery.deliver(
                                item,
                                doneSync -> {
                                    delivered(item.size());
                                    if (!doneSync) {
                                        executor.execute(this::drain);
                                    }
                                });
            } catch (RuntimeException e) {
                // an event that cannot even become an exchange must not stall the queue
                LOG.warn("Skipped a Janus event that could not be routed: {}", e.toString());
                delivered(item.size());
                continue;
            }
            if (!sync) {
                return; // the callback goes on
            }
        }
    }

    private void delivered(int events) {
        if (size.addAndGet(-events) <= capacity) {
            freeRoom();
        }
    }

    private void freeRoom() {
        CompletableFuture<Void> waiting;
        synchronized (this) {
            waiting = room;
        }
        waiting.complete(null);
    }
}
