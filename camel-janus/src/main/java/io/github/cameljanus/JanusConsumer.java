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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the events of every session of the endpoint's connection into exchanges, filtered by
 * eventTypes. The client delivers events on the dispatch threads, never on the socket's thread, one
 * session at a time: the consumer hands each exchange to the route asynchronously and tells the
 * client it is done when the exchange is, so the next event of that session waits for it without
 * holding a thread (a route waiting for Janus holds none). Connection changes ({@code connected},
 * {@code connectionLost}) have their own lane, in order. A suspended consumer drops and counts
 * events.
 */
public class JanusConsumer extends DefaultConsumer
        implements JanusEventListener, JanusConnectionListener, Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(JanusConsumer.class);

    private final AtomicLong droppedWhileSuspended = new AtomicLong();
    private SharedConnection connection;
    private ManagedHandle managed;
    private final java.util.function.Consumer<ManagedHandle.Created> createdListener =
            this::managedHandleCreated;
    private volatile boolean delivering;

    /** The managed session and handle of the last creation: managedHandleOnly's filter. */
    private volatile ManagedHandle.Created managedCreated;

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
        JanusHealthCheck.registerFor(
                this, getEndpoint().addresses(), () -> connection, this::managedHandleDownReason);
        delivering = true;
        connection.client().addEventListener(this);
        // Hears "connected" also when the connection is up already (another route made it).
        connection.client().addConnectionListener(this);
        JanusConfiguration configuration = getEndpoint().getConfiguration();
        if (configuration.getPlugin() != null) {
            // Wanted from now on: attached after every (re)connect, re-created after a loss.
            managed =
                    connection.managedHandle(
                            configuration.getPlugin(), configuration.getOpaqueId());
            managed.addCreatedListener(createdListener);
            managed.keep();
        }
        if (managed != null) {
            // Now when connected; else on connect (the connection's own listener).
            managed.ensure();
        }
    }

    /** Why the managed handle makes this consumer DOWN, or null (none, or attached). */
    private String managedHandleDownReason(SharedConnection current) {
        JanusConfiguration configuration = getEndpoint().getConfiguration();
        if (configuration.getPlugin() != null
                && !current.managedHandle(configuration.getPlugin(), configuration.getOpaqueId())
                        .isAttached()) {
            return "Managed handle not attached to " + configuration.getPlugin();
        }
        return null;
    }

    @Override
    protected void doStop() throws Exception {
        delivering = false;
        if (managed != null) {
            managed.removeCreatedListener(createdListener);
            managed = null;
        }
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
        CompletionStage<?> unused = onEventAsync(event);
    }

    @Override
    public CompletionStage<?> onEventAsync(JanusEvent event) {
        if (!accepts(event.type())
                || !ofThisPlugin(event)
                || !ofTheSelectedIds(event.sessionId(), event.handleId())) {
            return null;
        }
        Exchange exchange = createExchange(false);
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
        return deliver(exchange);
    }

    @Override
    public CompletionStage<?> onConnectedAsync(URI address) {
        return accepts(JanusEventTypes.CONNECTED)
                ? deliver(connectionExchange(JanusEventTypes.CONNECTED, address, null))
                : null;
    }

    @Override
    public CompletionStage<?> onDisconnectedAsync(Throwable reason) {
        return accepts(JanusEventTypes.CONNECTION_LOST)
                ? deliver(connectionExchange(JanusEventTypes.CONNECTION_LOST, null, reason))
                : null;
    }

    /**
     * The managed session and handle exist (again): the hook for setting up plugin state (a room, a
     * monitor's membership) that a Janus restart took away. Runs the route on the thread that
     * completed the attach (a completion thread), not in a session lane.
     */
    private void managedHandleCreated(ManagedHandle.Created created) {
        managedCreated = created;
        if (!accepts(JanusEventTypes.MANAGED_HANDLE_CREATED)
                || !ofTheSelectedIds(created.session().id(), created.handle().id())) {
            return;
        }
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeader(JanusConstants.EVENT_TYPE, JanusEventTypes.MANAGED_HANDLE_CREATED);
        message.setHeader(JanusConstants.SESSION_ID, created.session().id());
        message.setHeader(JanusConstants.HANDLE_ID, created.handle().id());
        message.setHeader(JanusConstants.PLUGIN, created.handle().plugin());
        JanusBody body = new JanusBody();
        body.put("session_id", created.session().id());
        body.put("handle_id", created.handle().id());
        body.put("plugin", created.handle().plugin());
        body.put("again", created.again());
        message.setBody(body);
        CompletionStage<?> unused = deliver(exchange);
    }

    private Exchange connectionExchange(String type, URI address, Throwable reason) {
        Exchange exchange = createExchange(false);
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

    /**
     * With the plugin option, the events of handles of other plugins are not this consumer's: a
     * handle's event is delivered when its plugin (from the event, or from the attach that made the
     * handle) is this one, or is not known; session-level events are delivered.
     */
    private boolean ofThisPlugin(JanusEvent event) {
        String plugin = getEndpoint().getConfiguration().getPlugin();
        String eventPlugin = event.plugin();
        return plugin == null
                || event.handleId() == 0
                || eventPlugin == null
                || plugin.equals(eventPlugin);
    }

    /**
     * The sessionId, handleId and managedHandleOnly filters. The managed ids are those of its last
     * creation, so the sessionLost of a lost managed session is still its own.
     */
    private boolean ofTheSelectedIds(long sessionId, long handleId) {
        JanusConfiguration configuration = getEndpoint().getConfiguration();
        if (configuration.getSessionId() != 0 && sessionId != configuration.getSessionId()) {
            return false;
        }
        if (configuration.getHandleId() != 0 && handleId != configuration.getHandleId()) {
            return false;
        }
        ManagedHandle.Created managedNow = managedCreated;
        return !configuration.isManagedHandleOnly()
                || (managedNow != null
                        && sessionId == managedNow.session().id()
                        && (handleId == 0 || handleId == managedNow.handle().id()));
    }

    private boolean accepts(String type) {
        Set<String> types = getEndpoint().eventTypes();
        return types == null || types.contains(type);
    }

    /**
     * Starts the route on the calling dispatch thread and returns a stage that completes when the
     * exchange is done (null when it was done before this returns), which keeps the per-session
     * order without holding the thread while the route waits; route errors go to the consumer's
     * ExceptionHandler (or the route's error handler with bridgeErrorHandler). The exchange is
     * created without auto-release and released once here, when it is done.
     */
    private CompletionStage<?> deliver(Exchange exchange) {
        if (!delivering || !isRunAllowed()) {
            long dropped = droppedWhileSuspended.incrementAndGet();
            LOG.debug("Consumer not delivering; dropped event #{}", dropped);
            releaseExchange(exchange, false);
            return null;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean sync;
        try {
            sync = getAsyncProcessor().process(exchange, doneSync -> exchangeDone(exchange, done));
        } catch (RuntimeException e) {
            // AsyncProcessor.process does not throw by contract; if one does, this exchange fails
            exchange.setException(e);
            exchangeDone(exchange, done);
            return null;
        }
        return sync ? null : done;
    }

    private void exchangeDone(Exchange exchange, CompletableFuture<Void> done) {
        try {
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException(
                                "Error processing Janus event", exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
            done.complete(null);
        }
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
