/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.Failures;
import io.github.cameljanus.client.RequestOptions;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one Admin API request per exchange and completes the exchange from the reply, never
 * blocking a Camel thread while Janus answers. The request is built by {@link JanusAdminRequests}.
 */
public class JanusAdminProducer extends DefaultAsyncProducer {

    private SharedConnection connection;
    private JanusAdminRequests requests;
    private ProducerHealthCheck healthCheck;

    public JanusAdminProducer(JanusAdminEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public JanusAdminEndpoint getEndpoint() {
        return (JanusAdminEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().acquireConnection();
        requests = new JanusAdminRequests(connection, getEndpoint());
        healthCheck =
                ProducerHealthCheck.register(
                        getEndpoint(),
                        "producer:janus-admin-" + getEndpoint().getAddress(),
                        getEndpoint().addresses(),
                        () -> connection);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister();
            healthCheck = null;
        }
        if (connection != null) {
            getEndpoint().releaseConnection(connection);
            connection = null;
            requests = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SharedConnection current = connection;
        JanusAdminRequests currentRequests = requests;
        if (current == null || currentRequests == null) {
            exchange.setException(
                    new IllegalStateException("The janus-admin: producer is not started"));
            callback.done(true);
            return true;
        }
        RequestOptions options;
        try {
            options = currentRequests.options(exchange.getMessage());
        } catch (IllegalArgumentException e) {
            exchange.setException(e); // a header that is not of its type fails this exchange only
            callback.done(true);
            return true;
        }
        return current.afterFirstRound(
                options.timeout().toMillis(),
                inline -> send(currentRequests, exchange, callback, options, inline));
    }

    /**
     * Sends the exchange's request.
     *
     * @param inline true when called from process() itself: a failure before sending completes the
     *     exchange synchronously
     * @return true when the callback was called synchronously
     */
    private static boolean send(
            JanusAdminRequests requests,
            Exchange exchange,
            AsyncCallback callback,
            RequestOptions options,
            boolean inline) {
        CompletableFuture<JanusBody> reply;
        try {
            reply = requests.send(exchange.getMessage(), options);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(inline);
            return inline;
        }
        CompletableFuture<?> unused =
                reply.whenComplete(
                        (body, error) -> {
                            if (error != null) {
                                // the message stays as sent: a redelivery repeats the request
                                exchange.setException(Failures.unwrap(error));
                            } else {
                                Message out = exchange.getMessage();
                                out.removeHeader(JanusAdminConstants.ADMIN_OPERATION);
                                if (exchange.getPattern().isOutCapable()) {
                                    out.setBody(body);
                                }
                            }
                            callback.done(false);
                        });
        return false;
    }
}
