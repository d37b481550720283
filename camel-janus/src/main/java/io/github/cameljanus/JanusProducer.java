/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.Failures;
import io.github.cameljanus.client.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one Janus request per exchange and completes the exchange from the reply, never blocking a
 * Camel thread while Janus answers. The request itself is built by {@link JanusRequests}.
 */
public class JanusProducer extends DefaultAsyncProducer {

    private SharedConnection connection;
    private JanusRequests requests;

    /** The endpoint's options, computed once: for InOut exchanges and for InOnly ones. */
    private RequestOptions inOutOptions;

    private RequestOptions inOnlyOptions;
    private ProducerHealthCheck healthCheck;

    public JanusProducer(JanusEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public JanusEndpoint getEndpoint() {
        return (JanusEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().acquireConnection();
        JanusConfiguration configuration = getEndpoint().getConfiguration();
        requests = new JanusRequests(connection, configuration);
        RequestOptions options =
                RequestOptions.defaults()
                        .withTimeout(Duration.ofMillis(configuration.getRequestTimeout()))
                        .withFailOnPluginError(configuration.isFailOnPluginError());
        inOutOptions = options.withAwaitEvent(configuration.isAwaitEvent());
        inOnlyOptions = options.withAwaitEvent(false);
        healthCheck =
                ProducerHealthCheck.register(
                        getEndpoint(),
                        "producer:janus-" + getEndpoint().getAddress(),
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
        if (current == null) {
            exchange.setException(new IllegalStateException("The janus: producer is not started"));
            callback.done(true);
            return true;
        }
        // The exchange's own timeout (CamelJanusRequestTimeout, else the option) bounds the wait.
        long maxWait;
        try {
            maxWait = options(exchange).timeout().toMillis();
        } catch (IllegalArgumentException e) {
            exchange.setException(e); // a header that is not of its type fails this exchange only
            callback.done(true);
            return true;
        }
        return current.afterFirstRound(maxWait, inline -> send(exchange, callback, inline));
    }

    /**
     * Sends the exchange's request.
     *
     * @param inline true when called from process() itself: a failure before sending completes the
     *     exchange synchronously
     * @return true when the callback was called synchronously
     */
    private boolean send(Exchange exchange, AsyncCallback callback, boolean inline) {
        CompletableFuture<JanusRequests.ReplyWriter> reply;
        try {
            Message in = exchange.getMessage();
            JanusOperation operation =
                    HeaderValues.get(
                            in,
                            JanusConstants.OPERATION,
                            JanusOperation.class,
                            getEndpoint().getConfiguration().getOperation());
            reply = requests.send(operation, in, options(exchange));
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(inline);
            return inline;
        }
        // The callback completes the exchange; the returned stage has nothing more to report.
        CompletableFuture<?> unused =
                reply.whenComplete(
                        (writeReply, error) -> {
                            if (error != null) {
                                // the message stays as sent: a redelivery repeats the request
                                exchange.setException(Failures.unwrap(error));
                            } else {
                                Message out = exchange.getMessage();
                                // read once: the next endpoint uses its own operation, and a JSEP
                                // sent is not sent again (an InOut reply sets the answer's)
                                out.removeHeader(JanusConstants.OPERATION);
                                out.removeHeader(JanusConstants.JSEP);
                                writeReply.write(out, exchange.getPattern().isOutCapable());
                            }
                            callback.done(false);
                        });
        return false;
    }

    /** The endpoint's precomputed options, unless a header overrides the timeout or token. */
    private RequestOptions options(Exchange exchange) {
        Message in = exchange.getMessage();
        RequestOptions options =
                exchange.getPattern().isOutCapable() ? inOutOptions : inOnlyOptions;
        Long timeout = HeaderValues.get(in, JanusConstants.REQUEST_TIMEOUT, Long.class, null);
        if (timeout != null) {
            options = options.withTimeout(Duration.ofMillis(timeout));
        }
        String token = in.getHeader(JanusConstants.TOKEN, String.class);
        return token == null ? options : options.withToken(token);
    }
}
