/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import io.github.cameljanus.testing.LiveThreads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * janus-events: as the backend of Janus's WebSockets event handler (wsevh), against a real Janus:
 * another client's session lifecycle with the headers of the contract, a consumer restarted while
 * Janus holds its events, two Janus instances pushing to one listener, a 100-event batch with SDPs
 * in one frame, a refused push without the secret.
 */
class JanusEventsWebSocketIT {

    private static final int PORT = FreePort.pick();
    private static final String BACKEND = "ws://127.0.0.1:" + PORT + "/janus-events";

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(
                    JanusServer.builder().serverName("janus-a").eventHandlerBackend(BACKEND));

    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("janus-events:127.0.0.1:" + PORT + "/janus-events")
                                .routeId("events")
                                .process(events::add);
                        from("janus-events:127.0.0.1:" + PORT + "/secured?secret=s3cr3t")
                                .routeId("secured")
                                .process(events::add);
                    }
                });
        context.start();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
        LiveThreads.awaitNone(
                "the consumers' threads and the component's Vert.x",
                name -> name.contains("janus-events") || name.startsWith("vert"),
                Duration.ofSeconds(10));
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

    private static String name(Exchange e) {
        Object body = e.getMessage().getBody();
        return body instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : null;
    }

    @Test
    void anotherClientsSessionAndHandleLifecycleArrivesWithItsHeaders() throws Exception {
        long session;
        long handle;
        try (RawJanusClient raw = new RawJanusClient(JANUS.server().wsUrl())) {
            session = raw.createSession();
            handle = raw.attach(session, "janus.plugin.echotest", "raw-client");
            raw.detach(session, handle);
            raw.destroy(session);
        }

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                ofSession(session).stream()
                                        .anyMatch(
                                                e ->
                                                        "session"
                                                                        .equals(
                                                                                e.getMessage()
                                                                                        .getHeader(
                                                                                                JanusEventsConstants
                                                                                                        .EVENT_TYPE))
                                                                && "destroyed".equals(name(e))));
        List<Exchange> mine = ofSession(session);
        List<String> steps = new ArrayList<>();
        for (Exchange e : mine) {
            String type = e.getMessage().getHeader(JanusEventsConstants.EVENT_TYPE, String.class);
            if (type.equals("session") || type.equals("handle")) {
                steps.add(type + ":" + name(e));
            }
        }
        assertThat(steps)
                .containsSubsequence(
                        "session:created",
                        "handle:attached",
                        "handle:detached",
                        "session:destroyed");
        Exchange attached =
                mine.stream().filter(e -> "attached".equals(name(e))).findFirst().orElseThrow();
        assertThat(attached.getMessage().getHeaders())
                .containsEntry(JanusEventsConstants.HANDLE_ID, handle)
                .containsEntry(JanusEventsConstants.PLUGIN, "janus.plugin.echotest")
                .containsEntry(JanusEventsConstants.OPAQUE_ID, "raw-client")
                .containsEntry(JanusEventsConstants.EMITTER, "janus-a");
        long timestamp =
                attached.getMessage().getHeader(JanusEventsConstants.TIMESTAMP, Long.class);
        long micros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        assertThat(timestamp).isBetween(micros - 60_000_000L, micros + 1_000_000L);
    }

    @Test
    void aConsumerStoppedAndStartedAgainGetsTheEventsJanusHeldMeanwhile() throws Exception {
        context.getRouteController().stopRoute("events");
        context.getRouteController().stopRoute("secured"); // the last one closes the listener
        long session;
        try (RawJanusClient raw = new RawJanusClient(JANUS.server().wsUrl())) {
            session = raw.createSession();
            raw.destroy(session);
        }
        assertThat(ofSession(session)).isEmpty();

        context.getRouteController().startRoute("events");
        context.getRouteController().startRoute("secured");
        // wsevh reconnects after 1, 2, 4, then every 8 s, and sends what it queued
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                ofSession(session).stream()
                                        .map(JanusEventsWebSocketIT::name)
                                        .toList()
                                        .containsAll(List.of("created", "destroyed")));
    }

    @Test
    void twoJanusInstancesPushToOneListenerAndTheEmitterTellsThemApart() throws Exception {
        try (JanusServer second =
                JanusServer.builder()
                        .serverName("janus-b")
                        .eventHandlerBackend(BACKEND)
                        .build()
                        .start()) {
            try (RawJanusClient a = new RawJanusClient(JANUS.server().wsUrl());
                    RawJanusClient b = new RawJanusClient(second.wsUrl())) {
                long sessionA = a.createSession();
                long sessionB = b.createSession();
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        !ofSession(sessionA).isEmpty()
                                                && !ofSession(sessionB).isEmpty());
                assertThat(
                                ofSession(sessionA)
                                        .get(0)
                                        .getMessage()
                                        .getHeader(JanusEventsConstants.EMITTER))
                        .isEqualTo("janus-a");
                assertThat(
                                ofSession(sessionB)
                                        .get(0)
                                        .getMessage()
                                        .getHeader(JanusEventsConstants.EMITTER))
                        .isEqualTo("janus-b");
                a.destroy(sessionA);
                b.destroy(sessionB);
            }
        }
    }

    @Test
    void aHundredEventBatchWithSdpsInOneFrameIsRoutedInOrder() throws Exception {
        String sdp =
                "v=0\\r\\n"
                        + "a=candidate:1 1 udp 2130706431 127.0.0.1 9 typ host\\r\\n".repeat(80);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            if (i > 0) {
                batch.append(',');
            }
            batch.append("{\"emitter\":\"batch\",\"type\":8,\"timestamp\":")
                    .append(1_700_000_000_000_000L + i)
                    .append(",\"session_id\":4242,\"handle_id\":")
                    .append(i + 1)
                    .append(
                            ",\"event\":{\"owner\":\"local\",\"jsep\":{\"type\":\"offer\",\"sdp\":\"")
                    .append(sdp)
                    .append("\"}}}");
        }
        String frame = batch.append(']').toString();
        assertThat(frame.length()).isGreaterThan(256 * 1024); // past Vert.x's default message size

        HttpClient http = HttpClient.newHttpClient();
        WebSocket pusher =
                http.newWebSocketBuilder()
                        .subprotocols(EventListener.SUBPROTOCOL)
                        .buildAsync(URI.create(BACKEND), new WebSocket.Listener() {})
                        .get(10, TimeUnit.SECONDS);
        assertThat(pusher.getSubprotocol()).isEqualTo(EventListener.SUBPROTOCOL);
        pusher.sendText(frame, true).get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> ofSession(4242).size() == 100);
        List<Exchange> routed = ofSession(4242);
        for (int i = 0; i < 100; i++) {
            assertThat(routed.get(i).getMessage().getHeader(JanusEventsConstants.HANDLE_ID))
                    .isEqualTo((long) i + 1);
            assertThat(routed.get(i).getMessage().getHeader(JanusEventsConstants.EVENT_TYPE))
                    .isEqualTo("jsep");
        }
        pusher.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWebSocketWithoutTheSecretIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String secured = "ws://127.0.0.1:" + PORT + "/secured";
        assertThatThrownBy(
                        () ->
                                http.newWebSocketBuilder()
                                        .subprotocols(EventListener.SUBPROTOCOL)
                                        .buildAsync(
                                                URI.create(secured), new WebSocket.Listener() {})
                                        .get(10, TimeUnit.SECONDS))
                .hasStackTraceContaining("401");
        assertThatThrownBy(
                        () ->
                                http.newWebSocketBuilder()
                                        .buildAsync(
                                                URI.create(secured + "?secret=wrong"),
                                                new WebSocket.Listener() {})
                                        .get(10, TimeUnit.SECONDS))
                .hasStackTraceContaining("401");

        WebSocket allowed =
                http.newWebSocketBuilder()
                        .subprotocols(EventListener.SUBPROTOCOL)
                        .buildAsync(
                                URI.create(secured + "?secret=s3cr3t"), new WebSocket.Listener() {})
                        .get(10, TimeUnit.SECONDS);
        allowed.sendText(
                        "{\"emitter\":\"x\",\"type\":256,\"subtype\":1,\"timestamp\":1,"
                                + "\"event\":{\"status\":\"started\"}}",
                        true)
                .get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                events.stream()
                                        .anyMatch(
                                                e ->
                                                        "startup"
                                                                        .equals(
                                                                                e.getMessage()
                                                                                        .getHeader(
                                                                                                JanusEventsConstants
                                                                                                        .EVENT_SUBTYPE))
                                                                && "x"
                                                                        .equals(
                                                                                e.getMessage()
                                                                                        .getHeader(
                                                                                                JanusEventsConstants
                                                                                                        .EMITTER))));
        allowed.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
}
