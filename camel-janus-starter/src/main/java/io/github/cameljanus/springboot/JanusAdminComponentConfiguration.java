/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusAdminConfiguration;
import io.github.cameljanus.client.JanusAdminOperation;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.janus-admin.*} properties: one per option of the {@code janus-admin:}
 * component, with the nested {@code configuration} options flattened ({@code
 * camel.component.janus-admin.admin-secret}, {@code camel.component.janus-admin.request-timeout},
 * ...). The auto-configuration copies them onto the component, whose endpoints take them as
 * defaults. The connection options are in {@link JanusConnectionComponentProperties};
 * ConfigurationMetadataTest keeps every description and default equal to the component's.
 */
@ConfigurationProperties(prefix = "camel.component.janus-admin")
public class JanusAdminComponentConfiguration extends JanusConnectionComponentProperties {

    /**
     * Default options for every endpoint of this component, as a bean reference such as #bean:name
     * (a io.github.cameljanus.JanusAdminConfiguration). The other camel.component.janus-admin.*
     * properties, where set to other than their default, override its values.
     */
    private JanusAdminConfiguration configuration;

    /**
     * The handle a handle-level operation addresses when the CamelJanusHandleId header does not say
     * (0, the default: none).
     */
    private Long handleId = 0L;

    /**
     * The Admin API request: the producer's when the CamelJanusAdminOperation header does not say,
     * the one the consumer runs at every poll (required there). The camelCase of Janus's request
     * names: listSessions for list_sessions.
     */
    private JanusAdminOperation operation;

    /**
     * The request's parameters as the text of a JSON object (for setLogLevel, an object with a
     * level field): what the consumer sends at every poll, and the producer's defaults, which the
     * fields of the message body override.
     */
    private String parameters;

    /**
     * The session a session- or handle-level operation addresses when the CamelJanusSessionId
     * header does not say (0, the default: none).
     */
    private Long sessionId = 0L;

    /**
     * The Janus Admin API secret (admin_secret in janus.jcfg), sent in each request's admin_secret
     * field; info and ping need none.
     */
    private String adminSecret;

    public JanusAdminConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(JanusAdminConfiguration configuration) {
        this.configuration = configuration;
    }

    public Long getHandleId() {
        return handleId;
    }

    public void setHandleId(Long handleId) {
        this.handleId = handleId;
    }

    public JanusAdminOperation getOperation() {
        return operation;
    }

    public void setOperation(JanusAdminOperation operation) {
        this.operation = operation;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }

    public String getAdminSecret() {
        return adminSecret;
    }

    public void setAdminSecret(String adminSecret) {
        this.adminSecret = adminSecret;
    }
}
