/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.events.JanusEventsConfiguration;
import io.github.cameljanus.events.JanusEventsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The camel.component.janus-events.* properties reach the janus-events: component, and its listener
 * works inside a Spring Boot application (whose dependency management picks the Netty version
 * Vert.x runs on).
 */
class JanusEventsComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    CamelAutoConfiguration.class,
                                    JanusComponentConverter.class,
                                    JanusEventsComponentAutoConfiguration.class));

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void propertiesReachTheEndpointsAndTheListenerReceivesAPost() {
        int port = freePort();
        List<Exchange> received = new CopyOnWriteArrayList<>();
        runner.withPropertyValues(
                        "camel.component.janus-events.queue-size=42",
                        "camel.component.janus-events.event-types=session,handle",
                        "camel.component.janus-events.username=janus",
                        "camel.component.janus-events.password=pw")
                .withBean(
                        RouteBuilder.class,
                        () ->
                                new RouteBuilder() {
                                    @Override
                                    public void configure() {
                                        from("janus-events:127.0.0.1:" + port + "/events")
                                                .process(received::add);
                                    }
                                })
                .run(
                        context -> {
                            CamelContext camel = context.getBean(CamelContext.class);
                            JanusEventsConfiguration c =
                                    camel.getEndpoint(
                                                    "janus-events:127.0.0.1:" + port + "/events",
                                                    JanusEventsEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getQueueSize()).isEqualTo(42);
                            assertThat(c.getEventTypes()).isEqualTo("session,handle");

                            HttpClient http = HttpClient.newHttpClient();
                            HttpResponse<String> response =
                                    http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create(
                                                                    "http://127.0.0.1:"
                                                                            + port
                                                                            + "/events"))
                                                    .header(
                                                            "Authorization",
                                                            "Basic amFudXM6cHc=") // janus:pw
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofString(
                                                                    "[{\"type\":1,\"session_id\":7,"
                                                                            + "\"event\":{\"name\":"
                                                                            + "\"created\"}},"
                                                                            + "{\"type\":128,"
                                                                            + "\"event\":{}}]"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString());
                            assertThat(response.statusCode()).isEqualTo(200);
                            await().atMost(Duration.ofSeconds(10))
                                    .until(() -> received.size() == 1);
                            assertThat(
                                            received.get(0)
                                                    .getMessage()
                                                    .getHeader("CamelJanusSessionId"))
                                    .isEqualTo(7L);
                        });
    }
}
