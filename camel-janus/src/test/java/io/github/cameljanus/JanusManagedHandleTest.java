/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.fake.FakeJanus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer's managed session and handle are created again as soon as they are lost, without any
 * producer request to trigger it, so the consumer keeps receiving.
 */
class JanusManagedHandleTest {

    /** Every thread of ours ends with the test's CamelContext. */
    @AfterEach
    void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aKeepaliveAnswered458ReportsSessionLostAndTheManagedHandleIsAttachedAgainAtOnce()
            throws Exception {
        List<Exchange> events = new CopyOnWriteArrayList<>();
        try (FakeJanus fake = FakeJanus.start();
                CamelContext context = new DefaultCamelContext()) {
            loseTheFirstKeepaliveSession(fake, context, "sessionLost,event", events);
            context.start();

            // Attached at start; the first keepalive is answered 458; then, with no producer here,
            // the consumer's managed session and handle come back by themselves.
            await().atMost(WAIT).until(() -> fake.received("attach").size() == 2);
            long first = fake.received("attach").get(0).path("session_id").asLong();
            long second = fake.received("attach").get(1).path("session_id").asLong();
            await().atMost(WAIT).until(() -> events.size() == 1);
            Exchange lost = events.get(0);
            assertThat(lost.getMessage().getHeader(JanusConstants.EVENT_TYPE))
                    .isEqualTo("sessionLost");
            assertThat(lost.getMessage().getHeader(JanusConstants.SESSION_ID)).isEqualTo(first);
            assertThat(lost.getMessage().getBody(String.class)).contains("\"cause\":\"keepalive\"");
            assertThat(fake.received().stream().map(r -> r.path("janus").asText()).toList())
                    .containsSubsequence("create", "attach", "keepalive", "create", "attach");
            assertThat(second).isNotEqualTo(first);
            assertThat(fake.received("create")).hasSize(2);
            RouteChecks.awaitEventsReadiness(context, HealthCheck.State.UP, WAIT);
            // Its events reach the consumer again.
            fake.peer()
                    .send(
                            FakeJanus.json(
                                            "{\"janus\":\"event\",\"plugindata\":{\"plugin\":\""
                                                    + FakeJanus.PLUGIN
                                                    + "\",\"data\":{\"n\":1}}}")
                                    .put("session_id", second));
            await().atMost(WAIT).until(() -> events.size() == 2);
            assertThat(events.get(1).getMessage().getHeader(JanusConstants.SESSION_ID))
                    .isEqualTo(second);
        }
    }

    @Test
    void aFailedAttachOfTheManagedHandleIsRetriedUntilItWorks() throws Exception {
        AtomicInteger refusals = new AtomicInteger(2);
        try (FakeJanus fake = FakeJanus.start();
                CamelContext context = new DefaultCamelContext()) {
            fake.on(
                    "attach",
                    (request, peer) -> {
                        if (refusals.getAndDecrement() > 0) {
                            peer.send(FakeJanus.error(request, 490, "not now"));
                        } else {
                            ObjectNode success = FakeJanus.success(request);
                            success.putObject("data").put("id", 4242);
                            peer.send(success);
                        }
                    });
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus:" + fake.uri() + "?plugin=" + FakeJanus.PLUGIN)
                                    .routeId("events")
                                    .log("${body}");
                        }
                    });
            context.start();

            // No producer and no reconnect: the consumer's handle comes by itself after 2 refusals.
            await().atMost(WAIT).until(() -> fake.received("attach").size() == 3);
            RouteChecks.awaitEventsReadiness(context, HealthCheck.State.UP, WAIT);
        }
    }

    @Test
    void routesHearConnectedOnTheFirstConnectAndEachCreationOfTheManagedHandle() throws Exception {
        List<Exchange> events = new CopyOnWriteArrayList<>();
        try (FakeJanus fake = FakeJanus.start();
                CamelContext context = new DefaultCamelContext()) {
            loseTheFirstKeepaliveSession(fake, context, "connected,managedHandleCreated", events);
            context.start();

            // Janus is up at start: "connected" anyway; the handle is made, lost (458), made again.
            await().atMost(WAIT).until(() -> events.size() == 3);
            assertThat(events)
                    .extracting(e -> e.getMessage().getHeader(JanusConstants.EVENT_TYPE))
                    .containsExactlyInAnyOrder(
                            "connected", "managedHandleCreated", "managedHandleCreated");
            List<Exchange> created =
                    events.stream()
                            .filter(
                                    e ->
                                            "managedHandleCreated"
                                                    .equals(
                                                            e.getMessage()
                                                                    .getHeader(
                                                                            JanusConstants
                                                                                    .EVENT_TYPE)))
                            .toList();
            assertThat(created.get(0).getMessage().getBody(JanusBody.class))
                    .containsEntry("again", false)
                    .containsEntry("plugin", FakeJanus.PLUGIN);
            assertThat(created.get(1).getMessage().getBody(JanusBody.class))
                    .containsEntry("again", true);
            assertThat(created.get(1).getMessage().getHeader(JanusConstants.SESSION_ID))
                    .isNotEqualTo(created.get(0).getMessage().getHeader(JanusConstants.SESSION_ID))
                    .isEqualTo(fake.received("attach").get(1).path("session_id").asLong());
            assertThat(created.get(1).getMessage().getHeader(JanusConstants.HANDLE_ID)).isNotNull();
        }
    }

    /**
     * The fake answers the first keepalive 458 (the session is gone, as after a Janus restart); a
     * route {@code events} with a consumer on the plugin, keepalives every 200 ms, records the
     * events of these types.
     */
    private static void loseTheFirstKeepaliveSession(
            FakeJanus fake, CamelContext context, String eventTypes, List<Exchange> events)
            throws Exception {
        AtomicBoolean lose = new AtomicBoolean(true);
        fake.on(
                "keepalive",
                (request, peer) ->
                        peer.send(
                                lose.getAndSet(false)
                                        ? FakeJanus.error(request, 458, "No such session")
                                        : FakeJanus.ack(request)));
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("janus:"
                                        + fake.uri()
                                        + "?plugin="
                                        + FakeJanus.PLUGIN
                                        + "&keepAliveInterval=200ms&pingInterval=0"
                                        + "&eventTypes="
                                        + eventTypes)
                                .routeId("events")
                                .process(e -> events.add(e.copy()));
                    }
                });
    }
}
