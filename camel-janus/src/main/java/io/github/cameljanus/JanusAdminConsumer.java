/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.Failures;
import io.github.cameljanus.client.JanusTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Runs the endpoint's operation at every poll and routes Janus's reply as one exchange. A failed
 * request fails the poll: Camel's scheduled-poll handling gives it to the consumer's exception
 * handler (the route's error handler with bridgeErrorHandler), and the next poll runs.
 *
 * <p>The poll waits for the reply on Camel's scheduler thread, never on a thread of the connection:
 * the reply completes on the socket's reader and the deadline on the connection's scheduler,
 * whatever the route does.
 */
public class JanusAdminConsumer extends ScheduledPollConsumer {

    private SharedConnection connection;
    private JanusAdminRequests requests;

    public JanusAdminConsumer(JanusAdminEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JanusAdminEndpoint getEndpoint() {
        return (JanusAdminEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        connection = getEndpoint().acquireConnection();
        requests = new JanusAdminRequests(connection, getEndpoint());
        JanusHealthCheck.registerFor(
                this, getEndpoint().addresses(), () -> connection, this::lastPollDownReason);
        super.doStart(); // starts the scheduler: the first poll finds the connection
    }

    private String lastPollDownReason(SharedConnection current) {
        Throwable last = getLastError();
        return last == null ? null : "The last poll failed: " + last.getMessage();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop(); // no poll runs after this
        if (connection != null) {
            getEndpoint().releaseConnection(connection);
            connection = null;
            requests = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        SharedConnection current = connection;
        JanusAdminRequests currentRequests = requests;
        if (current == null || currentRequests == null) {
            return 0; // stopping
        }
        CompletableFuture<JanusBody> reply = new CompletableFuture<>();
        boolean unused =
                current.afterFirstRound(
                        getEndpoint().getConfiguration().getRequestTimeout(),
                        inline -> {
                            CompletableFuture<?> unusedDone =
                                    currentRequests
                                            .poll()
                                            .whenComplete(
                                                    (body, error) -> {
                                                        if (error != null) {
                                                            reply.completeExceptionally(error);
                                                        } else {
                                                            reply.complete(body);
                                                        }
                                                    });
                            return false;
                        });
        JanusBody body;
        JanusAdminConfiguration c = getEndpoint().getConfiguration();
        // The request completes once, by its reply, its deadline or the close; this bound covers
        // the one path that would skip it: a send the closing connection's pool no longer runs.
        long bound = 2 * c.getRequestTimeout() + c.getShutdownTimeout();
        try {
            body = reply.get(bound, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new JanusTimeoutException(
                    "no reply to the " + c.getOperation() + " poll within " + bound + " ms");
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            throw cause instanceof Exception exception
                    ? exception
                    : new RuntimeCamelException(cause);
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(body);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Error processing the reply of a poll",
                                exchange,
                                exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return 1;
    }
}
