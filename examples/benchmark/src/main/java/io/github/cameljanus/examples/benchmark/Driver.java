/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One way of talking to Janus (through Camel, or through the client API). Every operation verifies
 * its reply and fails (throws, or completes its future exceptionally) on anything unexpected.
 */
interface Driver extends AutoCloseable {

    /** Connects (one WebSocket) to Janus. */
    void connect(String url) throws Exception;

    /** W1/W2 set-up: one session with {@code handles} echotest handles. */
    void openHandles(int handles) throws Exception;

    /** W1/W2 tear-down: detaches the handles, destroys the session. */
    void closeHandles() throws Exception;

    /** True when the operations below are asynchronous (else they block the calling thread). */
    boolean async();

    /** One plugin message {@code {"audio":true}} to handle {@code i mod handles}. */
    CompletableFuture<?> messageAsync(int i);

    /** Blocking form of {@link #messageAsync}. */
    void message(int i) throws Exception;

    /** One W3 cycle: create, attach echotest, detach, destroy. */
    CompletableFuture<?> cycleAsync(int i);

    /** Blocking form of {@link #cycleAsync}. */
    void cycle(int i) throws Exception;

    /** W4: creates one session kept alive by the client; returns its id. */
    long createSession() throws Exception;

    /** W4: sends one keepalive for a session and waits for its ack (fails if it expired). */
    void keepAlive(long sessionId) throws Exception;

    /** W4: destroys a session. */
    void destroySession(long sessionId) throws Exception;

    /** W4: keepalive requests sent so far, -1 when this driver cannot count them. */
    default long keepalivesSent() {
        return -1;
    }

    /**
     * Checks the end state (nothing pending, no late or malformed replies) and returns diagnostics
     * for the JSON line; fails when something is wrong.
     */
    Map<String, Object> verifyAndDiagnose() throws Exception;
}
