/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * What a real Janus cannot be made to send: a body past maxMessageSize gets 413, is counted, and
 * the next push is delivered.
 */
class JanusEventsLimitsTest {

    @Test
    void aBodyPastTheLimitGets413AndTheNextIsDelivered() throws Exception {
        int port = FreePort.pick();
        List<Exchange> received = new CopyOnWriteArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus-events:127.0.0.1:" + port + "/events?maxMessageSize=1000")
                                    .process(received::add);
                        }
                    });
            context.start();
            HttpClient http = HttpClient.newHttpClient();
            String big =
                    "{\"type\":1,\"session_id\":1,\"event\":{\"pad\":\""
                            + "x".repeat(50_000)
                            + "\"}}";
            HttpResponse<String> refused =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/events"))
                                    .POST(HttpRequest.BodyPublishers.ofString(big))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(413);

            HttpResponse<String> small =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/events"))
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"type\":1,\"session_id\":2,\"event\":{}}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(small.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
            JanusEventsComponent component =
                    context.getComponent("janus-events", JanusEventsComponent.class);
            assertThat(component.listeners().snapshot().get(0).counters().oversizedMessages())
                    .isEqualTo(1);
        }
    }
}
