/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusConfiguration;
import io.github.cameljanus.JanusOperation;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code camel.component.janus.*} properties: one per option of the {@code janus:} component,
 * with the nested {@code configuration} options flattened ({@code
 * camel.component.janus.api-secret}, {@code camel.component.janus.request-timeout}, ...). The
 * auto-configuration copies them onto the component, whose endpoints take them as defaults. The
 * connection options are in {@link JanusConnectionComponentProperties}; ConfigurationMetadataTest
 * keeps every description and default equal to the component's.
 */
@ConfigurationProperties(prefix = "camel.component.janus")
public class JanusComponentConfiguration extends JanusConnectionComponentProperties {

    /**
     * Default options for every endpoint of this component, as a bean reference such as #bean:name
     * (a io.github.cameljanus.JanusConfiguration). The other camel.component.janus.* properties,
     * where set to other than their default, override its values.
     */
    private JanusConfiguration configuration;

    /** Opaque id sent when the managed handle (or a handle the route attaches) is attached. */
    private String opaqueId;

    /**
     * Plugin package of the endpoint's managed handle, e.g. janus.plugin.videoroom. The managed
     * session and handle are created when a consumer starts or by the first producer request that
     * needs them, and re-created after they are lost.
     */
    private String plugin;

    /**
     * Comma-separated event types the consumer delivers (all when empty): Janus's event, webrtcup,
     * media, slowlink, hangup, detached, timeout, trickle, and the component's own connected,
     * connectionLost, sessionLost, managedHandleCreated. Other names are rejected.
     */
    private String eventTypes;

    /**
     * Deliver only the events of the managed session and handle (needs plugin; checked when the
     * consumer is created): Janus's events of its handle and of its session, and the component's
     * own events; not those of sessions and handles routes create.
     */
    private Boolean managedHandleOnly = false;

    /**
     * Deliver only the events of the Janus session of this id (0, the default: every session): its
     * handles' events and its own (timeout, sessionLost); connected and connectionLost are
     * delivered too.
     */
    private Long sessionId = 0L;

    /**
     * Deliver only the events of the Janus handle of this id (0, the default: every handle);
     * session events (timeout, sessionLost) carry no handle and are not delivered, connected and
     * connectionLost are.
     */
    private Long handleId = 0L;

    /**
     * For asynchronous plugin requests: wait for the plugin's event (true) or complete on Janus's
     * ack (false). A later event with the request's transaction then goes to the consumer.
     */
    private Boolean awaitEvent = true;

    /**
     * Fail the exchange with JanusPluginException when the plugin answers with an error_code
     * (true), or return that answer as the reply body (false).
     */
    private Boolean failOnPluginError = true;

    /**
     * Wait for Janus's reply on the thread that sends the exchange, which gets it straight from the
     * connection's reader: one thread hand-off less per request than the asynchronous completion
     * (false, the default). For callers that block anyway, such as ProducerTemplate.requestBody
     * from application threads; a route thread that sends with it waits while Janus answers. On the
     * dispatch and completion threads of any janus: connection (an event route, a route after
     * another janus: step) the exchange stays asynchronous, since a reply may need those threads.
     * The wait is bounded by the request's deadline.
     */
    private Boolean synchronous = false;

    /** The producer operation used when the CamelJanusOperation header does not say. */
    private JanusOperation operation = JanusOperation.message;

    /** Destroy the sessions of the endpoint's connection on Janus when it stops. */
    private Boolean destroySessionsOnStop = true;

    /**
     * Keepalive period of each session, in milliseconds (or a duration). -1 (default) derives it
     * from the server: min(25 s, session-timeout / 2), none when the server has no session timeout.
     * 0 disables keepalives.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration keepAliveInterval = Duration.ofMillis(-1);

    /**
     * After reconnecting, claim every live session so it keeps its id, handles and events (needs
     * reclaim_session_timeout on the server). A session that cannot be claimed is reported to
     * consumers as sessionLost, and the managed session and handle are created again.
     */
    private Boolean reclaim = true;

    /**
     * Bound on undelivered events per connection; beyond it events are dropped and counted, with
     * one WARN per burst.
     */
    private Integer eventQueueSize = 10000;

    /** The Janus API secret (api_secret in janus.jcfg), sent in each request's apisecret field. */
    private String apiSecret;

    /** A Janus stored token (token_auth), sent on every request that needs one. */
    private String token;

    public JanusConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JanusConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getOpaqueId() {
        return opaqueId;
    }

    public void setOpaqueId(String opaqueId) {
        this.opaqueId = opaqueId;
    }

    public String getPlugin() {
        return plugin;
    }

    public void setPlugin(String plugin) {
        this.plugin = plugin;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public Boolean getManagedHandleOnly() {
        return managedHandleOnly;
    }

    public void setManagedHandleOnly(Boolean managedHandleOnly) {
        this.managedHandleOnly = managedHandleOnly;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }

    public Long getHandleId() {
        return handleId;
    }

    public void setHandleId(Long handleId) {
        this.handleId = handleId;
    }

    public Boolean getAwaitEvent() {
        return awaitEvent;
    }

    public void setAwaitEvent(Boolean awaitEvent) {
        this.awaitEvent = awaitEvent;
    }

    public Boolean getFailOnPluginError() {
        return failOnPluginError;
    }

    public void setFailOnPluginError(Boolean failOnPluginError) {
        this.failOnPluginError = failOnPluginError;
    }

    public Boolean getSynchronous() {
        return synchronous;
    }

    public void setSynchronous(Boolean synchronous) {
        this.synchronous = synchronous;
    }

    public JanusOperation getOperation() {
        return operation;
    }

    public void setOperation(JanusOperation operation) {
        this.operation = operation;
    }

    public Boolean getDestroySessionsOnStop() {
        return destroySessionsOnStop;
    }

    public void setDestroySessionsOnStop(Boolean destroySessionsOnStop) {
        this.destroySessionsOnStop = destroySessionsOnStop;
    }

    public Duration getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Duration keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Boolean getReclaim() {
        return reclaim;
    }

    public void setReclaim(Boolean reclaim) {
        this.reclaim = reclaim;
    }

    public Integer getEventQueueSize() {
        return eventQueueSize;
    }

    public void setEventQueueSize(Integer eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }

    public String getApiSecret() {
        return apiSecret;
    }

    public void setApiSecret(String apiSecret) {
        this.apiSecret = apiSecret;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
