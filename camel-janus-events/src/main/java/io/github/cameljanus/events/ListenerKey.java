/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What defines a listener: its address, and the options its endpoints must agree on. TLS settings
 * compare by identity: endpoints naming the same bean share.
 */
record ListenerKey(
        String host, int port, int maxMessageSize, SSLContextParameters sslContextParameters) {

    /** The address alone, which two listeners cannot share. */
    String address() {
        return host + ":" + port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListenerKey key
                && host.equals(key.host)
                && port == key.port
                && maxMessageSize == key.maxMessageSize
                && sslContextParameters == key.sslContextParameters;
    }

    @Override
    public int hashCode() {
        return address().hashCode();
    }

    @Override
    public String toString() {
        return address();
    }
}
