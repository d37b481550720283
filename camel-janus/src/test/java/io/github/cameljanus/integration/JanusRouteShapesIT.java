/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.integration.JanusRoutes.ECHOTEST;
import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.RouteChecks;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.testing.JanusServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The route shapes users write, against a real Janus: event routes that call Janus on the same
 * connection, splits, multicasts, seda hops, redelivery, slow routes, stops from inside a route.
 * Each must complete with no hang and no event lost, on a bounded number of threads.
 */
class JanusRouteShapesIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    private static final Duration WAIT = Duration.ofSeconds(20);

    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    private CamelContext context;

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    private String videoroom() {
        return janusUri(JANUS.server().wsUrl(), "plugin=janus.plugin.videoroom");
    }

    private String echo() {
        return janusUri(JANUS.server().wsUrl(), ECHOTEST);
    }

    /** The reproduction: each joining event answered by an InOut request, same socket. */
    @Test
    void everyJoiningEventAnsweredByARequestOnTheSameConnectionCompletes() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        context =
                startContext(
                        routes -> {
                            routes.from(videoroom() + "&eventTypes=event")
                                    .routeId("joining")
                                    .filter(routes.simple("${body[videoroom]} == 'event'"))
                                    .filter(routes.simple("${body[joining]} != null"))
                                    .setBody(
                                            routes.constant(
                                                    Map.of(
                                                            "request",
                                                            "listparticipants",
                                                            "room",
                                                            4242)))
                                    .removeHeaders("CamelJanus*")
                                    .to(ExchangePattern.InOut, videoroom())
                                    .process(e -> answered.incrementAndGet());
                            routes.from("direct:videoroom").to(videoroom());
                        });
        ProducerTemplate template = context.createProducerTemplate();
        createRoom(template, 4242);
        try {
            for (int i = 0; i < 8; i++) {
                long session = RouteChecks.createSession(template, "direct:videoroom");
                long handle = RouteChecks.attach(template, "direct:videoroom", session);
                RouteChecks.joinAsPublisher(
                        template, "direct:videoroom", session, handle, 4242, "p" + session);
            }
            // 0 + 1 + ... + 7 participants were notified of a newcomer.
            await().atMost(WAIT).until(() -> answered.get() == 28);
        } finally {
            destroyRoom(template, 4242);
        }
    }

    @Test
    void splitWithParallelProcessingAndMulticastCompleteEveryRequest() throws Exception {
        context =
                startContext(
                        routes -> {
                            routes.from("direct:split")
                                    .split(routes.body())
                                    .parallelProcessing()
                                    .to(echo())
                                    .end();
                            routes.from("direct:multicast")
                                    .multicast()
                                    .parallelProcessing()
                                    .to(echo(), echo(), echo())
                                    .end();
                        });
        ProducerTemplate template = context.createProducerTemplate();
        List<String> bodies =
                IntStream.range(0, 100).mapToObj(i -> RouteChecks.ECHO_REQUEST).toList();

        Exchange split = template.request("direct:split", e -> e.getMessage().setBody(bodies));
        Exchange multicast =
                template.request(
                        "direct:multicast", e -> e.getMessage().setBody(RouteChecks.ECHO_REQUEST));

        assertThat(split.getException()).isNull();
        assertThat(multicast.getException()).isNull();
        assertThat(multicast.getMessage().getBody(JanusBody.class)).containsEntry("result", "ok");
    }

    /** Events through a seda hop into a producer on the same connection: none lost. */
    @Test
    void eventsHandedToSedaAndAnsweredByRequestsAreAllAnswered() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        context =
                startContext(
                        routes -> {
                            routes.from(echo() + "&eventTypes=event")
                                    .routeId("events")
                                    .to("seda:events?size=1000");
                            routes.from("seda:events?concurrentConsumers=2")
                                    .removeHeaders("CamelJanus*")
                                    .setBody(routes.constant(RouteChecks.ECHO_REQUEST))
                                    // InOut: the answer's event completes it (InOnly, it would be
                                    // one more event for the consumer)
                                    .to(ExchangePattern.InOut, echo())
                                    .process(e -> answered.incrementAndGet());
                            routes.from("direct:echo").to(echo());
                        });
        ProducerTemplate template = context.createProducerTemplate();

        for (int i = 0; i < 50; i++) {
            sendInOnlyEcho(template, 0, 0);
        }

        // Each InOnly echo's event reaches the consumer, and each is answered through seda.
        await().atMost(WAIT).until(() -> answered.get() >= 50);
        assertThat(answered).hasValue(50);
    }

    @Test
    void aTimedOutRequestIsRedeliveredByOnException() throws Exception {
        AtomicInteger redeliveries = new AtomicInteger();
        context =
                startContext(
                        routes -> {
                            routes.onException(JanusTimeoutException.class)
                                    .maximumRedeliveries(3)
                                    .redeliveryDelay(100)
                                    .onRedelivery(
                                            e -> {
                                                redeliveries.incrementAndGet();
                                                JANUS.server().thaw();
                                            });
                            routes.from("direct:echo").to(echo() + "&requestTimeout=500");
                        });
        ProducerTemplate template = context.createProducerTemplate();
        RouteChecks.assertEchoAnswersOk(template, "direct:echo"); // the managed handle is attached

        JANUS.server().freeze();
        Exchange reply =
                template.request(
                        "direct:echo", e -> e.getMessage().setBody(RouteChecks.ECHO_REQUEST));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(JanusBody.class)).containsEntry("result", "ok");
        assertThat(redeliveries).hasValue(1);
    }

    /**
     * Event routes that block every dispatch thread do not hold requests of other routes: 200
     * concurrent callers complete within their deadline, on a bounded number of our threads.
     */
    @Test
    void requestsOfOtherRoutesCompleteWhileEveryEventRouteBlocks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger blocked = new AtomicInteger();
        Set<Long> eventSessions = ConcurrentHashMap.newKeySet();
        context =
                startContext(
                        routes -> {
                            routes.from(echo() + "&eventTypes=event")
                                    .routeId("slow")
                                    .process(
                                            e -> {
                                                blocked.incrementAndGet();
                                                assertThat(release.await(30, TimeUnit.SECONDS))
                                                        .isTrue();
                                                eventSessions.add(
                                                        e.getMessage()
                                                                .getHeader(
                                                                        JanusConstants.SESSION_ID,
                                                                        Long.class));
                                            });
                            routes.from("direct:echo").to(echo() + "&requestTimeout=5000");
                        });
        ProducerTemplate template = context.createProducerTemplate();
        // Events of several sessions: each session is a lane, and every dispatch thread blocks.
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long session = RouteChecks.createSession(template, "direct:echo");
            sessions.add(session);
            long handle = RouteChecks.attach(template, "direct:echo", session);
            sendInOnlyEcho(template, session, handle);
        }
        await().atMost(WAIT).until(() -> blocked.get() >= 2);

        List<CompletableFuture<Exchange>> callers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            callers.add(
                    template.asyncSend(
                            "direct:echo", e -> e.getMessage().setBody(RouteChecks.ECHO_REQUEST)));
        }
        for (CompletableFuture<Exchange> caller : callers) {
            assertThat(caller.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(release.getCount()).isEqualTo(1); // the event routes still block
        // One scheduler, the dispatch pool and the completion pool: bounded by configuration.
        assertThat(LeakCheck.janusThreadsAlive()).hasSizeLessThanOrEqualTo(1 + 2 * poolSize());

        release.countDown();
        // None lost: each session's event went through the route.
        await().atMost(WAIT).until(() -> eventSessions.containsAll(sessions));
    }

    @Test
    void aRouteThatStopsItselfFromAnEventStops() throws Exception {
        startStoppingOnEvent(camel -> camel.getRouteController().stopRoute("stopper"));

        await().atMost(WAIT)
                .until(() -> context.getRouteController().getRouteStatus("stopper").isStopped());
        // The connection still works.
        RouteChecks.assertEchoAnswersOk(context.createProducerTemplate(), "direct:echo");
    }

    @Test
    void aRouteThatStopsTheContextFromAnEventStopsIt() throws Exception {
        startStoppingOnEvent(CamelContext::stop);

        await().atMost(WAIT).until(() -> context.getStatus() == ServiceStatus.Stopped);
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    /** What an event route stops (its own route, or the context). */
    @FunctionalInterface
    private interface Stop {
        void stop(CamelContext camel) throws Exception;
    }

    /**
     * Starts an event route {@code stopper} that, on an event, runs the stop on a thread of its own
     * (Camel's advice: a route or context is not stopped from a thread of its route), and makes
     * that event.
     */
    private void startStoppingOnEvent(Stop stop) throws Exception {
        context =
                startContext(
                        routes -> {
                            routes.from(echo() + "&eventTypes=event")
                                    .routeId("stopper")
                                    .process(
                                            e -> {
                                                CamelContext camel = e.getContext();
                                                Thread stopper =
                                                        new Thread(() -> runStop(stop, camel));
                                                stopper.setName("test-stopper");
                                                stopper.start();
                                            });
                            routes.from("direct:echo").to(echo());
                        });
        sendInOnlyEcho(context.createProducerTemplate(), 0, 0);
    }

    private static void runStop(Stop stop, CamelContext camel) {
        try {
            stop.stop(camel);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends an InOnly echotest request through {@code direct:echo}: its answer comes as an event.
     * Ids 0: the managed session and handle.
     */
    private static void sendInOnlyEcho(ProducerTemplate template, long session, long handle) {
        template.send(
                "direct:echo",
                ExchangePattern.InOnly,
                e -> {
                    if (session != 0) {
                        e.getMessage().setHeader(JanusConstants.SESSION_ID, session);
                        e.getMessage().setHeader(JanusConstants.HANDLE_ID, handle);
                    }
                    e.getMessage().setBody(RouteChecks.ECHO_REQUEST);
                });
    }

    private static int poolSize() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    private static void createRoom(ProducerTemplate template, int room) {
        Exchange created =
                template.request(
                        "direct:videoroom",
                        e ->
                                e.getMessage()
                                        .setBody(
                                                Map.of(
                                                        "request",
                                                        "create",
                                                        "room",
                                                        room,
                                                        "notify_joining",
                                                        true,
                                                        "publishers",
                                                        16)));
        assertThat(created.getException()).isNull();
    }

    private static void destroyRoom(ProducerTemplate template, int room) {
        template.request(
                "direct:videoroom",
                e -> e.getMessage().setBody(Map.of("request", "destroy", "room", room)));
    }
}
