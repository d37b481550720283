/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts TCP and never answers (a frozen Janus, a firewall that drops packets) must
 * not hold the CamelContext's start or stop: connections are made in the background.
 */
class JanusUnresponsiveServerTest {

    private static final int ENDPOINTS = 7;

    @AfterEach
    void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    @Test
    void sevenEndpointsStartAtOnceAndStopWithinTheShutdownTimeout() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = silentAcceptor(server, accepted);
            acceptor.start();
            String url = "ws://127.0.0.1:" + server.getLocalPort();
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            for (int i = 0; i < ENDPOINTS; i++) {
                                // Distinct connection options: seven connections, not one.
                                String janus =
                                        "janus:"
                                                + url
                                                + "?connectTimeout="
                                                + (10 + i)
                                                + "s&shutdownTimeout=1s&requestTimeout=500";
                                from("direct:e" + i).to(janus);
                                from(janus).routeId("events" + i).log("${body}");
                            }
                        }
                    });

            long started = System.nanoTime();
            context.start();
            Duration startTook = Duration.ofNanos(System.nanoTime() - started);
            Exchange failed =
                    context.createProducerTemplate()
                            .request(
                                    "direct:e0",
                                    e ->
                                            e.getMessage()
                                                    .setHeader(JanusConstants.OPERATION, "ping"));
            long stopping = System.nanoTime();
            context.stop();
            Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);
            acceptor.interrupt();
            for (Socket socket : accepted) {
                socket.close();
            }

            assertThat(startTook).isLessThan(Duration.ofSeconds(2));
            // shutdownTimeout (1 s) plus a second.
            assertThat(stopTook).isLessThan(Duration.ofSeconds(2));
            // The first request waited for the first round within its deadline, then failed.
            assertThat(failed.getException())
                    .isInstanceOf(JanusConnectionLostException.class)
                    .hasMessageContaining("not connected");
        }
    }

    @Test
    void aConnectionThatGaveUpSaysSoOnceAndDoesNotClaimToReconnect() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // closed again: connections are refused
        }
        try (LogCapture log = new LogCapture(org.apache.logging.log4j.Level.INFO);
                CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:x")
                                    .to("janus:ws://127.0.0.1:" + port + "?maxReconnectAttempts=0");
                        }
                    });
            context.start();

            await().atMost(Duration.ofSeconds(5))
                    .until(
                            () ->
                                    log.warningsAndErrors().stream()
                                            .anyMatch(l -> l.contains("Gave up")));
            await().atMost(Duration.ofSeconds(5))
                    .until(
                            () ->
                                    log.warningsAndErrors().stream()
                                            .anyMatch(l -> l.contains("not reachable yet")));
            assertThat(log.warningsAndErrors()).filteredOn(l -> l.contains("Gave up")).hasSize(1);
            assertThat(log.warningsAndErrors())
                    .noneMatch(l -> l.contains("reconnecting in the background"))
                    .anyMatch(l -> l.contains("connection refused"));
        }
    }

    private static Thread silentAcceptor(ServerSocket server, List<Socket> accepted) {
        Thread acceptor =
                new Thread(
                        () -> {
                            try {
                                while (!Thread.currentThread().isInterrupted()) {
                                    accepted.add(server.accept()); // and never answer
                                }
                            } catch (java.io.IOException e) {
                                // the server socket closed: the test is over
                            }
                        },
                        "test-silent-acceptor");
        acceptor.setDaemon(true);
        return acceptor;
    }
}
