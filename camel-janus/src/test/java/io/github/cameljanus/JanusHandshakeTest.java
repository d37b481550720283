/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the WebSocket handshake carries: the Janus subprotocol, and the origin option. */
class JanusHandshakeTest {

    /** Every thread of ours ends with the test's CamelContext. */
    @AfterEach
    void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    @Test
    void handshakeOffersJanusProtocolAndTheConfiguredOrigin() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor =
                    new Thread(
                            () -> {
                                try (Socket socket = server.accept();
                                        BufferedReader in =
                                                new BufferedReader(
                                                        new InputStreamReader(
                                                                socket.getInputStream(),
                                                                StandardCharsets.US_ASCII))) {
                                    for (String line = in.readLine();
                                            line != null && !line.isEmpty();
                                            line = in.readLine()) {
                                        lines.add(line);
                                    }
                                } catch (java.io.IOException e) {
                                    lines.add("accept failed: " + e);
                                }
                            },
                            "janus-test-handshake");
            acceptor.start();
            try (CamelContext context = new DefaultCamelContext()) {
                String url = "ws://127.0.0.1:" + server.getLocalPort() + "/janus";
                context.addRoutes(
                        new RouteBuilder() {
                            @Override
                            public void configure() {
                                from("direct:x")
                                        .to(
                                                "janus:"
                                                        + url
                                                        + "?origin=https://app.example&connectTimeout=1s");
                            }
                        });
                context.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> !acceptor.isAlive());
            }
        }
        assertThat(lines).anyMatch(l -> l.startsWith("GET /janus "));
        assertThat(lines).anyMatch(l -> l.equalsIgnoreCase("Origin: https://app.example"));
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.toLowerCase(java.util.Locale.ROOT)
                                        .startsWith("sec-websocket-protocol: janus-protocol"));
    }
}
