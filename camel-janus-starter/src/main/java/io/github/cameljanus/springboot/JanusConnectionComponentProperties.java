/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusTransportType;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.convert.DurationUnit;

/**
 * The properties {@code camel.component.janus.*} and {@code camel.component.janus-admin.*} have in
 * common: the connection options of JanusConnectionConfiguration and Camel's own component options.
 * ConfigurationMetadataTest keeps their descriptions and defaults equal to each component's.
 */
public abstract class JanusConnectionComponentProperties extends JanusComponentProperties {

    /**
     * Deadline for a request's final reply, in milliseconds (or a duration such as 10s); past it
     * the exchange fails with JanusTimeoutException.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration requestTimeout = Duration.ofSeconds(10);

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can
     * use this to allow CamelContext and routes to startup in situations where a producer may
     * otherwise fail during starting and cause the route to fail being started. By deferring this
     * startup to be lazy then the startup failure can be handled during routing messages via
     * Camel's routing error handlers. Beware that when the first message is processed then creating
     * and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /** Deadline for the WebSocket handshake, in milliseconds (or a duration such as 10s). */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Reconnect rounds (each tries every address once) before giving up; -1 tries forever. After
     * giving up the endpoint stays down until a route using it is started again.
     */
    private Integer maxReconnectAttempts = -1;

    /** Origin header sent on the WebSocket handshake (for Janus's enforce_cors). */
    private String origin;

    /**
     * The WebSocket client of the connection. jdk (default): the JDK's java.net.http.WebSocket,
     * frames parsed on its selector thread with one hand-off per reply; measured cheaper than tyrus
     * in every benchmark workload (about half the CPU per request sequentially, a quarter less
     * under load) and at least as fast. tyrus: Tyrus, the JSR-356 reference client on Grizzly (one
     * reader and one worker thread per connection), kept for compatibility; an optional dependency:
     * add org.glassfish.tyrus.bundles:tyrus-standalone-client to choose it.
     */
    private JanusTransportType transport = JanusTransportType.jdk;

    /**
     * Period of the connection liveness probe (a Janus ping), in milliseconds (or a duration). No
     * pong before the next ping is due (at most 10 s) means the connection is dead: it is closed
     * and reconnected. A keepalive without answer counts the same. 0 disables the ping.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration pingInterval = Duration.ofSeconds(15);

    /**
     * Reconnect with exponential backoff and full jitter after the connection is lost or a first
     * connect failed. In-flight requests fail at once; while disconnected requests fail fast.
     */
    private Boolean reconnect = true;

    /**
     * Upper bound of the first reconnect delay, in milliseconds (or a duration); the bound doubles
     * per failed round up to reconnectMaxDelay, and each delay is random below it.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration reconnectInitialDelay = Duration.ofMillis(500);

    /** Cap of the reconnect delay, in milliseconds (or a duration). */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration reconnectMaxDelay = Duration.ofSeconds(30);

    /**
     * Bound on destroying sessions and draining at stop, in milliseconds (or a duration); what is
     * still pending then fails with JanusClosedException.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration shutdownTimeout = Duration.ofSeconds(5);

    /** Largest inbound message in bytes; larger ones are discarded and counted. */
    private Integer maxMessageSize = 8388608;

    /**
     * Requests in flight per connection (keepalives exempt); beyond it a request fails fast instead
     * of queueing.
     */
    private Integer maxPendingRequests = 10000;

    /**
     * TLS settings for wss:// addresses. The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type; set it as a bean reference such as
     * #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(Integer maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public JanusTransportType getTransport() {
        return transport;
    }

    public void setTransport(JanusTransportType transport) {
        this.transport = transport;
    }

    public Duration getPingInterval() {
        return pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }

    public Boolean getReconnect() {
        return reconnect;
    }

    public void setReconnect(Boolean reconnect) {
        this.reconnect = reconnect;
    }

    public Duration getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(Duration reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public Duration getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Integer getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Integer getMaxPendingRequests() {
        return maxPendingRequests;
    }

    public void setMaxPendingRequests(Integer maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
