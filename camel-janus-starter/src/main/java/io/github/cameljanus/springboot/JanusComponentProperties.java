/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

/**
 * The properties every component of this project has: Camel's own component options and the use of
 * the global TLS settings. ConfigurationMetadataTest keeps their descriptions and defaults equal to
 * each component's.
 */
public abstract class JanusComponentProperties extends ComponentConfigurationPropertiesCommon {

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
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must
     * be marked as autowired) by looking up in the registry to find if there is a single instance
     * of matching type, which then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /** Used for enabling or disabling all consumer based health checks from this component */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice:
     * Camel has by default disabled all producer based health-checks. You can turn on producer
     * checks globally by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /** Use the CamelContext's global SSLContextParameters for wss:// when an endpoint has none. */
    private Boolean useGlobalSslContextParameters = false;

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
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

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
