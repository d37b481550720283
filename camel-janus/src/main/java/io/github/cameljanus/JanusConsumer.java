/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusConnectionListener;
import io.github.cameljanus.client.JanusEvent;
import io.github.cameljanus.client.JanusEventListener;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events of every session of the endpoint's connection into exchanges, filtered by
 * eventTypes. The client delivers events in order per handle on the dispatch threads, never on the
 * socket's thread; the consumer processes each one before the next of the same handle, so routes
 * see them in order. A suspended consumer drops and counts events.
 */
public class JanusConsumer extends DefaultConsumer
        implements JanusEventListener, JanusConnectionListener, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(JanusConsumer.class);

    private final AtomicLong droppedWhileSuspended = new AtomicLong();
    private SharedConnection connection;
    private volatile boolean delivering;

    public JanusConsumer(JanusEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JanusEndpoint getEndpoint() {
        return (JanusEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().acquireConnection();
        registerHealthCheck();
        connection.client().addEventListener(this);
        connection.client().addConnectionListener(this);
        delivering = true;
        JanusConfiguration configuration = getEndpoint().getConfiguration();
        ManagedHandle managed = null;
        if (configuration.getPlugin() != null) {
            // Wanted from now on: attached after every (re)connect, re-created after a loss.
            managed =
                    connection.managedHandle(
                            configuration.getPlugin(), configuration.getOpaqueId());
            managed.keep();
        }
        connection.awaitConnect();
        if (managed != null && connection.client().isConnected()) {
            CompletableFuture<?> unused =
                    managed.handle()
                            .exceptionally(
                                    error -> {
                                        getExceptionHandler()
                                                .handleException(
                                                        "Cannot attach the managed handle to "
                                                                + configuration.getPlugin(),
                                                        error);
                                        return null;
                                    });
        }
    }

    private void registerHealthCheck() {
        HealthCheckRepository repository =
                HealthCheckHelper.getHealthCheckRepository(
                        getEndpoint().getCamelContext(), "consumers", HealthCheckRepository.class);
        if (repository != null) {
            JanusHealthCheck check =
                    new JanusHealthCheck(
                            "consumer:janus-" + getRouteId(),
                            getEndpoint(),
                            () -> connection,
                            true);
            check.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        delivering = false;
        if (connection != null) {
            connection.client().removeEventListener(this);
            connection.client().removeConnectionListener(this);
            getEndpoint().releaseConnection(connection);
            connection = null;
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        delivering = false;
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        super.doResume();
        delivering = true;
    }

    /** Events dropped because the consumer was suspended. */
    public long getDroppedWhileSuspended() {
        return droppedWhileSuspended.get();
    }

    @Override
    public void onEvent(JanusEvent event) {
        if (!accepts(event.type())) {
            return;
        }
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        message.setHeader(JanusConstants.EVENT_TYPE, event.type());
        if (event.sessionId() > 0) {
            message.setHeader(JanusConstants.SESSION_ID, event.sessionId());
        }
        if (event.handleId() > 0) {
            message.setHeader(JanusConstants.HANDLE_ID, event.handleId());
        }
        setIfPresent(message, JanusConstants.PLUGIN, event.plugin());
        setIfPresent(message, JanusConstants.TRANSACTION, event.transaction());
        setIfPresent(message, JanusConstants.JSEP, JanusJson.toBody(event.jsep()));
        message.setBody(
                event.data() != null
                        ? JanusJson.toBody(event.data())
                        : JanusRequests.coreBody(event.frame()));
        deliver(exchange);
    }

    @Override
    public void onConnected(URI address) {
        if (accepts(JanusEventTypes.CONNECTED)) {
            deliver(connectionExchange(JanusEventTypes.CONNECTED, address, null));
        }
    }

    @Override
    public void onDisconnected(Throwable reason) {
        if (accepts(JanusEventTypes.CONNECTION_LOST)) {
            deliver(connectionExchange(JanusEventTypes.CONNECTION_LOST, null, reason));
        }
    }

    private Exchange connectionExchange(String type, URI address, Throwable reason) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        message.setHeader(JanusConstants.EVENT_TYPE, type);
        JanusBody body = new JanusBody();
        if (address != null) {
            body.put("address", address.toString());
        }
        if (reason != null) {
            body.put("reason", String.valueOf(reason.getMessage()));
        }
        message.setBody(body);
        return exchange;
    }

    private boolean accepts(String type) {
        Set<String> types = getEndpoint().eventTypes();
        return types == null || types.contains(type);
    }

    /**
     * Runs the route on the calling dispatch thread and returns when it is done, which keeps the
     * per-handle order; route errors go to the consumer's ExceptionHandler (or the route's error
     * handler with bridgeErrorHandler).
     */
    private void deliver(Exchange exchange) {
        if (!delivering || !isRunAllowed()) {
            long dropped = droppedWhileSuspended.incrementAndGet();
            LOG.debug("Consumer not delivering; dropped event #{}", dropped);
            releaseExchange(exchange, false);
            return;
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Error processing Janus event", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
