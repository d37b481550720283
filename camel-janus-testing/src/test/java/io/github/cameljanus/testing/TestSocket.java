/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** A test WebSocket that keeps every message it receives, for Awaitility to look at. */
final class TestSocket implements AutoCloseable {

    private static final AtomicInteger TX = new AtomicInteger();

    private final List<Map<String, Object>> received;
    private final WebSocket ws;

    private TestSocket(WebSocket ws, List<Map<String, Object>> received) {
        this.ws = ws;
        this.received = received;
    }

    static TestSocket janusApi(JanusServer janus) throws Exception {
        return connect(janus.wsUrl(), "janus-protocol", null);
    }

    static TestSocket connect(String url, String subprotocol, SSLContext ssl) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder();
        if (ssl != null) {
            b.sslContext(ssl);
        }
        List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
        StringBuilder buffer = new StringBuilder();
        WebSocket ws =
                b.build()
                        .newWebSocketBuilder()
                        .subprotocols(subprotocol)
                        .buildAsync(
                                URI.create(url),
                                new WebSocket.Listener() {
                                    @Override
                                    public CompletionStage<?> onText(
                                            WebSocket w, CharSequence data, boolean last) {
                                        buffer.append(data);
                                        if (last) {
                                            received.add(Json.parseObject(buffer.toString()));
                                            buffer.setLength(0);
                                        }
                                        w.request(1);
                                        return null;
                                    }
                                })
                        .get(5, TimeUnit.SECONDS);
        return new TestSocket(ws, received);
    }

    /**
     * Sends {@code json} (an object without transaction) with a fresh transaction and returns it.
     */
    String send(String json) throws Exception {
        String tx = "t" + TX.incrementAndGet();
        String body = json.trim().substring(1);
        ws.sendText("{\"transaction\":\"" + tx + "\"," + body, true).get(5, TimeUnit.SECONDS);
        return tx;
    }

    /** Returns the reply to {@code tx} if it has arrived. */
    Optional<Map<String, Object>> reply(String tx) {
        return received.stream().filter(m -> tx.equals(m.get("transaction"))).findFirst();
    }

    /** Sends and waits up to 5 s for the reply. */
    Map<String, Object> request(String json) throws Exception {
        String tx = send(json);
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> reply(tx), Optional::isPresent)
                .orElseThrow();
    }

    /** Casts a parsed JSON member to an object, for assertions. */
    @SuppressWarnings("unchecked") // Json builds Map<String, Object> for every object
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Override
    public void close() {
        ws.abort();
    }
}
