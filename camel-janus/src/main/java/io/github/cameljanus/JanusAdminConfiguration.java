/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusAdminOperation;
import io.github.cameljanus.client.JanusClientConfig;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code janus-admin:} endpoint, besides the connection options every component of
 * this project has. The component holds one as its defaults and copies it for each endpoint.
 */
@UriParams
public class JanusAdminConfiguration extends JanusConnectionConfiguration {

    @UriParam(label = "security", secret = true)
    private String adminSecret;

    @UriParam(label = "common")
    private JanusAdminOperation operation;

    @UriParam(label = "common", defaultValue = "0")
    private long sessionId;

    @UriParam(label = "common", defaultValue = "0")
    private long handleId;

    @UriParam(label = "common")
    private String parameters;

    /** A copy for one endpoint, so its options never change the component's defaults. */
    public JanusAdminConfiguration copy() {
        return (JanusAdminConfiguration) copyFields();
    }

    /** The client settings of the connection options: the Admin API's dialect and secret. */
    @Override
    public JanusClientConfig.Builder clientConfig() {
        return commonClientConfig("janus-admin").adminApi(adminSecret);
    }

    public String getAdminSecret() {
        return adminSecret;
    }

    /**
     * The Janus Admin API secret (admin_secret in janus.jcfg), sent in each request's admin_secret
     * field; info and ping need none.
     */
    public void setAdminSecret(String adminSecret) {
        this.adminSecret = adminSecret;
    }

    public JanusAdminOperation getOperation() {
        return operation;
    }

    /**
     * The Admin API request: the producer's when the CamelJanusAdminOperation header does not say,
     * the one the consumer runs at every poll (required there). The camelCase of Janus's request
     * names: listSessions for list_sessions.
     */
    public void setOperation(JanusAdminOperation operation) {
        this.operation = operation;
    }

    public long getSessionId() {
        return sessionId;
    }

    /**
     * The session a session- or handle-level operation addresses when the CamelJanusSessionId
     * header does not say (0, the default: none).
     */
    public void setSessionId(long sessionId) {
        this.sessionId = sessionId;
    }

    public long getHandleId() {
        return handleId;
    }

    /**
     * The handle a handle-level operation addresses when the CamelJanusHandleId header does not say
     * (0, the default: none).
     */
    public void setHandleId(long handleId) {
        this.handleId = handleId;
    }

    public String getParameters() {
        return parameters;
    }

    /**
     * The request's parameters as the text of a JSON object (for setLogLevel, an object with a
     * level field): what the consumer sends at every poll, and the producer's defaults, which the
     * fields of the message body override.
     */
    public void setParameters(String parameters) {
        this.parameters = parameters;
    }
}
