/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClientMetrics;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

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
@ManagedResource(description = "Managed Janus endpoint: its connection's state and counters")
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
    private volatile ConnectionKey connectionKey;

    JanusEndpoint(String uri, JanusComponent component, String address, List<URI> addresses) {
        super(uri, component);
        this.address = address;
        this.addresses = addresses;
    }

    /** Checks options that cannot be checked one at a time, so a bad URI fails at creation. */
    void validate() {
        eventTypes = JanusEventTypes.parse(configuration.getEventTypes());
        configuration.validateCommon();
        JanusConnectionConfiguration.requirePositive(
                "eventQueueSize", configuration.getEventQueueSize());
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
        // A consumer's option: a component-wide default does not fail producers without a plugin.
        if (configuration.isManagedHandleOnly() && configuration.getPlugin() == null) {
            throw new IllegalArgumentException(
                    "Option managedHandleOnly=true needs the plugin option (the managed handle's"
                            + " plugin)");
        }
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
        JanusConfiguration options = configuration.copy();
        options.setSslContextParameters(
                getComponent().tls(configuration.getSslContextParameters()));
        ConnectionKey key = ConnectionKey.of("janus", addresses, options);
        connectionKey = key;
        return getComponent().connections().acquire(getCamelContext(), key);
    }

    /** The client's counters of the endpoint's connection; zeros while it has none. */
    private JanusClientMetrics metrics() {
        return getComponent().connections().metrics(connectionKey);
    }

    @ManagedAttribute(
            description = "State of the endpoint's connection (NONE before a route uses it)")
    public String getConnectionState() {
        return getComponent().connections().state(connectionKey);
    }

    @ManagedAttribute(description = "Live sessions of the endpoint's connection")
    public int getSessions() {
        ConnectionKey key = connectionKey;
        SharedConnection connection = key == null ? null : getComponent().connections().find(key);
        return connection == null ? 0 : connection.client().sessions().size();
    }

    @ManagedAttribute(description = "Requests waiting for their final reply now")
    public int getPendingRequests() {
        return metrics().pendingRequests();
    }

    @ManagedAttribute(description = "Events waiting for the consumers now")
    public int getQueuedEvents() {
        return metrics().queuedEvents();
    }

    @ManagedAttribute(description = "Events handed to the consumers")
    public long getEventsDelivered() {
        return metrics().eventsDelivered();
    }

    @ManagedAttribute(description = "Events dropped because the event queue was full")
    public long getDroppedEvents() {
        return metrics().droppedEvents();
    }

    @ManagedAttribute(description = "Connections that went away without a close")
    public long getConnectionsLost() {
        return metrics().connectionsLost();
    }

    @ManagedAttribute(description = "Connections re-established after a loss or a failed first try")
    public long getReconnects() {
        return metrics().reconnects();
    }

    @ManagedAttribute(description = "Sessions claimed successfully after a reconnect")
    public long getSessionsReclaimed() {
        return metrics().sessionsReclaimed();
    }

    @ManagedAttribute(description = "Sessions reported lost")
    public long getSessionsLost() {
        return metrics().sessionsLost();
    }

    @ManagedAttribute(description = "Inbound messages that were not a JSON object")
    public long getMalformedFrames() {
        return metrics().malformedFrames();
    }

    @ManagedAttribute(description = "Inbound messages discarded for exceeding maxMessageSize")
    public long getOversizedMessages() {
        return metrics().oversizedMessages();
    }

    @ManagedAttribute(description = "Replies for a transaction no longer (or never) known")
    public long getLateReplies() {
        return metrics().lateReplies();
    }

    @ManagedAttribute(description = "Inbound frames of a type the client does not know")
    public long getUnknownEventTypes() {
        return metrics().unknownEventTypes();
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
