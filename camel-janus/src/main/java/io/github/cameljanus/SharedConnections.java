/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClientMetrics;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;

/**
 * The component's shared connections by key. Consumers and producers acquire one when they start
 * and release it when they stop; the last release closes it.
 */
final class SharedConnections {

    private final Map<ConnectionKey, SharedConnection> connections = new HashMap<>();

    synchronized SharedConnection acquire(CamelContext context, ConnectionKey key)
            throws GeneralSecurityException {
        SharedConnection connection = connections.get(key);
        if (connection == null) {
            connection = new SharedConnection(context, key);
            connections.put(key, connection);
        }
        connection.retain();
        connection.connectInBackground();
        return connection;
    }

    /**
     * Releases one use; the last one closes the connection. The close runs outside this lock: it
     * waits (session destroys, the pools' drain), and other routes' starts and stops must not.
     */
    void release(SharedConnection connection) {
        boolean last;
        synchronized (this) {
            last = connection.release();
            if (last) {
                connections.remove(connection.key(), connection);
            }
        }
        if (last) {
            connection.close();
        }
    }

    /** The open connection of this key, or null (JMX reads it without acquiring one). */
    synchronized SharedConnection find(ConnectionKey key) {
        return connections.get(key);
    }

    /** The counters of the open connection of this key; zeros while it has none (JMX). */
    JanusClientMetrics metrics(ConnectionKey key) {
        SharedConnection connection = key == null ? null : find(key);
        return connection == null
                ? new JanusClientMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                : connection.client().metrics();
    }

    /** The state of the open connection of this key; NONE while it has none (JMX). */
    String state(ConnectionKey key) {
        SharedConnection connection = key == null ? null : find(key);
        return connection == null ? "NONE" : connection.client().state().name();
    }

    /** The open connections now, a snapshot (for tests and diagnostics). */
    synchronized java.util.List<SharedConnection> snapshot() {
        return java.util.List.copyOf(connections.values());
    }

    synchronized int size() {
        return connections.size();
    }
}
