/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.events.JanusEventsConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.janus-events.*} properties: one per option of the {@code
 * janus-events:} component (when camel-janus-events is on the classpath), with the nested {@code
 * configuration} options flattened ({@code camel.component.janus-events.queue-size}, ...).
 * ConfigurationMetadataTest keeps every description and default equal to the component's.
 */
@ConfigurationProperties(prefix = "camel.component.janus-events")
public class JanusEventsComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Deliver each batch Janus pushes as one exchange whose body is the List of its events (whole
     * envelopes, after the filters), instead of one exchange per event.
     */
    private Boolean batch = false;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any
     * exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming
     * messages, or the likes, will now be processed as a message and handled by the routing Error
     * Handler. Important: This is only possible if the 3rd party component allows Camel to be
     * alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel
     * component to hook into the 3rd party component and make this possible for future releases. By
     * default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with
     * exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;

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
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must
     * be marked as autowired) by looking up in the registry to find if there is a single instance
     * of matching type, which then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

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

    /** Used for enabling or disabling all consumer based health checks from this component */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice:
     * Camel has by default disabled all producer based health-checks. You can turn on producer
     * checks globally by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /** The HTTP Basic password a POST must carry (backend_pwd in sampleevh's config). */
    private String password;

    /**
     * A shared secret a pushing WebSocket's URL must carry as its secret query parameter (backend =
     * ws://host:port/pathsecret=... in janus.eventhandler.wsevh.jcfg); others are refused with 401.
     */
    private String secret;

    /**
     * TLS settings of the listener (wss:// and https:// backends). The option is a
     * org.apache.camel.support.jsse.SSLContextParameters type; set it as a bean reference such as
     * #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /** Use the CamelContext's global SSLContextParameters when an endpoint has none. */
    private Boolean useGlobalSslContextParameters = false;

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

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
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

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
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

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
