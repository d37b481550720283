/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/** The {@code janus-admin:} component: holds the default options and the shared connections. */
@Component("janus-admin")
public class JanusAdminComponent extends JanusComponentSupport {

    @Metadata(description = "Default options for every endpoint of this component")
    private JanusAdminConfiguration configuration = new JanusAdminConfiguration();

    public JanusAdminComponent() {
        super("janus-admin");
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        JanusAdminEndpoint endpoint =
                new JanusAdminEndpoint(uri, this, remaining, JanusAddresses.parse(remaining));
        endpoint.setConfiguration(configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public JanusAdminConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every endpoint of this component; each endpoint gets a copy. */
    public void setConfiguration(JanusAdminConfiguration configuration) {
        this.configuration = configuration;
    }
}
