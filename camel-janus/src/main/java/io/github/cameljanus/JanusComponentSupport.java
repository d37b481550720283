/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What the components of this project have in common: their option values checked against their
 * generated metadata before Camel converts any, their secrets registered as sensitive, and TLS
 * defaults; for {@code janus:} and {@code janus-admin:}, the shared connections of their endpoints.
 */
public abstract class JanusComponentSupport extends HealthCheckComponent
        implements SSLContextParametersAware {

    private final ComponentMetadata metadata;

    // the description is given here too: a component of another jar has no source to read it from
    @Metadata(
            label = "security",
            defaultValue = "false",
            description =
                    "Use the CamelContext's global SSLContextParameters for wss:// when an endpoint"
                            + " has none.")
    private boolean useGlobalSslContextParameters;

    private final SharedConnections connections = new SharedConnections();

    JanusComponentSupport(String scheme) {
        this(ComponentMetadata.of(scheme));
    }

    /**
     * For a component of another package (janus-events).
     *
     * @param metadata the component's generated metadata ({@link ComponentMetadata#of(Class,
     *     String)})
     */
    protected JanusComponentSupport(ComponentMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * Checks the text of every option before Camel converts any (it takes some, such as
     * bridgeErrorHandler, before createEndpoint): a bad value fails naming the option.
     */
    @Override
    protected void validateURI(String uri, String path, Map<String, Object> parameters) {
        super.validateURI(uri, path, parameters);
        OptionValues.check(metadata, parameters);
    }

    /**
     * Makes Camel treat the component's secret options as sensitive wherever it prints
     * configuration (Camel Main's startup summary, the dev console): its built-in list knows {@code
     * token} but not {@code apiSecret} or {@code adminSecret}. The names come from the metadata's
     * secret flag.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        if (camelContext != null) {
            metadata.registerSecrets(camelContext);
        }
    }

    /** The generated configurer with each option's text checked first (Camel Main, starter). */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        PropertyConfigurer generated = super.getComponentPropertyConfigurer();
        return generated == null ? null : new CheckedComponentConfigurer(generated, metadata);
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

    /** The TLS settings in effect for an endpoint: its own, else the global ones when enabled. */
    public SSLContextParameters tls(SSLContextParameters endpoints) {
        return endpoints != null ? endpoints : retrieveGlobalSslContextParameters();
    }

    SharedConnections connections() {
        return connections;
    }
}
