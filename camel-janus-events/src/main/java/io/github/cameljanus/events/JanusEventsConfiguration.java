/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code janus-events:} endpoint. The component holds one as its defaults and
 * copies it for each endpoint. The listener's own options (TLS, the largest message) must agree
 * between the endpoints that share a host and port.
 */
@UriParams
public class JanusEventsConfiguration implements Cloneable {

    @UriParam(label = "consumer", enums = JanusEventType.ALL)
    private String eventTypes;

    @UriParam(label = "consumer", enums = JanusEventType.SUBTYPES)
    private String eventSubtypes;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean batch;

    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int queueSize = 10_000;

    @UriParam(label = "security", secret = true)
    private String secret;

    @UriParam(label = "security", secret = true)
    private String username;

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "advanced", defaultValue = "16777216")
    private int maxMessageSize = 16 * 1024 * 1024;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    /** A copy for one endpoint, so its options never change the component's defaults. */
    public JanusEventsConfiguration copy() {
        try {
            return (JanusEventsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getEventTypes() {
        return eventTypes;
    }

    /**
     * Comma-separated event types to deliver (all when empty): session, handle, external, jsep,
     * webrtc, media, plugin, transport, core. Other names are rejected.
     */
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getEventSubtypes() {
        return eventSubtypes;
    }

    /**
     * Comma-separated subtypes to deliver (all when empty): ice, local-candidate, remote-candidate,
     * selected-pair, dtls, connection (webrtc), state, slowlink, stats (media), startup, shutdown
     * (core). Events of a type without subtypes are delivered whatever this says.
     */
    public void setEventSubtypes(String eventSubtypes) {
        this.eventSubtypes = eventSubtypes;
    }

    public boolean isBatch() {
        return batch;
    }

    /**
     * Deliver each batch Janus pushes as one exchange whose body is the List of its events (whole
     * envelopes, after the filters), instead of one exchange per event.
     */
    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public int getQueueSize() {
        return queueSize;
    }

    /**
     * Events received and not yet routed, at most. When it is full the listener stops reading the
     * pushing WebSocket and holds a POST's answer until there is room: Janus waits, nothing is
     * dropped.
     */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public String getSecret() {
        return secret;
    }

    /**
     * A shared secret a pushing WebSocket's URL must carry as its secret query parameter (in
     * janus.eventhandler.wsevh.jcfg, append it to the backend URL as the query secret=...); others
     * are refused with 401.
     */
    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The HTTP Basic user a POST must carry (backend_user in janus.eventhandler.sampleevh.jcfg);
     * others are refused with 401.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** The HTTP Basic password a POST must carry (backend_pwd in sampleevh's config). */
    public void setPassword(String password) {
        this.password = password;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    /**
     * Largest WebSocket message or POST body in bytes (after inflating a gzip body); larger ones
     * are refused and counted. Janus's batches of up to 100 events with SDPs stay well below the
     * default.
     */
    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings of the listener (wss:// and https:// backends). */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }
}
