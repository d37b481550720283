/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request, one reply over a fresh WebSocket. Probes and admin calls are rare, so a connection
 * per call keeps this free of any shared state that could outlive a Janus restart.
 */
final class WsClient {

    private WsClient() {}

    /**
     * Sends {@code json} and returns the first message whose top-level {@code transaction} equals
     * {@code transaction}.
     *
     * @throws IOException when the connection fails or closes first
     * @throws TimeoutException when no matching reply arrives within {@code timeout}
     */
    static String request(
            HttpClient http,
            URI uri,
            String subprotocol,
            String json,
            String transaction,
            Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<String> reply = new CompletableFuture<>();
        CompletableFuture<WebSocket> connecting =
                http.newWebSocketBuilder()
                        .subprotocols(subprotocol)
                        .connectTimeout(timeout)
                        .buildAsync(uri, new Collector(transaction, reply));
        WebSocket ws = null;
        try {
            ws = connecting.get(remaining(deadline), TimeUnit.NANOSECONDS);
            ws.sendText(json, true).get(remaining(deadline), TimeUnit.NANOSECONDS);
            return reply.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("WebSocket request to " + uri + " failed: " + cause, cause);
        } finally {
            if (ws != null) {
                ws.abort();
            } else {
                // A frozen Janus accepts TCP but never answers the upgrade; do not leave the
                // pending handshake to complete into a socket nobody closes.
                var unused = connecting.thenAccept(WebSocket::abort);
            }
        }
    }

    private static long remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("no reply in time");
        }
        return left;
    }

    /** Reassembles fragmented text messages and completes on the matching transaction. */
    private static final class Collector implements WebSocket.Listener {
        private final String transaction;
        private final CompletableFuture<String> reply;
        private final StringBuilder buffer = new StringBuilder();

        Collector(String transaction, CompletableFuture<String> reply) {
            this.transaction = transaction;
            this.reply = reply;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                try {
                    Map<String, Object> object = Json.parseObject(message);
                    if (transaction.equals(Json.string(object, "transaction"))) {
                        reply.complete(message);
                    }
                } catch (IllegalArgumentException notOurs) {
                    // Not JSON or not an object: cannot be the reply we wait for.
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            reply.completeExceptionally(
                    new IOException("closed by Janus (" + statusCode + " " + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            reply.completeExceptionally(error);
        }
    }
}
