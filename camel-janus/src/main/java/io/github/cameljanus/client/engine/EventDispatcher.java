/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import io.github.cameljanus.client.JanusConnectionListener;
import io.github.cameljanus.client.JanusEvent;
import io.github.cameljanus.client.JanusEventListener;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events and connection changes to listeners on the dispatch executor, never on the socket's
 * thread.
 *
 * <p>Ordering: each session has its own lane, and so has the connection (its up/down changes). A
 * lane delivers one item at a time: the next one once every listener is done with the previous one,
 * also when a listener finishes asynchronously ({@link
 * JanusEventListener#onEventAsync(JanusEvent)}), and no thread is held while a listener's stage is
 * pending. Lanes are independent: a slow session holds back only itself. A lane exists while it has
 * work and is removed when it drains, so nothing is left behind for a session that ended.
 *
 * <p>Bound: at most {@code capacity} events wait per connection. When listeners are slower than
 * Janus the queue fills; further events are dropped (never blocking the reader) and counted, with
 * one WARN per burst of drops and one INFO when delivery catches up. Connection changes are never
 * dropped.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    /** The lane of connection changes: no session has this id. */
    private static final long CONNECTION_LANE = Long.MIN_VALUE;

    /** Items a lane delivers in a row before it yields its thread to other lanes. */
    private static final int BATCH = 64;

    private final Executor executor;
    private final int capacity;
    private final Counters counters;
    private final BooleanSupplier closing;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean overflowing = new AtomicBoolean();

    public EventDispatcher(
            Executor executor, int capacity, Counters counters, BooleanSupplier closing) {
        this.executor = executor;
        this.capacity = capacity;
        this.counters = counters;
        this.closing = closing;
    }

    /**
     * Queues an event for its listeners, read when it is delivered.
     *
     * @param sessionId the lane
     * @param event the event
     * @param listenerGroups the listener lists to call in order (handle, session, client)
     * @param delivered completed when the event was delivered or dropped; nullable
     */
    public void submit(
            long sessionId,
            JanusEvent event,
            List<? extends Iterable<JanusEventListener>> listenerGroups,
            CompletableFuture<Void> delivered) {
        if (!reserve()) {
            counters.droppedEvents.increment();
            if (overflowing.compareAndSet(false, true)) {
                LOG.warn(
                        "Event listeners are slower than Janus: {} events queued, dropping events"
                                + " until they catch up (see metrics droppedEvents)",
                        capacity);
            }
            if (delivered != null) {
                delivered.complete(null);
            }
            return;
        }
        enqueue(sessionId, new EventDelivery(event, listenerGroups, delivered));
    }

    /** Takes a place in the bound; never lets the count pass it, not even for an instant. */
    private boolean reserve() {
        while (true) {
            int now = queued.get();
            if (now >= capacity) {
                return false;
            }
            if (queued.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Queues {@code connected} for the connection listeners, after every earlier change. */
    public void connected(Iterable<JanusConnectionListener> listeners, URI address) {
        enqueue(
                CONNECTION_LANE,
                new ConnectionDelivery(listeners, l -> l.onConnectedAsync(address), "connected"));
    }

    /** Queues {@code disconnected} for the connection listeners, after every earlier change. */
    public void disconnected(Iterable<JanusConnectionListener> listeners, Throwable reason) {
        enqueue(
                CONNECTION_LANE,
                new ConnectionDelivery(
                        listeners, l -> l.onDisconnectedAsync(reason), "disconnected"));
    }

    /** Returns how many events wait for delivery. */
    public int queued() {
        return queued.get();
    }

    /** Returns how many lanes have work now (for tests: drained lanes are removed). */
    int activeLanes() {
        return lanes.size();
    }

    private void enqueue(long key, Delivery delivery) {
        Lane[] start = new Lane[1];
        lanes.compute(
                key,
                (k, lane) -> {
                    Lane target = lane != null ? lane : new Lane(k);
                    target.items.add(delivery);
                    if (!target.active) {
                        target.active = true;
                        start[0] = target;
                    }
                    return target;
                });
        if (start[0] != null) {
            start[0].schedule();
        }
    }

    /** The calls of {@code call} on each listener, made one at a time as the lane asks. */
    private static <L> Iterator<Supplier<CompletionStage<?>>> callsOf(
            Iterator<L> listeners, Function<L, CompletionStage<?>> call) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return listeners.hasNext();
            }

            @Override
            public Supplier<CompletionStage<?>> next() {
                L listener = listeners.next();
                return () -> call.apply(listener);
            }
        };
    }

    /** One queued item: the calls to make, one after the other. */
    private abstract static class Delivery {
        /** The calls, created when delivery starts (listeners are read then). */
        abstract Iterator<Supplier<CompletionStage<?>>> calls();

        /** Done with the last call, or dropped. */
        void finished() {}

        /** True for an event counted against the bound. */
        boolean counted() {
            return false;
        }
    }

    private final class EventDelivery extends Delivery {
        private final JanusEvent event;
        private final List<? extends Iterable<JanusEventListener>> groups;
        private final CompletableFuture<Void> delivered;

        EventDelivery(
                JanusEvent event,
                List<? extends Iterable<JanusEventListener>> groups,
                CompletableFuture<Void> delivered) {
            this.event = event;
            this.groups = groups;
            this.delivered = delivered;
        }

        @Override
        Iterator<Supplier<CompletionStage<?>>> calls() {
            int left = queued.decrementAndGet();
            if (left < capacity / 2 && overflowing.compareAndSet(true, false)) {
                LOG.info("Event listeners caught up; events are delivered again");
            }
            List<JanusEventListener> listeners = new ArrayList<>();
            groups.forEach(group -> group.forEach(listeners::add));
            return callsOf(listeners.iterator(), listener -> listener.onEventAsync(event));
        }

        @Override
        void finished() {
            counters.eventsDelivered.increment();
            if (delivered != null) {
                delivered.complete(null);
            }
        }

        @Override
        boolean counted() {
            return true;
        }

        @Override
        public String toString() {
            return event.toString();
        }
    }

    private static final class ConnectionDelivery extends Delivery {
        private final Iterable<JanusConnectionListener> listeners;
        private final Function<JanusConnectionListener, CompletionStage<?>> call;
        private final String name;

        ConnectionDelivery(
                Iterable<JanusConnectionListener> listeners,
                Function<JanusConnectionListener, CompletionStage<?>> call,
                String name) {
            this.listeners = listeners;
            this.call = call;
            this.name = name;
        }

        @Override
        Iterator<Supplier<CompletionStage<?>>> calls() {
            return callsOf(listeners.iterator(), call);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The items of one session (or of the connection). {@code items} and {@code active} change only
     * inside {@code lanes.compute} for this key, so an item is either taken by the running lane or
     * starts a new one, never both and never neither. The rest is touched only by the one thread
     * running the lane at a time.
     */
    private final class Lane implements Runnable {
        final long key;
        final ArrayDeque<Delivery> items = new ArrayDeque<>();
        boolean active;
        private Delivery current;
        private Iterator<Supplier<CompletionStage<?>>> calls;

        Lane(long key) {
            this.key = key;
        }

        void schedule() {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                refused(e);
            }
        }

        @Override
        public void run() {
            int budget = BATCH;
            while (true) {
                if (calls == null) {
                    if (budget-- == 0) {
                        schedule(); // yields the thread to other lanes; stays active
                        return;
                    }
                    current = take();
                    if (current == null) {
                        return; // drained and removed
                    }
                    calls = current.calls();
                }
                while (calls.hasNext()) {
                    CompletableFuture<?> pending = call(calls.next());
                    if (pending != null) {
                        CompletableFuture<?> unused =
                                pending.whenComplete((value, error) -> resumeAfter(error));
                        return;
                    }
                }
                finish();
            }
        }

        /** Calls one listener; returns its stage when it is still running, else null. */
        private CompletableFuture<?> call(Supplier<CompletionStage<?>> listenerCall) {
            try {
                CompletionStage<?> stage = listenerCall.get();
                if (stage == null) {
                    return null;
                }
                CompletableFuture<?> future = stage.toCompletableFuture();
                return future.isDone() ? null : future;
            } catch (RuntimeException | Error e) {
                // An Error too: a lane that stopped here would hold its session's events for ever.
                LOG.warn("A listener failed on {}", current, e);
                return null;
            }
        }

        private void resumeAfter(Throwable error) {
            if (error != null) {
                LOG.warn("A listener failed on {}", current, error);
            }
            schedule();
        }

        private void finish() {
            Delivery done = current;
            current = null;
            calls = null;
            done.finished();
        }

        /** The next item, or null after removing the drained lane. */
        private Delivery take() {
            Delivery[] next = new Delivery[1];
            lanes.compute(
                    key,
                    (k, lane) -> {
                        next[0] = items.poll();
                        if (next[0] == null) {
                            active = false;
                            return null;
                        }
                        return lane;
                    });
            return next[0];
        }

        /**
         * The executor refused the lane: its items are dropped and counted. Expected while the
         * client closes (nobody listens any more); otherwise the executor cannot queue tasks, which
         * a client's dispatch executor must do, and that is reported.
         */
        private void refused(RejectedExecutionException e) {
            int dropped = 0;
            if (current != null) {
                dropped += drop(current, current.counted() && calls == null);
                current = null;
                calls = null;
            }
            for (Delivery item = take(); item != null; item = take()) {
                dropped += drop(item, item.counted());
            }
            counters.droppedEvents.add(dropped);
            if (closing.getAsBoolean()
                    || (executor instanceof ExecutorService service && service.isShutdown())) {
                LOG.debug("Dropped {} events: the dispatch executor is shut down", dropped);
            } else {
                LOG.warn(
                        "Dropped {} events: the dispatch executor refused them (it must queue"
                                + " tasks while its threads are busy): {}",
                        dropped,
                        e.toString());
            }
        }

        private int drop(Delivery item, boolean stillQueued) {
            if (stillQueued) {
                queued.decrementAndGet();
            }
            if (item instanceof EventDelivery event && event.delivered != null) {
                event.delivered.complete(null);
            }
            return item.counted() ? 1 : 0;
        }
    }
}
