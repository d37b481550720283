/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClientConfig;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options {@code janus:} and {@code janus-admin:} endpoints have in common: the request
 * deadline and how their connection is made, kept alive and closed. Each component's configuration
 * adds its own and says, once, how they all reach the client ({@link #clientConfig()}).
 */
@UriParams
public abstract class JanusConnectionConfiguration implements ConnectionOptions, Cloneable {

    @UriParam(label = "common", defaultValue = "10000", javaType = "java.time.Duration")
    private long requestTimeout = 10_000;

    @UriParam(label = "connection", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;

    @UriParam(label = "connection", defaultValue = "15000", javaType = "java.time.Duration")
    private long pingInterval = 15_000;

    @UriParam(label = "connection", defaultValue = "true")
    private boolean reconnect = true;

    @UriParam(label = "connection", defaultValue = "500", javaType = "java.time.Duration")
    private long reconnectInitialDelay = 500;

    @UriParam(label = "connection", defaultValue = "30000", javaType = "java.time.Duration")
    private long reconnectMaxDelay = 30_000;

    @UriParam(label = "connection", defaultValue = "-1")
    private int maxReconnectAttempts = -1;

    @UriParam(label = "connection", defaultValue = "5000", javaType = "java.time.Duration")
    private long shutdownTimeout = 5_000;

    @UriParam(label = "connection,advanced", defaultValue = "10000")
    private int maxPendingRequests = 10_000;

    @UriParam(label = "connection,advanced", defaultValue = "8388608")
    private int maxMessageSize = 8 * 1024 * 1024;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "connection")
    private String origin;

    @UriParam(label = "connection,advanced", defaultValue = "jdk")
    private JanusTransportType transport = JanusTransportType.jdk;

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Deadline for a request's final reply, in milliseconds (or a duration such as 10s); past it
     * the exchange fails with JanusTimeoutException.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Deadline for the WebSocket handshake, in milliseconds (or a duration such as 10s). */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getPingInterval() {
        return pingInterval;
    }

    /**
     * Period of the connection liveness probe (a Janus ping), in milliseconds (or a duration). No
     * pong before the next ping is due (at most 10 s) means the connection is dead: it is closed
     * and reconnected. A keepalive without answer counts the same. 0 disables the ping.
     */
    public void setPingInterval(long pingInterval) {
        this.pingInterval = pingInterval;
    }

    @Override
    public boolean isReconnect() {
        return reconnect;
    }

    /**
     * Reconnect with exponential backoff and full jitter after the connection is lost or a first
     * connect failed. In-flight requests fail at once; while disconnected requests fail fast.
     */
    public void setReconnect(boolean reconnect) {
        this.reconnect = reconnect;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /**
     * Upper bound of the first reconnect delay, in milliseconds (or a duration); the bound doubles
     * per failed round up to reconnectMaxDelay, and each delay is random below it.
     */
    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    @Override
    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** Cap of the reconnect delay, in milliseconds (or a duration). */
    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    @Override
    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /**
     * Reconnect rounds (each tries every address once) before giving up; -1 tries forever. After
     * giving up the endpoint stays down until a route using it is started again.
     */
    public void setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    @Override
    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Bound on destroying sessions and draining at stop, in milliseconds (or a duration); what is
     * still pending then fails with JanusClosedException.
     */
    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public int getMaxPendingRequests() {
        return maxPendingRequests;
    }

    /**
     * Requests in flight per connection (keepalives exempt); beyond it a request fails fast instead
     * of queueing.
     */
    public void setMaxPendingRequests(int maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    /** Largest inbound message in bytes; larger ones are discarded and counted. */
    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings for wss:// addresses. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getOrigin() {
        return origin;
    }

    /** Origin header sent on the WebSocket handshake (for Janus's enforce_cors). */
    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public JanusTransportType getTransport() {
        return transport;
    }

    /**
     * The WebSocket client of the connection. jdk (default): the JDK's java.net.http.WebSocket,
     * frames parsed on its selector thread with one hand-off per reply; measured cheaper than tyrus
     * in every benchmark workload (about half the CPU per request sequentially, a quarter less
     * under load) and at least as fast. tyrus: Tyrus, the JSR-356 reference client on Grizzly (one
     * reader and one worker thread per connection), kept for compatibility; an optional dependency:
     * add org.glassfish.tyrus.bundles:tyrus-standalone-client to choose it.
     */
    public void setTransport(JanusTransportType transport) {
        this.transport = transport;
    }

    /**
     * Checks the values of the options above that their types alone do not bound, so a bad URI
     * fails at endpoint creation naming the option and the value.
     */
    void validateCommon() {
        transport.requireAvailable();
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("maxPendingRequests", maxPendingRequests);
        requirePositive("maxMessageSize", maxMessageSize);
        if (pingInterval < 0) {
            throw new IllegalArgumentException(
                    "Option pingInterval must be 0 (off) or positive, got " + pingInterval);
        }
    }

    static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "Option " + option + " must be positive, got " + value);
        }
    }

    /** The client settings of the options above, with the transport's threads named so. */
    JanusClientConfig.Builder commonClientConfig(String threadNames) {
        return JanusClientConfig.builder()
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .pingInterval(Duration.ofMillis(pingInterval))
                .maxPendingRequests(maxPendingRequests)
                .maxMessageSize(maxMessageSize)
                .shutdownTimeout(Duration.ofMillis(shutdownTimeout))
                .reconnect(reconnect)
                .reconnectInitialDelay(Duration.ofMillis(reconnectInitialDelay))
                .reconnectMaxDelay(Duration.ofMillis(reconnectMaxDelay))
                .maxReconnectAttempts(maxReconnectAttempts)
                .origin(origin)
                .transportFactory(transport.factory(threadNames));
    }

    /** A field-by-field copy, for {@code copy()} of each component's configuration. */
    Object copyFields() {
        try {
            return clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
