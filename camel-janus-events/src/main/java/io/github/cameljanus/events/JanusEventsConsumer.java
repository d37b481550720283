/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.Suspendable;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One path of a listener: takes the events pushed there, filters them, queues them and routes them
 * in order on its own thread. The listener's event loop only parses and queues.
 */
public class JanusEventsConsumer extends DefaultConsumer
        implements EventListener.PushTarget, ShutdownAware, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(JanusEventsConsumer.class);

    /** A refusal or a malformed push is logged once per this many milliseconds, then counted. */
    private static final long LOG_BURST_MILLIS = 60_000;

    private volatile EventListener listener;
    private EventQueue queue;
    private ExecutorService executor;
    private volatile long lastWarnMillis;

    public JanusEventsConsumer(JanusEventsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public JanusEventsEndpoint getEndpoint() {
        return (JanusEventsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        JanusEventsEndpoint endpoint = getEndpoint();
        executor =
                endpoint.getCamelContext()
                        .getExecutorServiceManager()
                        .newSingleThreadExecutor(this, "janus-events-" + endpoint.getPath());
        ExecutorService current = executor;
        queue =
                new EventQueue(
                        endpoint.getConfiguration().getQueueSize(),
                        endpoint.getConfiguration().isBatch(),
                        task -> {
                            try {
                                current.execute(task);
                            } catch (RejectedExecutionException stopping) {
                                // the consumer stops: what waits is dropped by close()
                            }
                        },
                        this::deliver);
        try {
            takePushes();
        } catch (Exception e) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            throw e;
        }
        registerHealthCheck();
    }

    /** Registers with the listener of this endpoint's host and port (started by the first). */
    private void takePushes() throws Exception {
        JanusEventsEndpoint endpoint = getEndpoint();
        EventListener acquired =
                endpoint.getComponent()
                        .listeners()
                        .acquire(
                                endpoint.getCamelContext(),
                                endpoint.getComponent().vertx(),
                                endpoint.listenerKey());
        try {
            acquired.register(endpoint.getPath(), this);
        } catch (Exception e) {
            endpoint.getComponent().listeners().release(acquired);
            throw e;
        }
        synchronized (this) {
            listener = acquired;
        }
    }

    /**
     * A graceful stop suspends the consumer first: it takes no more pushes (the pushing WebSockets
     * are closed, so Janus holds what follows) while its queue goes on draining, and Camel waits,
     * within its timeout, for what was taken ({@link #getPendingExchangesSize}) before it stops the
     * consumer. So nothing Janus was told is taken is dropped by a stop.
     */
    @Override
    protected void doSuspend() throws Exception {
        stopTakingPushes();
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        takePushes();
        super.doResume();
    }

    private void registerHealthCheck() {
        HealthCheckRepository repository =
                HealthCheckHelper.getHealthCheckRepository(
                        getEndpoint().getCamelContext(), "consumers", HealthCheckRepository.class);
        if (repository != null) {
            JanusEventsHealthCheck check =
                    new JanusEventsHealthCheck("consumer:" + getRouteId(), this);
            check.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    /** Stops taking pushes (a no-op after the suspension a graceful stop begins with). */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        stopTakingPushes();
    }

    /** Not deferred: suspended (see {@link #doSuspend}), then stopped once its queue is routed. */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /** Events taken from Janus and not routed yet: the graceful shutdown waits for them. */
    @Override
    public int getPendingExchangesSize() {
        return queued();
    }

    private void stopTakingPushes() {
        EventListener current;
        synchronized (this) {
            current = listener;
            listener = null;
        }
        if (current != null) {
            current.unregister(getEndpoint().getPath(), this);
            getEndpoint().getComponent().listeners().release(current);
        }
    }

    @Override
    protected void doStop() throws Exception {
        stopTakingPushes();
        if (queue != null) {
            int dropped = queue.close();
            if (dropped > 0) {
                LOG.warn(
                        "janus-events consumer on {} stopped with {} events still not routed"
                                + " at the end of the shutdown timeout: dropped",
                        getEndpoint().getPath(),
                        dropped);
            }
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    /** The listener this consumer is registered with, null when stopped (health). */
    EventListener listener() {
        return listener;
    }

    /** Events waiting to be routed now. */
    int queued() {
        EventQueue current = queue;
        return current == null ? 0 : current.size();
    }

    @Override
    public CompletableFuture<Void> offer(List<ObjectNode> events) {
        Set<String> types = getEndpoint().eventTypes();
        Set<String> subtypes = getEndpoint().eventSubtypes();
        List<ObjectNode> wanted = events;
        if (types != null || subtypes != null) {
            wanted = new ArrayList<>(events.size());
            for (ObjectNode event : events) {
                if ((types == null || types.contains(JanusEvents.typeName(event)))
                        && (subtypes == null || subtypeWanted(event, subtypes))) {
                    wanted.add(event);
                }
            }
        }
        return queue.offer(wanted);
    }

    /**
     * A type without subtypes passes the subtype filter; an event of a type with subtypes passes
     * when its subtype is one asked for (a missing or unknown one does not).
     */
    private static boolean subtypeWanted(ObjectNode event, Set<String> subtypes) {
        JanusEventType type = JanusEventType.of(event.path("type").asInt());
        if (type == null || type.subtypes().isEmpty()) {
            return true;
        }
        String subtype = JanusEvents.subtypeName(event);
        return subtype != null && subtypes.contains(subtype);
    }

    private boolean deliver(List<ObjectNode> item, EventQueue.DoneCallback done) {
        Exchange exchange = createExchange(false);
        if (getEndpoint().getConfiguration().isBatch()) {
            List<Object> envelopes = new ArrayList<>(item.size());
            for (ObjectNode event : item) {
                envelopes.add(JanusEvents.envelope(event));
            }
            exchange.getMessage().setBody(envelopes);
        } else {
            JanusEvents.write(item.get(0), exchange.getMessage());
        }
        return getAsyncProcessor()
                .process(
                        exchange,
                        doneSync -> {
                            if (exchange.getException() != null) {
                                getExceptionHandler()
                                        .handleException(
                                                "Error processing a Janus event",
                                                exchange,
                                                exchange.getException());
                            }
                            releaseExchange(exchange, false);
                            done.done(doneSync);
                        });
    }

    @Override
    public boolean acceptsWebSocket(String query) {
        String secret = getEndpoint().getConfiguration().getSecret();
        if (secret == null) {
            return true;
        }
        List<String> given =
                new QueryStringDecoder(query == null ? "" : query, false)
                        .parameters()
                        .get("secret");
        return given != null && given.size() == 1 && same(given.get(0), secret);
    }

    @Override
    public boolean acceptsPost(String authorization) {
        JanusEventsConfiguration c = getEndpoint().getConfiguration();
        if (c.getUsername() == null) {
            return true;
        }
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (c.getUsername() + ":" + c.getPassword())
                                                .getBytes(StandardCharsets.UTF_8));
        return authorization != null && same(authorization, expected);
    }

    /** Compares in constant time: a secret is not guessed from how fast it is refused. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void refused(String what) {
        warnOncePerBurst("Refused " + what + " on " + getEndpoint().getPath());
    }

    @Override
    public void malformed(String why) {
        warnOncePerBurst("Skipped a push on " + getEndpoint().getPath() + " that is " + why);
    }

    private void warnOncePerBurst(String message) {
        long now = System.currentTimeMillis();
        if (now - lastWarnMillis >= LOG_BURST_MILLIS) {
            lastWarnMillis = now;
            LOG.warn("{} (counted; further ones within a minute are only counted)", message);
        }
    }
}
