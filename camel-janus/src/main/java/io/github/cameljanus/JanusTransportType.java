/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

/** The WebSocket client a {@code janus:} connection runs on. */
public enum JanusTransportType {
    /**
     * The JDK's own {@code java.net.http.WebSocket}, frames handled on its selector thread
     * (default: the cheaper one, see docs/performance.md).
     */
    jdk,
    /** Tyrus, the JSR-356 reference client, on a Grizzly container. */
    tyrus
}
