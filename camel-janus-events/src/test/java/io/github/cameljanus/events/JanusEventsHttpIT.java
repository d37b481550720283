/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * janus-events: as the backend of Janus's HTTP event handler (sampleevh, grouped and gzipped),
 * against a real Janus: another client's lifecycle through an eventTypes filter; a malformed POST
 * gets 400 and the next one is delivered; a gzip POST; a POST without credentials gets 401; a POST
 * is answered once accepted, not after a slow route; a full queue holds the answer back, drops
 * nothing.
 */
class JanusEventsHttpIT {

    private static final int PORT = FreePort.pick();
    private static final String BASE = "http://127.0.0.1:" + PORT;

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(
                    JanusServer.builder()
                            .serverName("janus-http")
                            .sampleEventHandlerBackend(BASE + "/evh")
                            .eventHandlerGrouping(true)
                            .eventHandlerCompress(true));

    private static final String EVENT =
            "{\"emitter\":\"hand\",\"type\":1,\"timestamp\":1,\"session_id\":%d,"
                    + "\"event\":{\"name\":\"created\"}}";

    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private final List<Exchange> slow = new CopyOnWriteArrayList<>();
    private final CountDownLatch slowRoute = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private CamelContext context;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("janus-events:127.0.0.1:" + PORT + "/evh?eventTypes=session,handle")
                                .routeId("evh")
                                .process(events::add);
                        from("janus-events:127.0.0.1:" + PORT + "/auth?username=janus&password=pw")
                                .process(events::add);
                        from("janus-events:127.0.0.1:" + PORT + "/slow?queueSize=2")
                                .routeId("slow")
                                .process(
                                        e -> {
                                            slow.add(e);
                                            assertThat(slowRoute.await(30, TimeUnit.SECONDS))
                                                    .isTrue();
                                        });
                    }
                });
        context.start();
    }

    @AfterEach
    void stopCamel() throws Exception {
        slowRoute.countDown();
        context.close();
    }

    private List<Exchange> ofSession(long session) {
        List<Exchange> found = new ArrayList<>();
        for (Exchange e : events) {
            if (Long.valueOf(session)
                    .equals(
                            e.getMessage()
                                    .getHeader(JanusEventsConstants.SESSION_ID, Long.class))) {
                found.add(e);
            }
        }
        return found;
    }

    private HttpResponse<String> post(String path, String body, String... headers)
            throws Exception {
        return postAsync(path, HttpRequest.BodyPublishers.ofString(body), headers)
                .get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> postAsync(
            String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .POST(body)
                        .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherClientsLifecycleArrivesThroughTheTypeFilter() throws Exception {
        long session;
        try (RawJanusClient raw = new RawJanusClient(JANUS.server().wsUrl())) {
            session = raw.createSession();
            long handle = raw.attach(session, "janus.plugin.echotest", "http-raw");
            raw.detach(session, handle);
            raw.destroy(session);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                ofSession(session).stream()
                                        .map(e -> e.getMessage().getBody(Map.class).get("name"))
                                        .toList()
                                        .containsAll(
                                                List.of(
                                                        "created",
                                                        "attached",
                                                        "detached",
                                                        "destroyed")));
        assertThat(events)
                .extracting(e -> e.getMessage().getHeader(JanusEventsConstants.EVENT_TYPE))
                .as("the filter lets sessions and handles through, not Janus's other events")
                .containsOnly("session", "handle");
        assertThat(ofSession(session).get(0).getMessage().getHeader(JanusEventsConstants.EMITTER))
                .isEqualTo("janus-http");
    }

    @Test
    void aMalformedPostGets400AndTheNextValidOneIsDelivered() throws Exception {
        assertThat(post("/evh", "{not json").statusCode()).isEqualTo(400);
        assertThat(post("/evh", "{\"type\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(post("/evh", String.format(EVENT, 777)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> ofSession(777).size() == 1);

        HealthCheck.Result health =
                HealthCheckHelper.invokeReadiness(context).stream()
                        .filter(r -> r.getCheck().getId().equals("consumer:evh"))
                        .findFirst()
                        .orElseThrow();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails())
                .containsEntry("path", "/evh")
                .hasEntrySatisfying(
                        "lastPush", last -> assertThat(last.toString()).isNotEqualTo("never"))
                .hasEntrySatisfying(
                        "malformed",
                        count ->
                                assertThat(((Number) count).longValue()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aGzipPostIsInflated() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(("[" + String.format(EVENT, 888) + "]").getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> response =
                postAsync(
                                "/evh",
                                HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()),
                                "Content-Encoding",
                                "gzip")
                        .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> ofSession(888).size() == 1);
    }

    @Test
    void aPostWithoutCredentialsIsRefusedWith401() throws Exception {
        HttpResponse<String> refused = post("/auth", String.format(EVENT, 901));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        String wrong =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("janus:no".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/auth", String.format(EVENT, 902), "Authorization", wrong).statusCode())
                .isEqualTo(401);
        String right =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("janus:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/auth", String.format(EVENT, 903), "Authorization", right).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> ofSession(903).size() == 1);
        assertThat(ofSession(901)).isEmpty();
        assertThat(ofSession(902)).isEmpty();
    }

    @Test
    void aPostIsAnsweredOnceAcceptedAndAFullQueueHoldsTheAnswerBackWithoutDropping()
            throws Exception {
        // the route blocks on its first event: the POST is answered anyway
        assertThat(post("/slow", String.format(EVENT, 1)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.size() == 1);

        // 5 more events on a queue of 2 while the route is blocked: the answer waits for room
        StringBuilder five = new StringBuilder("[");
        for (int i = 2; i <= 6; i++) {
            five.append(i > 2 ? "," : "").append(String.format(EVENT, i));
        }
        EventListener listener = listenerOn("/slow");
        long heldBefore = listener.counters().heldBackPushes();
        CompletableFuture<HttpResponse<String>> held =
                postAsync(
                        "/slow", HttpRequest.BodyPublishers.ofString(five.append(']').toString()));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> listener.counters().heldBackPushes() == heldBefore + 1);
        assertThat(held).isNotDone();

        slowRoute.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.size() == 6);
        assertThat(slow)
                .extracting(e -> e.getMessage().getHeader(JanusEventsConstants.SESSION_ID))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aStoppingConsumerRoutesWhatItTookBeforeItStops() throws Exception {
        String two = "[" + String.format(EVENT, 11) + "," + String.format(EVENT, 12) + "]";
        assertThat(post("/slow", two).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.size() == 1);

        // a graceful stop waits for the event Janus was told is taken
        CompletableFuture<Void> stopped =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                context.getRouteController()
                                        .stopRoute("slow", 20, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        // the stop has begun (the consumer took no more pushes) while event 12 still waits
        await().atMost(Duration.ofSeconds(5)).until(() -> post("/slow", "[]").statusCode() != 200);
        slowRoute.countDown();
        stopped.get(20, TimeUnit.SECONDS);
        assertThat(slow)
                .extracting(e -> e.getMessage().getHeader(JanusEventsConstants.SESSION_ID))
                .containsExactly(11L, 12L);
    }

    private EventListener listenerOn(String path) {
        JanusEventsComponent component =
                context.getComponent("janus-events", JanusEventsComponent.class);
        return component.listeners().snapshot().stream()
                .filter(l -> l.key().port() == PORT)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no listener for " + path));
    }
}
