/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClientConfig;
import java.time.Duration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code janus:} endpoint. The component holds one as its defaults and copies it
 * for each endpoint. Options labelled {@code connection} decide which connection an endpoint
 * shares; the others only concern the endpoint itself.
 *
 * <p>Over 400 lines: one field, getter and documented setter per option (Camel reads the option
 * documentation from the setters).
 */
@UriParams
public class JanusConfiguration extends JanusConnectionConfiguration {

    @UriParam(label = "common")
    private String plugin;

    @UriParam(label = "common")
    private String opaqueId;

    @UriParam(label = "producer", defaultValue = "message")
    private JanusOperation operation = JanusOperation.message;

    @UriParam(label = "security", secret = true)
    private String apiSecret;

    @UriParam(label = "security", secret = true)
    private String token;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean awaitEvent = true;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean failOnPluginError = true;

    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean synchronous;

    @UriParam(label = "connection", defaultValue = "-1", javaType = "java.time.Duration")
    private long keepAliveInterval = -1;

    @UriParam(label = "connection", defaultValue = "true")
    private boolean reclaim = true;

    @UriParam(label = "consumer", enums = JanusEventTypes.ALL)
    private String eventTypes;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean managedHandleOnly;

    @UriParam(label = "consumer", defaultValue = "0")
    private long sessionId;

    @UriParam(label = "consumer", defaultValue = "0")
    private long handleId;

    @UriParam(label = "connection,advanced", defaultValue = "10000")
    private int eventQueueSize = 10_000;

    @UriParam(label = "connection", defaultValue = "true")
    private boolean destroySessionsOnStop = true;

    /** A copy for one endpoint, so its options never change the component's defaults. */
    public JanusConfiguration copy() {
        return (JanusConfiguration) copyFields();
    }

    /** The client settings of the connection options: the component's one mapping of them. */
    @Override
    public JanusClientConfig.Builder clientConfig() {
        JanusClientConfig.Builder builder =
                commonClientConfig("janus")
                        .apiSecret(apiSecret)
                        .token(token)
                        .eventQueueSize(eventQueueSize)
                        .destroySessionsOnClose(destroySessionsOnStop)
                        .reclaim(reclaim);
        if (keepAliveInterval >= 0) {
            builder.keepAliveInterval(Duration.ofMillis(keepAliveInterval));
        }
        return builder;
    }

    public String getPlugin() {
        return plugin;
    }

    /**
     * Plugin package of the endpoint's managed handle, e.g. {@code janus.plugin.videoroom}. The
     * managed session and handle are created when a consumer starts or by the first producer
     * request that needs them, and re-created after they are lost.
     */
    public void setPlugin(String plugin) {
        this.plugin = plugin;
    }

    public String getOpaqueId() {
        return opaqueId;
    }

    /** Opaque id sent when the managed handle (or a handle the route attaches) is attached. */
    public void setOpaqueId(String opaqueId) {
        this.opaqueId = opaqueId;
    }

    public JanusOperation getOperation() {
        return operation;
    }

    /** The producer operation used when the CamelJanusOperation header does not say. */
    public void setOperation(JanusOperation operation) {
        this.operation = operation;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    /** The Janus API secret (api_secret in janus.jcfg), sent in each request's apisecret field. */
    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public String getToken() {
        return token;
    }

    /** A Janus stored token ({@code token_auth}), sent on every request that needs one. */
    public void setToken(String token) {
        this.token = token;
    }

    public boolean isAwaitEvent() {
        return awaitEvent;
    }

    /**
     * For asynchronous plugin requests: wait for the plugin's event (true) or complete on Janus's
     * ack (false). A later event with the request's transaction then goes to the consumer.
     */
    public void setAwaitEvent(boolean awaitEvent) {
        this.awaitEvent = awaitEvent;
    }

    public boolean isFailOnPluginError() {
        return failOnPluginError;
    }

    /**
     * Fail the exchange with JanusPluginException when the plugin answers with an error_code
     * (true), or return that answer as the reply body (false).
     */
    public void setFailOnPluginError(boolean failOnPluginError) {
        this.failOnPluginError = failOnPluginError;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    /**
     * Wait for Janus's reply on the thread that sends the exchange, which gets it straight from the
     * connection's reader: one thread hand-off less per request than the asynchronous completion
     * (false, the default). For callers that block anyway, such as ProducerTemplate.requestBody
     * from application threads; a route thread that sends with it waits while Janus answers. On the
     * dispatch and completion threads of any janus: connection (an event route, a route after
     * another janus: step) the exchange stays asynchronous, since a reply may need those threads.
     * The wait is bounded by the request's deadline.
     */
    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public long getKeepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * Keepalive period of each session, in milliseconds (or a duration). -1 (default) derives it
     * from the server: min(25 s, session-timeout / 2), none when the server has no session timeout.
     * 0 disables keepalives.
     */
    public void setKeepAliveInterval(long keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public boolean isReclaim() {
        return reclaim;
    }

    /**
     * After reconnecting, claim every live session so it keeps its id, handles and events (needs
     * reclaim_session_timeout on the server). A session that cannot be claimed is reported to
     * consumers as sessionLost, and the managed session and handle are created again.
     */
    public void setReclaim(boolean reclaim) {
        this.reclaim = reclaim;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    /**
     * Comma-separated event types the consumer delivers (all when empty): Janus's event, webrtcup,
     * media, slowlink, hangup, detached, timeout, trickle, and the component's own connected,
     * connectionLost, sessionLost, managedHandleCreated. Other names are rejected.
     */
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public boolean isManagedHandleOnly() {
        return managedHandleOnly;
    }

    /**
     * Deliver only the events of the managed session and handle (needs plugin; checked when the
     * consumer is created): Janus's events of its handle and of its session, and the component's
     * own events; not those of sessions and handles routes create.
     */
    public void setManagedHandleOnly(boolean managedHandleOnly) {
        this.managedHandleOnly = managedHandleOnly;
    }

    public long getSessionId() {
        return sessionId;
    }

    /**
     * Deliver only the events of the Janus session of this id (0, the default: every session): its
     * handles' events and its own (timeout, sessionLost); connected and connectionLost are
     * delivered too.
     */
    public void setSessionId(long sessionId) {
        this.sessionId = sessionId;
    }

    public long getHandleId() {
        return handleId;
    }

    /**
     * Deliver only the events of the Janus handle of this id (0, the default: every handle);
     * session events (timeout, sessionLost) carry no handle and are not delivered, connected and
     * connectionLost are.
     */
    public void setHandleId(long handleId) {
        this.handleId = handleId;
    }

    public int getEventQueueSize() {
        return eventQueueSize;
    }

    /**
     * Bound on undelivered events per connection; beyond it events are dropped and counted, with
     * one WARN per burst.
     */
    public void setEventQueueSize(int eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }

    public boolean isDestroySessionsOnStop() {
        return destroySessionsOnStop;
    }

    /** Destroy the sessions of the endpoint's connection on Janus when it stops. */
    public void setDestroySessionsOnStop(boolean destroySessionsOnStop) {
        this.destroySessionsOnStop = destroySessionsOnStop;
    }
}
