/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.testing.JanusServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The application over HTTP against a real Janus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RoomsApplicationIT.Janus.class)
@DirtiesContext
class RoomsApplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The test's Janus, a bean closed with the context (after Camel stopped). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Janus {
        @Bean(destroyMethod = "close")
        JanusServer janusServer() {
            return JanusServer.builder().build().start();
        }

        @Bean
        DynamicPropertyRegistrar janusUrl(JanusServer janus) {
            return registry -> registry.add("janus.url", janus::wsUrl);
        }
    }

    @LocalServerPort int port;
    @Autowired ProducerTemplate template;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void roomLifecycleWithLiveParticipantCount() throws Exception {
        HttpResponse<String> created = send("POST", "/rooms", "{\"description\":\"it room\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long room = JSON.readTree(created.body()).path("room").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/rooms/" + room);

        HttpResponse<String> list = send("GET", "/rooms", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).findValuesAsText("description")).contains("it room");

        assertThat(stats(room).path("participants").asInt()).isZero();

        long[] alice = join(room, "alice");
        long[] bob = join(room, "bob");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(stats(room).path("participants").asInt()).isEqualTo(2));

        HttpResponse<String> participants = send("GET", "/rooms/" + room + "/participants", null);
        assertThat(participants.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(participants.body()).findValuesAsText("display"))
                .containsExactlyInAnyOrder("alice", "bob");

        leave(alice);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(stats(room).path("participants").asInt()).isEqualTo(1));
        assertThat(stats(room).path("joins").asInt()).isEqualTo(2);
        assertThat(stats(room).path("leaves").asInt()).isEqualTo(1);
        leave(bob);

        HttpResponse<String> destroyed = send("DELETE", "/rooms/" + room, null);
        assertThat(destroyed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(destroyed.body()).path("videoroom").asText())
                .isEqualTo("destroyed");

        HttpResponse<String> gone = send("GET", "/rooms/" + room + "/participants", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(send("GET", "/rooms/" + room + "/stats", null).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownRoomIs404WithJanusMessage() throws Exception {
        HttpResponse<String> response = send("GET", "/rooms/987654321/participants", null);
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("janusCode").asInt()).isEqualTo(426);
        assertThat(problem.path("detail").asText()).contains("No such room");

        assertThat(send("DELETE", "/rooms/987654321", null).statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAre400() throws Exception {
        HttpResponse<String> badJson = send("POST", "/rooms", "{\"description\": ");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).path("detail").asText()).contains("JSON");

        HttpResponse<String> badType = send("POST", "/rooms", "{\"publishers\":\"many\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(badType.body());
        assertThat(problem.path("detail").asText()).contains("publishers");
        assertThat(problem.path("janusCode").asInt()).isEqualTo(430);

        HttpResponse<String> existing = send("POST", "/rooms", "{\"room\":1234}");
        assertThat(existing.statusCode()).isEqualTo(409);
    }

    @Test
    void healthShowsTheJanusConnection() throws Exception {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> {
                            HttpResponse<String> health = send("GET", "/actuator/health", null);
                            assertThat(health.statusCode()).isEqualTo(200);
                            JsonNode camel =
                                    JSON.readTree(health.body())
                                            .path("components")
                                            .path("camelHealth");
                            assertThat(camel.path("status").asText()).isEqualTo("UP");
                            assertThat(camel.path("details").path("consumer:room-events").asText())
                                    .isEqualTo("UP");
                            assertThat(camel.path("details").toString())
                                    .contains("ws://127.0.0.1:");
                        });
    }

    private JsonNode stats(long room) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/rooms/" + room + "/stats", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A participant in its own session and handle, through the app's own janus: connection. */
    private long[] join(long room, String display) {
        String janus = "janus:{{janus.url}}";
        Exchange session =
                template.request(
                        janus,
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "createSession"));
        long sessionId = session.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);
        Exchange handle =
                template.request(
                        janus,
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                        });
        long handleId = handle.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class);
        Exchange joined =
                template.request(
                        janus,
                        e -> {
                            e.setPattern(ExchangePattern.InOut);
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                            e.getMessage().setHeader(JanusConstants.HANDLE_ID, handleId);
                            e.getMessage()
                                    .setBody(
                                            Map.of(
                                                    "request",
                                                    "join",
                                                    "ptype",
                                                    "publisher",
                                                    "room",
                                                    room,
                                                    "display",
                                                    display));
                        });
        assertThat(joined.getException()).isNull();
        return new long[] {sessionId, handleId};
    }

    /** A participant leaves the room, then its session goes away. */
    private void leave(long[] participant) {
        Exchange leaving =
                template.request(
                        "janus:{{janus.url}}",
                        e -> {
                            e.setPattern(ExchangePattern.InOut);
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, participant[0]);
                            e.getMessage().setHeader(JanusConstants.HANDLE_ID, participant[1]);
                            e.getMessage().setBody(Map.of("request", "leave"));
                        });
        assertThat(leaving.getException()).isNull();
        Exchange left =
                template.request(
                        "janus:{{janus.url}}",
                        e -> {
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, participant[0]);
                            e.getMessage().setHeader(JanusConstants.OPERATION, "destroySession");
                        });
        assertThat(left.getException()).isNull();
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
