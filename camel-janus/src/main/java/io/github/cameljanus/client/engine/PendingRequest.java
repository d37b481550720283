/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One slot of the {@link TransactionTable}. Its state changes only under its own lock, which is
 * what makes it complete exactly once whatever order frames, deadline and failures race in.
 */
public final class PendingRequest {

    enum State {
        /** Waiting for a final frame (maybe after a provisional one). */
        PENDING,
        /** Completed, but a trailing frame with the same transaction is still expected. */
        AWAITING_FOLLOW_UP,
        /** Completed and out of the table. */
        DONE
    }

    final String transaction;
    final RequestKind kind;
    final long sessionId;
    final long handleId;
    final boolean awaitEvent;
    final boolean failOnPluginError;
    final CompletableFuture<JanusReply> future = new CompletableFuture<>();

    State state = State.PENDING;
    boolean provisionalSeen;
    String followUp;

    /** How long it may wait, and until when ({@link System#nanoTime()}). */
    final Duration timeout;

    final long deadline;

    PendingRequest(
            String transaction,
            RequestKind kind,
            long sessionId,
            long handleId,
            RequestOptions options,
            Duration timeout) {
        this.transaction = transaction;
        this.kind = kind;
        this.sessionId = sessionId;
        this.handleId = handleId;
        this.awaitEvent = options.awaitEvent();
        this.failOnPluginError = options.failOnPluginError();
        this.timeout = timeout;
        this.deadline = deadlineOf(System.nanoTime(), timeout);
    }

    /**
     * When a request sent at {@code now} times out. A timeout too long for nanoseconds (about 292
     * years) means no deadline in practice: it saturates, so that registering never throws.
     */
    static long deadlineOf(long now, Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        long limit = Long.MAX_VALUE / 4; // nanoTime differences must not overflow in the sweep
        return now + Math.min(nanos, limit);
    }

    /** Returns the transaction id to put in the envelope. */
    public String transaction() {
        return transaction;
    }

    /** Returns the future the caller waits on; completed on the table's completion executor. */
    public CompletableFuture<JanusReply> future() {
        return future;
    }

    @Override
    public String toString() {
        return kind.verb() + " (transaction " + transaction + ")";
    }
}
