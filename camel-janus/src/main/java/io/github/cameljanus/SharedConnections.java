/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

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
        return connection;
    }

    synchronized void release(SharedConnection connection) {
        if (connection.release()) {
            connections.remove(connection.key());
        }
    }

    /** The open connections now, a snapshot (for tests and diagnostics). */
    synchronized java.util.List<SharedConnection> snapshot() {
        return java.util.List.copyOf(connections.values());
    }

    synchronized int size() {
        return connections.size();
    }
}
