/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import io.github.cameljanus.client.transport.JanusTransport;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one writer of a socket: messages are sent in submission order and the next send starts only
 * when the previous one completed, so at most one send is ever in flight (JSR-356 forbids
 * overlapping sends on one session).
 */
final class SendQueue {

    private record Outgoing(String text, CompletableFuture<Void> sent) {}

    private final JanusTransport transport;
    private final Queue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    SendQueue(JanusTransport transport) {
        this.transport = transport;
    }

    /**
     * Queues a message.
     *
     * @return completes when the transport accepted the message, exceptionally if it failed
     */
    CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        queue.add(new Outgoing(text, sent));
        drain();
        return sent;
    }

    /**
     * Starts the next send unless one is in flight. Sends the transport completes at once are
     * handled in this loop rather than by recursion, so a burst cannot overflow the stack.
     */
    private void drain() {
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            Outgoing next = queue.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            CompletableFuture<Void> result = start(next);
            if (result.isDone()) {
                settle(next, result);
                sending.set(false);
            } else {
                CompletableFuture<?> unused =
                        result.whenComplete(
                                (ignored, error) -> {
                                    settle(next, result);
                                    sending.set(false);
                                    drain();
                                });
                return;
            }
        }
    }

    private CompletableFuture<Void> start(Outgoing outgoing) {
        try {
            return transport.sendText(outgoing.text());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Called once {@code result} is done. */
    private static void settle(Outgoing outgoing, CompletableFuture<Void> result) {
        if (result.isCompletedExceptionally()) {
            outgoing.sent().completeExceptionally(failureOf(result));
        } else {
            outgoing.sent().complete(null);
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> done) {
        try {
            done.join();
            return new IllegalStateException("send did not fail");
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }
}
