/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.Failures;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.client.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one Janus request per exchange and completes the exchange from the reply, never blocking a
 * Camel thread while Janus answers unless the endpoint is {@code synchronous} (then the sending
 * thread waits, and takes the reply straight from the reader). The request itself is built by
 * {@link JanusRequests}.
 */
public class JanusProducer extends DefaultAsyncProducer {

    /** How long past its deadline a synchronous caller waits for a request's failure. */
    private static final long DEADLINE_MARGIN_MILLIS = 5000;

    private SharedConnection connection;
    private JanusRequests requests;

    /**
     * The endpoint's options, computed once: for InOut exchanges and for InOnly ones, each also
     * with inline completion for a synchronous endpoint's sender that waits itself.
     */
    private RequestOptions inOutOptions;

    private RequestOptions inOnlyOptions;
    private RequestOptions inOutWaiting;
    private RequestOptions inOnlyWaiting;
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
        // a sender that blocks on the reply takes it from the reader directly
        inOutWaiting = inOutOptions.withInlineCompletion(true);
        inOnlyWaiting = inOnlyOptions.withInlineCompletion(true);
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
            maxWait = options(exchange, false).timeout().toMillis();
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
        // A synchronous endpoint's sender waits here, but never on a janus: connection's own
        // threads: a reply may need one of them (the managed handle's attach completes there).
        // Anyone else gets the reply through the completion hand-off, never on the reader.
        boolean waitHere =
                inline
                        && getEndpoint().getConfiguration().isSynchronous()
                        && !SharedConnection.onConnectionThread();
        CompletableFuture<JanusRequests.ReplyWriter> reply;
        RequestOptions options;
        try {
            Message in = exchange.getMessage();
            JanusOperation operation =
                    HeaderValues.get(
                            in,
                            JanusConstants.OPERATION,
                            JanusOperation.class,
                            getEndpoint().getConfiguration().getOperation());
            options = options(exchange, waitHere);
            reply = requests.send(operation, in, options);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(inline);
            return inline;
        }
        if (waitHere) {
            awaitReply(exchange, reply, options);
            callback.done(true);
            return true;
        }
        // The callback completes the exchange; the returned stage has nothing more to report.
        CompletableFuture<?> unused =
                reply.whenComplete(
                        (writeReply, error) -> {
                            complete(exchange, writeReply, error);
                            callback.done(false);
                        });
        return false;
    }

    /**
     * The synchronous option: this thread waits for the reply, which the reader completes in place
     * (the future has no stage of its own), and writes it. The request's deadline fails the future,
     * so the wait ends; the margin only covers a deadline sweep that runs late.
     */
    private void awaitReply(
            Exchange exchange,
            CompletableFuture<JanusRequests.ReplyWriter> reply,
            RequestOptions options) {
        long waitMillis = options.timeout().toMillis() + DEADLINE_MARGIN_MILLIS;
        try {
            complete(exchange, reply.get(waitMillis, TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException e) {
            complete(exchange, null, e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(false);
            complete(
                    exchange,
                    null,
                    new JanusTimeoutException("no reply within " + waitMillis + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.cancel(false);
            complete(exchange, null, e);
        }
    }

    private static void complete(
            Exchange exchange, JanusRequests.ReplyWriter writeReply, Throwable error) {
        if (error != null) {
            // the message stays as sent: a redelivery repeats the request
            exchange.setException(Failures.unwrap(error));
        } else {
            Message out = exchange.getMessage();
            // read once: the next endpoint uses its own operation, and a JSEP sent is not sent
            // again (an InOut reply sets the answer's)
            out.removeHeader(JanusConstants.OPERATION);
            out.removeHeader(JanusConstants.JSEP);
            writeReply.write(out, exchange.getPattern().isOutCapable());
        }
    }

    /**
     * The endpoint's precomputed options, unless a header overrides the timeout or token.
     *
     * @param waitHere whether the sender waits for the reply itself (inline completion)
     */
    private RequestOptions options(Exchange exchange, boolean waitHere) {
        Message in = exchange.getMessage();
        boolean inOut = exchange.getPattern().isOutCapable();
        RequestOptions options =
                waitHere
                        ? (inOut ? inOutWaiting : inOnlyWaiting)
                        : (inOut ? inOutOptions : inOnlyOptions);
        Long timeout = HeaderValues.get(in, JanusConstants.REQUEST_TIMEOUT, Long.class, null);
        if (timeout != null) {
            options = options.withTimeout(Duration.ofMillis(timeout));
        }
        String token = in.getHeader(JanusConstants.TOKEN, String.class);
        return token == null ? options : options.withToken(token);
    }
}
