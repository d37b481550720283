/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClientMetrics;
import java.net.URI;
import java.util.List;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Drive the Janus WebRTC Server through its Admin API: sessions and handles of every client,
 * per-handle WebRTC state and stats, tokens, log levels, captures, draining, plugin requests
 * without a session; or poll one of them on a schedule.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "janus-admin",
        title = "Janus Admin",
        syntax = "janus-admin:address",
        category = {Category.NETWORKING, Category.MONITORING},
        headersClass = JanusAdminConstants.class)
@ManagedResource(description = "Managed Janus Admin endpoint: its connection's state and counters")
public class JanusAdminEndpoint extends ScheduledPollEndpoint {

    @UriPath(
            description =
                    "The Janus Admin API WebSocket address, ws://host:port[/path] or wss://..., or"
                            + " a comma-separated list of them for failover")
    @Metadata(required = true)
    private final String address;

    @UriParam private JanusAdminConfiguration configuration;

    private final List<URI> addresses;
    private ObjectNode parameters;
    private volatile ConnectionKey connectionKey;

    JanusAdminEndpoint(
            String uri, JanusAdminComponent component, String address, List<URI> addresses) {
        super(uri, component);
        this.address = address;
        this.addresses = addresses;
    }

    /** Checks options that cannot be checked one at a time, so a bad URI fails at creation. */
    void validate() {
        configuration.validateCommon();
        if (configuration.getSessionId() < 0 || configuration.getHandleId() < 0) {
            throw new IllegalArgumentException(
                    "Options sessionId and handleId are Janus ids (positive) or 0 (none), got"
                            + " sessionId="
                            + configuration.getSessionId()
                            + ", handleId="
                            + configuration.getHandleId());
        }
        try {
            parameters = JanusJson.toObject(configuration.getParameters(), "Option parameters");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    e.getMessage() + " (value '" + configuration.getParameters() + "')", e);
        }
    }

    @Override
    public JanusAdminComponent getComponent() {
        return (JanusAdminComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new JanusAdminProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() == null) {
            throw new IllegalArgumentException(
                    "A janus-admin: consumer needs the operation option: the request it polls");
        }
        JanusAdminConsumer consumer = new JanusAdminConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Acquires the shared connection for this endpoint's connection options. */
    SharedConnection acquireConnection() throws Exception {
        JanusAdminConfiguration options = configuration.copy();
        options.setSslContextParameters(
                getComponent().tls(configuration.getSslContextParameters()));
        ConnectionKey key = ConnectionKey.of("janus-admin", addresses, options);
        connectionKey = key;
        return getComponent().connections().acquire(getCamelContext(), key);
    }

    void releaseConnection(SharedConnection connection) {
        getComponent().connections().release(connection);
    }

    /** The parameters option parsed, null when not set (a copy to change). */
    ObjectNode parameters() {
        return parameters == null ? null : parameters.deepCopy();
    }

    private JanusClientMetrics metrics() {
        return getComponent().connections().metrics(connectionKey);
    }

    @ManagedAttribute(
            description = "State of the endpoint's connection (NONE before a route uses it)")
    public String getConnectionState() {
        return getComponent().connections().state(connectionKey);
    }

    @ManagedAttribute(description = "Requests waiting for their reply now")
    public int getPendingRequests() {
        return metrics().pendingRequests();
    }

    @ManagedAttribute(description = "Connections that went away without a close")
    public long getConnectionsLost() {
        return metrics().connectionsLost();
    }

    @ManagedAttribute(description = "Connections re-established after a loss or a failed first try")
    public long getReconnects() {
        return metrics().reconnects();
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

    public String getAddress() {
        return address;
    }

    List<URI> addresses() {
        return addresses;
    }

    public JanusAdminConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(JanusAdminConfiguration configuration) {
        this.configuration = configuration;
    }
}
