/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;

/**
 * The component's listeners by address. Consumers acquire one when they start and release it when
 * they stop; the last release closes it. Endpoints on one address must agree on its options.
 */
final class EventListeners {

    private final Map<String, EventListener> listeners = new HashMap<>();

    synchronized EventListener acquire(CamelContext context, Vertx vertx, ListenerKey key)
            throws Exception {
        EventListener listener = listeners.get(key.address());
        if (listener != null && !listener.key().equals(key)) {
            throw new IllegalArgumentException(
                    "janus-events endpoints on "
                            + key.address()
                            + " share one listener and must agree on maxMessageSize and"
                            + " sslContextParameters");
        }
        if (listener == null) {
            listener = new EventListener(context, vertx, key);
            try {
                listener.start().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                listener.stop();
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (Exception e) {
                listener.stop(); // a late bind must not leave the port open
                throw e;
            }
            listeners.put(key.address(), listener);
        }
        listener.retain();
        return listener;
    }

    /** Releases one use; the last one closes the listener (outside this lock: it waits). */
    void release(EventListener listener) {
        boolean last;
        synchronized (this) {
            last = listener.release();
            if (last) {
                listeners.remove(listener.key().address(), listener);
            }
        }
        if (last) {
            listener.stop();
        }
    }

    /** The open listeners now, a snapshot. */
    synchronized List<EventListener> snapshot() {
        return List.copyOf(listeners.values());
    }
}
