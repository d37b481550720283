/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Drive the Janus WebRTC Server over its WebSocket API: consume its events and send it requests
 * (sessions, plugin handles, messages with JSEP, trickle, hangup) correlated by transaction.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "janus",
        title = "Janus",
        syntax = "janus:address",
        category = {Category.NETWORKING},
        headersClass = JanusConstants.class)
public class JanusEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

    @UriPath(
            description =
                    "The Janus WebSocket API address, ws://host:port[/path] or wss://..., or a"
                            + " comma-separated list of them for failover")
    @Metadata(required = true)
    private final String address;

    @UriParam private JanusConfiguration configuration;

    private final List<URI> addresses;
    private Set<String> eventTypes;

    JanusEndpoint(String uri, JanusComponent component, String address, List<URI> addresses) {
        super(uri, component);
        this.address = address;
        this.addresses = addresses;
    }

    /** Checks options that cannot be checked one at a time, so a bad URI fails at creation. */
    void validate() {
        eventTypes = JanusEventTypes.parse(configuration.getEventTypes());
        configuration.getTransport().requireAvailable();
        requirePositive("requestTimeout", configuration.getRequestTimeout());
        requirePositive("connectTimeout", configuration.getConnectTimeout());
        requirePositive("maxPendingRequests", configuration.getMaxPendingRequests());
        requirePositive("maxMessageSize", configuration.getMaxMessageSize());
        requirePositive("eventQueueSize", configuration.getEventQueueSize());
        if (configuration.getPingInterval() < 0) {
            throw new IllegalArgumentException(
                    "Option pingInterval must be 0 (off) or positive, got "
                            + configuration.getPingInterval());
        }
        if (configuration.isManagedHandleOnly() && configuration.getPlugin() == null) {
            throw new IllegalArgumentException(
                    "Option managedHandleOnly=true needs the plugin option (the managed handle's"
                            + " plugin)");
        }
        if (configuration.getSessionId() < 0 || configuration.getHandleId() < 0) {
            throw new IllegalArgumentException(
                    "Options sessionId and handleId are Janus ids (positive) or 0 (any), got"
                            + " sessionId="
                            + configuration.getSessionId()
                            + ", handleId="
                            + configuration.getHandleId());
        }
        if (configuration.getKeepAliveInterval() < -1) {
            throw new IllegalArgumentException(
                    "Option keepAliveInterval must be -1 (derived), 0 (off) or positive, got "
                            + configuration.getKeepAliveInterval());
        }
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "Option " + option + " must be positive, got " + value);
        }
    }

    @Override
    public JanusComponent getComponent() {
        return (JanusComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new JanusProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JanusConsumer consumer = new JanusConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * A consumer is one listener on the shared connection, so several routes may consume the same
     * URI: each gets every event.
     */
    @Override
    public boolean isMultipleConsumersSupported() {
        return true;
    }

    /** Acquires the shared connection for this endpoint's connection options. */
    SharedConnection acquireConnection() throws Exception {
        SSLContextParameters tls = configuration.getSslContextParameters();
        if (tls == null) {
            tls = getComponent().retrieveGlobalSslContextParameters();
        }
        ConnectionKey key = ConnectionKey.of(addresses, configuration, tls);
        return getComponent().connections().acquire(getCamelContext(), key);
    }

    void releaseConnection(SharedConnection connection) {
        getComponent().connections().release(connection);
    }

    public String getAddress() {
        return address;
    }

    List<URI> addresses() {
        return addresses;
    }

    /** The event types the consumer delivers, or null for all. */
    Set<String> eventTypes() {
        return eventTypes;
    }

    public JanusConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(JanusConfiguration configuration) {
        this.configuration = configuration;
    }
}
