/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.RouteChecks;
import io.github.cameljanus.testing.JanusServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consumers of Janus events, sharing a connection with producers, against a real Janus. */
class JanusConsumerIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    /** Leak check: no session left on Janus and no thread of ours alive after the class. */
    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    private CamelContext context;
    private ProducerTemplate template;
    private final List<Exchange> pluginEvents = new CopyOnWriteArrayList<>();
    private final List<Exchange> detachedEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startCamel() throws Exception {
        String videoroom = janusUri(JANUS.server().wsUrl(), "plugin=janus.plugin.videoroom");
        context =
                startContext(
                        routes -> {
                            routes.from(videoroom + "&eventTypes=event")
                                    .routeId("events")
                                    .process(e -> pluginEvents.add(e.copy()));
                            routes.from(videoroom + "&eventTypes=detached")
                                    .routeId("detached")
                                    .process(e -> detachedEvents.add(e.copy()));
                            routes.from("direct:videoroom").to(videoroom);
                            routes.from("direct:participants")
                                    .to(videoroom)
                                    .setBody(routes.simple("${body[participants].size}"));
                        });
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
    }

    private long createSession() {
        return RouteChecks.createSession(template, "direct:videoroom");
    }

    private long attach(long session) {
        return RouteChecks.attach(template, "direct:videoroom", session);
    }

    private Exchange send(long session, long handle, Object body) {
        Exchange exchange =
                RouteChecks.request(template, "direct:videoroom", session, handle, body);
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void joiningAndLeavingReachTheConsumerWithTheirSessionAndHandle() {
        Map<String, Object> room =
                template.requestBody(
                        "direct:videoroom",
                        Map.of("request", "create", "notify_joining", true, "publishers", 4),
                        JanusBody.class);
        Object roomId = room.get("room");

        long aliceSession = createSession();
        long aliceHandle = attach(aliceSession);
        Map<String, Object> joined =
                send(
                                aliceSession,
                                aliceHandle,
                                Map.of(
                                        "request", "join",
                                        "ptype", "publisher",
                                        "room", roomId,
                                        "display", "alice"))
                        .getMessage()
                        .getBody(JanusBody.class);
        assertThat(joined).containsEntry("videoroom", "joined");

        long bobSession = createSession();
        long bobHandle = attach(bobSession);
        send(
                bobSession,
                bobHandle,
                Map.of("request", "join", "ptype", "publisher", "room", roomId, "display", "bob"));

        Exchange joining = awaitEvent(aliceHandle, "joining");
        assertThat(joining.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class))
                .isEqualTo(aliceSession);
        assertThat(joining.getMessage().getHeader(JanusConstants.EVENT_TYPE)).isEqualTo("event");
        assertThat(joining.getMessage().getHeader(JanusConstants.PLUGIN))
                .isEqualTo("janus.plugin.videoroom");
        assertThat(
                        context.resolveLanguage("simple")
                                .createExpression("${body[joining][display]}")
                                .evaluate(joining, String.class))
                .isEqualTo("bob");

        assertThat(
                        template.requestBody(
                                "direct:participants",
                                Map.of("request", "listparticipants", "room", roomId),
                                Integer.class))
                .isEqualTo(2);

        send(bobSession, bobHandle, Map.of("request", "leave"));
        Exchange leaving = awaitEvent(aliceHandle, "leaving");
        assertThat(leaving.getMessage().getBody(JanusBody.class)).containsKey("leaving");
    }

    @Test
    void eventTypesFilterDeliversOnlyDetachedEvents() {
        long session = createSession();
        long handle = attach(session);

        Exchange detach =
                template.request(
                        "direct:videoroom",
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "detach");
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, session);
                            e.getMessage().setHeader(JanusConstants.HANDLE_ID, handle);
                        });
        assertThat(detach.getException()).isNull();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                assertThat(detachedEvents)
                                        .anySatisfy(
                                                e ->
                                                        assertThat(
                                                                        e.getMessage()
                                                                                .getHeader(
                                                                                        JanusConstants
                                                                                                .HANDLE_ID,
                                                                                        Long.class))
                                                                .isEqualTo(handle)));
        assertThat(detachedEvents)
                .allSatisfy(
                        e ->
                                assertThat(e.getMessage().getHeader(JanusConstants.EVENT_TYPE))
                                        .isEqualTo("detached"));
    }

    private Exchange awaitEvent(long handle, String key) {
        return await().atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                pluginEvents.stream()
                                        .filter(
                                                e ->
                                                        Long.valueOf(handle)
                                                                .equals(
                                                                        e.getMessage()
                                                                                .getHeader(
                                                                                        JanusConstants
                                                                                                .HANDLE_ID,
                                                                                        Long
                                                                                                .class)))
                                        .filter(
                                                e ->
                                                        e.getMessage()
                                                                .getBody(JanusBody.class)
                                                                .containsKey(key))
                                        .findFirst()
                                        .orElse(null),
                        e -> e != null);
    }
}
