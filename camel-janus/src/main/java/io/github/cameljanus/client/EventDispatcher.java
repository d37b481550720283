/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to listeners on the dispatch executor, never on the socket's thread.
 *
 * <p>Ordering: events of one session (so also of one handle) go through one serial lane and reach
 * listeners in arrival order. Lanes are a fixed set of stripes chosen by session id, so unrelated
 * sessions run in parallel and no per-session state is ever left behind.
 *
 * <p>Bound: at most {@code capacity} events wait per connection. When listeners are slower than
 * Janus the queue fills; further events are dropped (never blocking the reader) and counted, with
 * one WARN per burst of drops and one INFO when delivery catches up.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int LANES = 64;
    private static final int BATCH = 64;

    private final Executor executor;
    private final int capacity;
    private final Counters counters;
    private final Lane[] lanes = new Lane[LANES];
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean overflowing = new AtomicBoolean();

    EventDispatcher(Executor executor, int capacity, Counters counters) {
        this.executor = executor;
        this.capacity = capacity;
        this.counters = counters;
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /**
     * Queues an event for its listeners, read when it is delivered.
     *
     * @param sessionId the lane key
     * @param event the event
     * @param listenerGroups the listener lists to call in order (handle, session, client)
     */
    void submit(
            long sessionId,
            JanusEvent event,
            List<? extends Iterable<JanusEventListener>> listenerGroups) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            counters.droppedEvents.increment();
            if (overflowing.compareAndSet(false, true)) {
                LOG.warn(
                        "Event listeners are slower than Janus: {} events queued, dropping events"
                                + " until they catch up (see metrics droppedEvents)",
                        capacity);
            }
            return;
        }
        Lane lane = lanes[Math.floorMod(Long.hashCode(sessionId), LANES)];
        lane.events.add(new Delivery(event, listenerGroups));
        lane.schedule();
    }

    /** Returns how many events wait for delivery. */
    int queued() {
        return queued.get();
    }

    private record Delivery(
            JanusEvent event, List<? extends Iterable<JanusEventListener>> listenerGroups) {}

    private final class Lane implements Runnable {
        final Queue<Delivery> events = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this);
                } catch (RejectedExecutionException e) {
                    refused(e);
                }
            }
        }

        /**
         * The executor refused the lane: the lane's events are dropped and counted. Expected while
         * the client closes (nobody listens any more); otherwise the executor cannot queue tasks,
         * which a client's dispatch executor must do, and that is reported.
         */
        private void refused(RejectedExecutionException e) {
            scheduled.set(
                    false); // first: an event added meanwhile is drained here or by its own submit
            int dropped = 0;
            while (events.poll() != null) {
                dropped++;
            }
            queued.addAndGet(-dropped);
            counters.droppedEvents.add(dropped);
            if (executor instanceof ExecutorService service && service.isShutdown()) {
                LOG.debug("Dropped {} events: the dispatch executor is shut down", dropped);
            } else {
                LOG.warn(
                        "Dropped {} events: the dispatch executor refused them (it must queue"
                                + " tasks while its threads are busy): {}",
                        dropped,
                        e.toString());
            }
        }

        @Override
        public void run() {
            for (int i = 0; i < BATCH; i++) {
                Delivery delivery = events.poll();
                if (delivery == null) {
                    break;
                }
                deliver(delivery);
            }
            scheduled.set(false);
            if (!events.isEmpty()) {
                // Yield the executor thread to other lanes, then continue.
                schedule();
            }
        }

        private void deliver(Delivery delivery) {
            int left = queued.decrementAndGet();
            for (Iterable<JanusEventListener> group : delivery.listenerGroups()) {
                for (JanusEventListener listener : group) {
                    try {
                        listener.onEvent(delivery.event());
                    } catch (RuntimeException e) {
                        LOG.warn("An event listener failed on {}", delivery.event(), e);
                    }
                }
            }
            counters.eventsDelivered.increment();
            if (left < capacity / 2 && overflowing.compareAndSet(true, false)) {
                LOG.info("Event listeners caught up; events are delivered again");
            }
        }
    }
}
