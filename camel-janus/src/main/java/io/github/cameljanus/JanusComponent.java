/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The {@code janus:} component: holds the default options and the shared connections. */
@Component("janus")
public class JanusComponent extends JanusComponentSupport {

    @Metadata(description = "Default options for every endpoint of this component")
    private JanusConfiguration configuration = new JanusConfiguration();

    public JanusComponent() {
        super("janus");
    }

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

    public JanusConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every endpoint of this component; each endpoint gets a copy. */
    public void setConfiguration(JanusConfiguration configuration) {
        this.configuration = configuration;
    }
}
