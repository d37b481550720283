/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusEvent;
import io.github.cameljanus.client.JanusEventListener;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed session and handle of one (plugin, opaqueId) on a shared connection: created on first
 * use (or when a consumer with this plugin starts), shared by every endpoint of the connection with
 * that plugin. Once it exists it is kept: when Janus or the connection loses it (sessionLost after
 * a failed claim, timeout, a keepalive answered 458, or the handle detached) it is created and
 * attached again at once, and again after each reconnect if that failed, so a consumer keeps
 * receiving without a producer request to trigger it. Without a plugin it is a managed session
 * only.
 */
final class ManagedHandle implements JanusEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedHandle.class);

    /** The first retry after a failed creation; doubles up to {@link #maxRetryDelay}. */
    private static final long FIRST_RETRY_MILLIS = 250;

    private final JanusClient client;
    private final String plugin;
    private final String opaqueId;
    private final ScheduledExecutorService scheduler;
    private final long maxRetryDelay;

    private CompletableFuture<JanusSession> session;
    private CompletableFuture<JanusHandle> handle;
    private boolean kept;
    private boolean everCreated;
    private int failures;
    private ScheduledFuture<?> retry;
    private Created lastCreated;
    private final List<Consumer<Created>> createdListeners = new CopyOnWriteArrayList<>();

    /** The managed session and handle now; {@code again} after the first creation. */
    record Created(JanusSession session, JanusHandle handle, boolean again) {}

    ManagedHandle(
            JanusClient client,
            String plugin,
            String opaqueId,
            ScheduledExecutorService scheduler,
            long maxRetryDelay) {
        this.client = client;
        this.plugin = plugin;
        this.opaqueId = opaqueId;
        this.scheduler = scheduler;
        this.maxRetryDelay = maxRetryDelay;
    }

    /** The live managed session, creating it when there is none. */
    synchronized CompletableFuture<JanusSession> session() {
        kept = true;
        if (!isLive(session)) {
            CompletableFuture<JanusSession> created = client.createSession();
            session = created;
            handle = null;
            CompletableFuture<?> unused = created.thenAccept(s -> s.addEventListener(this));
        }
        return session;
    }

    /** The live managed handle, creating its session and attaching when needed. */
    synchronized CompletableFuture<JanusHandle> handle() {
        if (plugin == null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(
                            "No handle to address: set the plugin option, or the"
                                    + " CamelJanusHandleId header"));
        }
        if (!isLive(handle)) {
            CompletableFuture<JanusHandle> attached =
                    session().thenCompose(s -> s.attach(plugin, opaqueId));
            handle = attached;
            CompletableFuture<?> unused =
                    attached.whenComplete(
                            (created, error) -> {
                                if (error == null) {
                                    succeeded(created);
                                }
                            });
        }
        return handle;
    }

    /** Marks it wanted (a consumer with this plugin started): re-created after every loss. */
    synchronized void keep() {
        kept = true;
    }

    /**
     * Creates the session and handle (again) if they are gone and they are wanted. A failure is
     * logged and retried with backoff while connected (up to the reconnect delay's maximum); a
     * reconnect tries again at once.
     */
    void ensure() {
        CompletableFuture<?> live;
        boolean recreate;
        synchronized (this) {
            cancelRetry();
            if (!kept || !client.isConnected()) {
                return;
            }
            live = plugin == null ? session() : handle();
            recreate = everCreated;
        }
        CompletableFuture<?> unused =
                live.whenComplete(
                        (created, error) -> {
                            if (error != null) {
                                failed(error, recreate);
                            } else if (plugin == null) {
                                succeeded(created);
                            }
                        });
    }

    private void succeeded(Object created) {
        Created event = null;
        List<Consumer<Created>> listeners;
        synchronized (this) {
            boolean again = everCreated;
            everCreated = true;
            failures = 0;
            if (created instanceof JanusHandle h) {
                event = new Created(h.session(), h, again);
                lastCreated = event;
            }
            // Taken with lastCreated: a listener added later gets this creation replayed instead.
            listeners = List.copyOf(createdListeners);
        }
        if (event != null) {
            Created notified = event;
            listeners.forEach(listener -> listener.accept(notified));
        }
    }

    /**
     * Hears each creation of the managed handle (consumers turn it into an exchange), the current
     * one included when the handle is attached already (a consumer started after it was created):
     * each listener hears each creation once.
     */
    void addCreatedListener(Consumer<Created> listener) {
        Created replay;
        synchronized (this) {
            createdListeners.add(listener);
            replay =
                    lastCreated != null && isAttached() && handle.join() == lastCreated.handle()
                            ? lastCreated
                            : null;
        }
        if (replay != null) {
            listener.accept(replay);
        }
    }

    void removeCreatedListener(Consumer<Created> listener) {
        createdListeners.remove(listener);
    }

    private void failed(Throwable error, boolean recreate) {
        String next;
        synchronized (this) {
            long delay = Math.min(maxRetryDelay, FIRST_RETRY_MILLIS << Math.min(failures, 16));
            failures++;
            if (!client.isConnected()) {
                next = "again once connected"; // onConnected ensures it
            } else {
                try {
                    retry = scheduler.schedule(this::ensure, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    return; // closing
                }
                next = "retrying in " + delay + " ms";
            }
        }
        LOG.warn(
                "Cannot {} the managed {} of {} ({}): {}",
                recreate ? "re-create" : "create",
                plugin == null ? "session" : "handle",
                plugin == null ? client.config().addresses() : plugin,
                next,
                String.valueOf(error.getMessage()));
    }

    /** Caller holds this. */
    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    /** The managed session's events: re-create after a loss of the session or the handle. */
    @Override
    public void onEvent(JanusEvent event) {
        boolean lost;
        synchronized (this) {
            lost =
                    JanusEvent.SESSION_LOST.equals(event.type())
                            || ("detached".equals(event.type()) && isMine(event.handleId()));
        }
        if (lost) {
            ensure();
        }
    }

    private boolean isMine(long handleId) {
        return handle != null
                && handle.isDone()
                && !handle.isCompletedExceptionally()
                && handle.join().id() == handleId;
    }

    /** True when the managed handle is attached now (for health checks). */
    synchronized boolean isAttached() {
        return handle != null
                && handle.isDone()
                && !handle.isCompletedExceptionally()
                && !handle.join().isClosed();
    }

    /** The managed session's id, 0 when there is none yet (for tests and logs). */
    synchronized long sessionId() {
        return session != null && session.isDone() && !session.isCompletedExceptionally()
                ? session.join().id()
                : 0;
    }

    private static boolean isLive(CompletableFuture<?> future) {
        if (future == null || future.isCompletedExceptionally()) {
            return false;
        }
        if (!future.isDone()) {
            return true;
        }
        Object value = future.join();
        if (value instanceof JanusSession s) {
            return !s.isClosed();
        }
        return !((JanusHandle) value).isClosed();
    }
}
