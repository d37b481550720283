/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another client of Janus, as janus.js would be: a bare WebSocket speaking the Janus API, nothing
 * of this project. Its sessions are its own, so only Janus's event handlers tell Camel about them.
 */
final class RawJanusClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private final WebSocket socket;

    RawJanusClient(String url) throws Exception {
        socket =
                http.newWebSocketBuilder()
                        .subprotocols("janus-protocol")
                        .buildAsync(URI.create(url), new Collector())
                        .get(10, TimeUnit.SECONDS);
    }

    /** Sends a request and returns Janus's answer to it (not its ack). */
    JsonNode request(ObjectNode request) throws Exception {
        return send(request, false);
    }

    /** Sends a request Janus only acks (trickle) and returns the ack. */
    JsonNode requestAck(ObjectNode request) throws Exception {
        return send(request, true);
    }

    private JsonNode send(ObjectNode request, boolean ackIsTheAnswer) throws Exception {
        String transaction = "raw-" + transactions.incrementAndGet();
        request.put("transaction", transaction);
        socket.sendText(JSON.writeValueAsString(request), true).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null
                    && transaction.equals(message.path("transaction").asText())
                    && (ackIsTheAnswer || !"ack".equals(message.path("janus").asText()))) {
                if ("error".equals(message.path("janus").asText())) {
                    throw new IllegalStateException("Janus refused " + request + ": " + message);
                }
                return message;
            }
        }
        throw new IllegalStateException("No answer to " + request);
    }

    long createSession() throws Exception {
        return request(JSON.createObjectNode().put("janus", "create"))
                .path("data")
                .path("id")
                .asLong();
    }

    long attach(long session, String plugin, String opaqueId) throws Exception {
        return request(
                        JSON.createObjectNode()
                                .put("janus", "attach")
                                .put("session_id", session)
                                .put("plugin", plugin)
                                .put("opaque_id", opaqueId))
                .path("data")
                .path("id")
                .asLong();
    }

    void detach(long session, long handle) throws Exception {
        request(
                JSON.createObjectNode()
                        .put("janus", "detach")
                        .put("session_id", session)
                        .put("handle_id", handle));
    }

    void destroy(long session) throws Exception {
        request(JSON.createObjectNode().put("janus", "destroy").put("session_id", session));
    }

    @Override
    public void close() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(text.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("Janus sent what is not JSON: " + text, e);
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
