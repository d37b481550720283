/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.events.JanusEventsConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.janus-events.*} properties: one per option of the {@code
 * janus-events:} component (when camel-janus-events is on the classpath), with the nested {@code
 * configuration} options flattened ({@code camel.component.janus-events.queue-size}, ...).
 * ConfigurationMetadataTest keeps every description and default equal to the component's.
 */
@ConfigurationProperties(prefix = "camel.component.janus-events")
public class JanusEventsComponentConfiguration extends JanusComponentProperties {

    /**
     * Deliver each batch Janus pushes as one exchange whose body is the List of its events (whole
     * envelopes, after the filters), instead of one exchange per event.
     */
    private Boolean batch = false;

    /**
     * Default options for every endpoint of this component, as a bean reference such as #bean:name
     * (a io.github.cameljanus.events.JanusEventsConfiguration). The other
     * camel.component.janus-events.* properties, where set to other than their default, override
     * its values.
     */
    private JanusEventsConfiguration configuration;

    /**
     * Comma-separated subtypes to deliver (all when empty): ice, local-candidate, remote-candidate,
     * selected-pair, dtls, connection (webrtc), state, slowlink, stats (media), startup, shutdown
     * (core). Events of a type without subtypes are delivered whatever this says.
     */
    private String eventSubtypes;

    /**
     * Comma-separated event types to deliver (all when empty): session, handle, external, jsep,
     * webrtc, media, plugin, transport, core. Other names are rejected.
     */
    private String eventTypes;

    /**
     * Events received and not yet routed, at most. When it is full the listener stops reading the
     * pushing WebSocket and holds a POST's answer until there is room: Janus waits, nothing is
     * dropped.
     */
    private Integer queueSize = 10000;

    /**
     * Largest WebSocket message or POST body in bytes (after inflating a gzip body); larger ones
     * are refused and counted. Janus's batches of up to 100 events with SDPs stay well below the
     * default.
     */
    private Integer maxMessageSize = 16777216;

    /**
     * The Vert.x to run the listeners on (a single one in the registry is used); without one the
     * component runs its own, with threads named janus-events-..., closed when it stops. The option
     * is a io.vertx.core.Vertx type; set it as a bean reference such as #bean:name.
     */
    private Vertx vertx;

    /** The HTTP Basic password a POST must carry (backend_pwd in sampleevh's config). */
    private String password;

    /**
     * A shared secret a pushing WebSocket's URL must carry as its secret query parameter (in
     * janus.eventhandler.wsevh.jcfg, append it to the backend URL as the query secret=...); others
     * are refused with 401.
     */
    private String secret;

    /**
     * TLS settings of the listener (wss:// and https:// backends). The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type; set it as a bean reference such as
     * #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * The HTTP Basic user a POST must carry (backend_user in janus.eventhandler.sampleevh.jcfg);
     * others are refused with 401.
     */
    private String username;

    public Boolean getBatch() {
        return batch;
    }

    public void setBatch(Boolean batch) {
        this.batch = batch;
    }

    public JanusEventsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JanusEventsConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getEventSubtypes() {
        return eventSubtypes;
    }

    public void setEventSubtypes(String eventSubtypes) {
        this.eventSubtypes = eventSubtypes;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public Integer getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(Integer queueSize) {
        this.queueSize = queueSize;
    }

    public Integer getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
