/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusSession;
import java.util.concurrent.CompletableFuture;

/**
 * The managed session and handle of one (plugin, opaqueId) on a shared connection: created on first
 * use, shared by every endpoint of the connection with that plugin, and created again when Janus or
 * the connection lost them (sessionLost, timeout, 458, detached). Without a plugin it is a managed
 * session only.
 */
final class ManagedHandle {

    private final JanusClient client;
    private final String plugin;
    private final String opaqueId;

    private CompletableFuture<JanusSession> session;
    private CompletableFuture<JanusHandle> handle;

    ManagedHandle(JanusClient client, String plugin, String opaqueId) {
        this.client = client;
        this.plugin = plugin;
        this.opaqueId = opaqueId;
    }

    /** The live managed session, creating it when there is none. */
    synchronized CompletableFuture<JanusSession> session() {
        if (!isLive(session)) {
            session = client.createSession();
            handle = null;
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
            handle = session().thenCompose(s -> s.attach(plugin, opaqueId));
        }
        return handle;
    }

    /** True when the managed handle is attached now (for health checks). */
    synchronized boolean isAttached() {
        return handle != null
                && handle.isDone()
                && !handle.isCompletedExceptionally()
                && !handle.join().isClosed();
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
