/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Receive what Janus's event handlers push (the WebSockets and the HTTP event handler): the
 * sessions, handles, JSEP, WebRTC state, media stats, plugin, transport and core events of every
 * client of a Janus, one exchange per event.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "janus-events",
        title = "Janus Events",
        syntax = "janus-events:host:port/path",
        consumerOnly = true,
        category = {Category.NETWORKING, Category.MONITORING},
        headersClass = JanusEventsConstants.class)
public class JanusEventsEndpoint extends DefaultEndpoint {

    @UriPath(description = "The address to listen on (0.0.0.0 for all interfaces)")
    @Metadata(required = true)
    private final String host;

    @UriPath(description = "The port to listen on")
    @Metadata(required = true)
    private final int port;

    @UriPath(
            description =
                    "The path Janus pushes to (the backend URL's path); / when none. Endpoints on"
                            + " one host and port share its listener, one consumer per path.")
    @Metadata(defaultValue = "/")
    private final String path;

    @UriParam private JanusEventsConfiguration configuration;

    private Set<String> eventTypes;
    private Set<String> eventSubtypes;

    JanusEventsEndpoint(String uri, JanusEventsComponent component, ListenAddress address) {
        super(uri, component);
        this.host = address.host();
        this.port = address.port();
        this.path = address.path();
    }

    /** Checks options that cannot be checked one at a time, so a bad URI fails at creation. */
    void validate() {
        eventTypes =
                JanusEventType.parse(
                        "eventTypes", configuration.getEventTypes(), JanusEventType.ALL);
        eventSubtypes =
                JanusEventType.parse(
                        "eventSubtypes", configuration.getEventSubtypes(), JanusEventType.SUBTYPES);
        if (configuration.getQueueSize() <= 0 || configuration.getMaxMessageSize() <= 0) {
            throw new IllegalArgumentException(
                    "Options queueSize and maxMessageSize must be positive, got queueSize="
                            + configuration.getQueueSize()
                            + ", maxMessageSize="
                            + configuration.getMaxMessageSize());
        }
        if ((configuration.getUsername() == null) != (configuration.getPassword() == null)) {
            throw new IllegalArgumentException(
                    "Options username and password go together: set both or neither");
        }
    }

    @Override
    public JanusEventsComponent getComponent() {
        return (JanusEventsComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(
                "janus-events: only receives events; send requests with janus: or janus-admin:");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JanusEventsConsumer consumer = new JanusEventsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The listener's key: the address and the options its endpoints must agree on. */
    ListenerKey listenerKey() {
        return new ListenerKey(
                host,
                port,
                configuration.getMaxMessageSize(),
                getComponent().tls(configuration.getSslContextParameters()));
    }

    /** The event types delivered, or null for all. */
    Set<String> eventTypes() {
        return eventTypes;
    }

    /** The subtypes delivered, or null for all. */
    Set<String> eventSubtypes() {
        return eventSubtypes;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public String getPath() {
        return path;
    }

    public JanusEventsConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(JanusEventsConfiguration configuration) {
        this.configuration = configuration;
    }
}
