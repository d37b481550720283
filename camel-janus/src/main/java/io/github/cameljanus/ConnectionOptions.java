/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClientConfig;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What a {@link SharedConnection} is made from: the configuration of an endpoint of {@code janus:}
 * or {@code janus-admin:}. Which of its options split connections is said by the component's
 * metadata (the groups connection and security, read by {@link ConnectionKey}); how they reach the
 * client is said once per component, by {@link #clientConfig()}.
 */
interface ConnectionOptions {

    SSLContextParameters getSslContextParameters();

    long getShutdownTimeout();

    boolean isReconnect();

    long getReconnectMaxDelay();

    int getMaxReconnectAttempts();

    /**
     * The client settings these options map to, the one mapping of a component; the connection adds
     * the addresses, the TLS context and the threads.
     */
    JanusClientConfig.Builder clientConfig();
}
