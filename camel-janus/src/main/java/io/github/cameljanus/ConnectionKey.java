/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.net.URI;
import java.util.List;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What defines a connection: endpoints with equal keys share one. Consumer- and producer-only
 * options (eventTypes, operation, awaitEvent, requestTimeout, plugin, ...) are not part of it.
 * SSLContextParameters compare by identity: endpoints naming the same bean share.
 */
record ConnectionKey(
        List<URI> addresses,
        String apiSecret,
        String token,
        SSLContextParameters sslContextParameters,
        String origin,
        JanusTransportType transport,
        long connectTimeout,
        long keepAliveInterval,
        long pingInterval,
        boolean reconnect,
        long reconnectInitialDelay,
        long reconnectMaxDelay,
        int maxReconnectAttempts,
        boolean reclaim,
        int eventQueueSize,
        boolean destroySessionsOnStop,
        long shutdownTimeout,
        int maxPendingRequests,
        int maxMessageSize) {

    static ConnectionKey of(
            List<URI> addresses, JanusConfiguration c, SSLContextParameters sslContextParameters) {
        return new ConnectionKey(
                addresses,
                c.getApiSecret(),
                c.getToken(),
                sslContextParameters,
                c.getOrigin(),
                c.getTransport(),
                c.getConnectTimeout(),
                c.getKeepAliveInterval(),
                c.getPingInterval(),
                c.isReconnect(),
                c.getReconnectInitialDelay(),
                c.getReconnectMaxDelay(),
                c.getMaxReconnectAttempts(),
                c.isReclaim(),
                c.getEventQueueSize(),
                c.isDestroySessionsOnStop(),
                c.getShutdownTimeout(),
                c.getMaxPendingRequests(),
                c.getMaxMessageSize());
    }

    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "ConnectionKey" + addresses;
    }
}
