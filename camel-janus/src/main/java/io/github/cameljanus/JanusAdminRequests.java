/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusAdminOperation;
import io.github.cameljanus.client.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * Turns an exchange (or a poll) into one Admin API request on the shared connection, and Janus's
 * reply into the body routes see. What a request addresses and carries: the operation, ids and
 * plugin of the headers, else the endpoint's options; the parameters option overlaid with the
 * fields of the body.
 */
final class JanusAdminRequests {

    private final SharedConnection connection;
    private final JanusAdminEndpoint endpoint;
    private final RequestOptions options;

    JanusAdminRequests(SharedConnection connection, JanusAdminEndpoint endpoint) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.options =
                RequestOptions.defaults()
                        .withTimeout(
                                Duration.ofMillis(endpoint.getConfiguration().getRequestTimeout()));
    }

    /** The endpoint's request options, or those of an exchange's CamelJanusRequestTimeout. */
    RequestOptions options(Message in) {
        Long timeout = HeaderValues.get(in, JanusAdminConstants.REQUEST_TIMEOUT, Long.class, null);
        return timeout == null ? options : options.withTimeout(Duration.ofMillis(timeout));
    }

    /** The request an exchange asks for. */
    CompletableFuture<JanusBody> send(Message in, RequestOptions requestOptions) {
        JanusAdminConfiguration configuration = endpoint.getConfiguration();
        JanusAdminOperation operation =
                HeaderValues.get(
                        in,
                        JanusAdminConstants.ADMIN_OPERATION,
                        JanusAdminOperation.class,
                        configuration.getOperation());
        if (operation == null) {
            throw new IllegalArgumentException(
                    "No Admin API operation: set the operation option or the "
                            + JanusAdminConstants.ADMIN_OPERATION
                            + " header");
        }
        long sessionId =
                HeaderValues.get(
                        in,
                        JanusAdminConstants.SESSION_ID,
                        Long.class,
                        configuration.getSessionId());
        long handleId =
                HeaderValues.get(
                        in, JanusAdminConstants.HANDLE_ID, Long.class, configuration.getHandleId());
        ObjectNode parameters = endpoint.parameters();
        ObjectNode body = JanusJson.toObject(in.getBody(), "The admin request body");
        if (body != null) {
            if (parameters == null) {
                parameters = body.deepCopy(); // the body may be the exchange's own node
            } else {
                parameters.setAll(body);
            }
        }
        String plugin = in.getHeader(JanusAdminConstants.PLUGIN, String.class);
        if (operation == JanusAdminOperation.messagePlugin
                && plugin != null
                && (parameters == null || !parameters.has("plugin"))) {
            parameters = parameters == null ? JanusJson.MAPPER.createObjectNode() : parameters;
            parameters.put("plugin", plugin);
        }
        return send(operation, sessionId, handleId, parameters, requestOptions);
    }

    /** The request a consumer polls: the endpoint's operation, ids and parameters. */
    CompletableFuture<JanusBody> poll() {
        JanusAdminConfiguration configuration = endpoint.getConfiguration();
        return send(
                configuration.getOperation(),
                configuration.getSessionId(),
                configuration.getHandleId(),
                endpoint.parameters(),
                options);
    }

    private CompletableFuture<JanusBody> send(
            JanusAdminOperation operation,
            long sessionId,
            long handleId,
            ObjectNode parameters,
            RequestOptions requestOptions) {
        return connection
                .client()
                .adminRequest(operation, sessionId, handleId, parameters, requestOptions)
                .thenApply(JanusAdminRequests::replyBody);
    }

    /** Janus's reply without its envelope: {@code janus} and {@code transaction}. */
    static JanusBody replyBody(ObjectNode frame) {
        JanusBody body = JanusJson.toBody(frame);
        body.remove("janus");
        body.remove("transaction");
        return body;
    }
}
