/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.jdk.JdkWebSocketTransportFactory;
import io.github.cameljanus.client.transport.tyrus.TyrusTransportFactory;

/** The WebSocket client a {@code janus:} or {@code janus-admin:} connection runs on. */
public enum JanusTransportType {
    /**
     * The JDK's own {@code java.net.http.WebSocket}, frames handled on its selector thread
     * (default: the cheaper one, see docs/performance.md).
     */
    jdk,
    /**
     * Tyrus, the JSR-356 reference client, on a Grizzly container: an optional dependency of the
     * component, which the application adds when it chooses it.
     */
    tyrus;

    /** The artifact transport=tyrus needs, and a class only it has. */
    static final String TYRUS_ARTIFACT = "org.glassfish.tyrus.bundles:tyrus-standalone-client";

    private static final String TYRUS_CLASS = "org.glassfish.tyrus.client.ClientManager";

    /** A factory of this transport's sockets, whose threads are named after {@code name}. */
    JanusTransportFactory factory(String name) {
        if (this == tyrus) {
            return new TyrusTransportFactory(name);
        }
        return new JdkWebSocketTransportFactory(
                name, JdkWebSocketTransportFactory.Delivery.SELECTOR);
    }

    /**
     * Checks that the client library of this transport is on the classpath.
     *
     * @throws IllegalArgumentException naming the missing artifact
     */
    void requireAvailable() {
        if (this != tyrus) {
            return; // the JDK's
        }
        try {
            Class.forName(TYRUS_CLASS, false, JanusTransportType.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "Option transport=tyrus needs Tyrus on the classpath: add the dependency "
                            + TYRUS_ARTIFACT
                            + " (version 2.2.x), or use transport=jdk (the default)",
                    e);
        }
    }
}
