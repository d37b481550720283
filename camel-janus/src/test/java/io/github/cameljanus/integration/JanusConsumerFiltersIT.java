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
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consumer filters against a real Janus: managedHandleOnly delivers the managed handle's events
 * and not those of handles routes create on the same plugin; sessionId and handleId deliver one
 * session's or one handle's.
 */
class JanusConsumerFiltersIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    private final List<Exchange> managedOnly = new CopyOnWriteArrayList<>();
    private final List<Exchange> everyHandle = new CopyOnWriteArrayList<>();
    private final List<Exchange> oneSession = new CopyOnWriteArrayList<>();
    private final List<Exchange> oneHandle = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void eachFilterDeliversTheEventsItSelects() throws Exception {
        String videoroom = janusUri(JANUS.server().wsUrl(), "plugin=janus.plugin.videoroom");
        context =
                startContext(
                        routes -> {
                            routes.from(
                                            videoroom
                                                    + "&managedHandleOnly=true"
                                                    + "&eventTypes=event,managedHandleCreated")
                                    .routeId("managed-only")
                                    .process(e -> managedOnly.add(e.copy()));
                            routes.from(videoroom + "&eventTypes=event")
                                    .routeId("every-handle")
                                    .process(e -> everyHandle.add(e.copy()));
                            routes.from("direct:videoroom").to(videoroom);
                        });
        ProducerTemplate template = context.createProducerTemplate();
        Exchange created =
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> first(managedOnly, "managedHandleCreated"), e -> e != null);
        long managedHandle = created.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class);

        // The managed handle (no ids given) creates the room and joins it as the monitor.
        Object room =
                template.requestBody(
                                "direct:videoroom",
                                Map.of("request", "create", "notify_joining", true),
                                JanusBody.class)
                        .get("room");
        template.requestBody(
                "direct:videoroom",
                Map.of("request", "join", "ptype", "publisher", "room", room, "display", "m"));

        long aliceSession = RouteChecks.createSession(template, "direct:videoroom");
        long aliceHandle = RouteChecks.attach(template, "direct:videoroom", aliceSession);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(videoroom + "&eventTypes=event&sessionId=" + aliceSession)
                                .process(e -> oneSession.add(e.copy()));
                        from(videoroom + "&eventTypes=event&handleId=" + managedHandle)
                                .process(e -> oneHandle.add(e.copy()));
                    }
                });
        join(template, aliceSession, aliceHandle, room, "alice");
        long bobSession = RouteChecks.createSession(template, "direct:videoroom");
        long bobHandle = RouteChecks.attach(template, "direct:videoroom", bobSession);
        join(template, bobSession, bobHandle, room, "bob");
        RouteChecks.request(
                template, "direct:videoroom", bobSession, bobHandle, Map.of("request", "leave"));

        // Alice's handle hears bob join, then leave: once the leaving has reached a consumer,
        // every consumer has been offered the joining (one session's events go to the
        // consumers in turn, in order).
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ofHandle(everyHandle, aliceHandle, "leaving") != null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ofHandle(managedOnly, managedHandle, "leaving") != null);
        assertThat(ofHandle(everyHandle, aliceHandle, "joining")).isNotNull();
        assertThat(ofHandle(managedOnly, managedHandle, "joining")).isNotNull();
        assertThat(managedOnly)
                .allSatisfy(
                        e ->
                                assertThat(e.getMessage().getHeader(JanusConstants.HANDLE_ID))
                                        .isEqualTo(managedHandle));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ofHandle(oneSession, aliceHandle, "leaving") != null);
        assertThat(oneSession)
                .allSatisfy(
                        e ->
                                assertThat(e.getMessage().getHeader(JanusConstants.SESSION_ID))
                                        .isEqualTo(aliceSession));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ofHandle(oneHandle, managedHandle, "leaving") != null);
        assertThat(oneHandle)
                .allSatisfy(
                        e ->
                                assertThat(e.getMessage().getHeader(JanusConstants.HANDLE_ID))
                                        .isEqualTo(managedHandle));

        // A managedHandleOnly consumer started after the managed handle exists hears its creation
        // and then its events.
        List<Exchange> late = new CopyOnWriteArrayList<>();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(videoroom
                                        + "&managedHandleOnly=true"
                                        + "&eventTypes=event,managedHandleCreated")
                                .process(e -> late.add(e.copy()));
                    }
                });
        Exchange replayed =
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> first(late, "managedHandleCreated"), e -> e != null);
        assertThat(replayed.getMessage().getHeader(JanusConstants.HANDLE_ID))
                .isEqualTo(managedHandle);
        long carolSession = RouteChecks.createSession(template, "direct:videoroom");
        long carolHandle = RouteChecks.attach(template, "direct:videoroom", carolSession);
        join(template, carolSession, carolHandle, room, "carol");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ofHandle(late, managedHandle, "joining") != null);
    }

    private static void join(
            ProducerTemplate template, long session, long handle, Object room, String display) {
        RouteChecks.joinAsPublisher(template, "direct:videoroom", session, handle, room, display);
    }

    private static Exchange first(List<Exchange> events, String type) {
        return events.stream()
                .filter(e -> type.equals(e.getMessage().getHeader(JanusConstants.EVENT_TYPE)))
                .findFirst()
                .orElse(null);
    }

    private static Exchange ofHandle(List<Exchange> events, long handle, String key) {
        return events.stream()
                .filter(
                        e ->
                                Long.valueOf(handle)
                                        .equals(
                                                e.getMessage()
                                                        .getHeader(
                                                                JanusConstants.HANDLE_ID,
                                                                Long.class)))
                .filter(
                        e -> {
                            Object body = e.getMessage().getBody();
                            return body instanceof Map<?, ?> map && map.containsKey(key);
                        })
                .findFirst()
                .orElse(null);
    }
}
