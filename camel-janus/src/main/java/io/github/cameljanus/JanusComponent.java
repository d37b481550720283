/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code janus:} component: holds the default options and the shared connections. */
@Component("janus")
public class JanusComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final ComponentMetadata METADATA = ComponentMetadata.of("janus");

    @Metadata(description = "Default options for every endpoint of this component")
    private JanusConfiguration configuration = new JanusConfiguration();

    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private final SharedConnections connections = new SharedConnections();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        JanusEndpoint endpoint =
                new JanusEndpoint(uri, this, remaining, JanusAddresses.parse(remaining));
        endpoint.setConfiguration(configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * Checks the text of every option before Camel converts any (it takes some, such as
     * bridgeErrorHandler, before {@link #createEndpoint}): a bad value fails naming the option.
     */
    @Override
    protected void validateURI(String uri, String path, Map<String, Object> parameters) {
        super.validateURI(uri, path, parameters);
        OptionValues.check(METADATA, parameters);
    }

    /**
     * Makes Camel treat this component's secret options as sensitive wherever it prints
     * configuration (Camel Main's startup summary, the dev console): its built-in list knows {@code
     * token} but not {@code apiSecret}. The names come from the metadata's secret flag.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            METADATA.registerSecrets(camelContext);
        }
    }

    /** The generated configurer with each option's text checked first (Camel Main, starter). */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        PropertyConfigurer generated = super.getComponentPropertyConfigurer();
        return generated == null ? null : new CheckedComponentConfigurer(generated, METADATA);
    }

    public JanusConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every endpoint of this component; each endpoint gets a copy. */
    public void setConfiguration(JanusConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSLContextParameters for wss:// when an endpoint has none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    SharedConnections connections() {
        return connections;
    }
}
