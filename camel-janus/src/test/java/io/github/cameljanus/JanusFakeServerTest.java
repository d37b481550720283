/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.client.fake.FakeJanus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a real Janus cannot be made to do on demand: silence, bursts of events, events after an ack.
 * Each test runs routes against the in-process fake.
 */
class JanusFakeServerTest {

    private FakeJanus fake;
    private CamelContext context;
    private ProducerTemplate template;
    private final List<Exchange> events = new CopyOnWriteArrayList<>();
    private final List<Exchange> failures = new CopyOnWriteArrayList<>();
    private final List<String> eventThreads = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch eventGate;

    /** Holds the routes that block after a reply (see slowAfterReply). */
    private final Semaphore gate = new Semaphore(0);

    @BeforeEach
    void start() throws Exception {
        fake = FakeJanus.start();
        context = new DefaultCamelContext();
        // shutdownTimeout bounds how long a stop waits for Janus and for busy dispatch threads.
        String janus =
                "janus:" + fake.uri() + "?plugin=" + FakeJanus.PLUGIN + "&shutdownTimeout=1000";
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:failed").process(e -> failures.add(e.copy()));
                        from(janus + "&eventTypes=event")
                                .routeId("events")
                                .process(
                                        e -> {
                                            events.add(e.copy());
                                            eventThreads.add(Thread.currentThread().getName());
                                            CountDownLatch gate = eventGate;
                                            if (gate != null) {
                                                assertThat(gate.await(10, TimeUnit.SECONDS))
                                                        .isTrue();
                                            }
                                        });
                        from(janus + "&eventTypes=hangup&bridgeErrorHandler=true")
                                .routeId("bridged")
                                .errorHandler(deadLetterChannel("direct:failed"))
                                .process(
                                        e -> {
                                            throw new IllegalStateException("route failed");
                                        });
                        from("direct:fake").to(janus + "&requestTimeout=300");
                    }
                });
        context.start();
        template = context.createProducerTemplate();
        // The context starts without waiting for the connection (it is made in the background).
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> fake.peer() != null);
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        fake.close();
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    private long[] sessionAndHandle() {
        long session = RouteChecks.createSession(template, "direct:fake");
        return new long[] {session, RouteChecks.attach(template, "direct:fake", session)};
    }

    private Exchange sendInOnly() {
        return template.send(
                "direct:fake", ExchangePattern.InOnly, e -> e.getMessage().setBody("{\"a\":1}"));
    }

    /**
     * Holds every dispatch thread in the events route until {@code eventGate} opens: one event per
     * session id 1..n, each its own lane.
     *
     * @return how many threads are held
     */
    private int holdEveryDispatchThread() throws Exception {
        eventGate = new CountDownLatch(1);
        int threads = SharedConnection.dispatchThreads();
        for (int session = 1; session <= threads; session++) {
            fake.peer().send(pluginEvent(session, 1, session));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == threads);
        return threads;
    }

    private static ObjectNode pluginEvent(long session, long handle, int seq) {
        return FakeJanus.json(
                "{\"janus\":\"event\",\"session_id\":"
                        + session
                        + ",\"sender\":"
                        + handle
                        + ",\"plugindata\":{\"plugin\":\""
                        + FakeJanus.PLUGIN
                        + "\",\"data\":{\"seq\":"
                        + seq
                        + "}}}");
    }

    @Test
    void moreSessionsThanCamelsDefaultSchedulerQueueAreKeptAlive() {
        for (int i = 0; i < 1_200; i++) {
            Exchange created =
                    template.request(
                            "direct:fake",
                            e ->
                                    e.getMessage()
                                            .setHeader(JanusConstants.OPERATION, "createSession"));
            assertThat(created.getException()).as("session #" + i).isNull();
        }
    }

    @Test
    void aRequestJanusNeverAnswersFailsWithJanusTimeoutException() {
        fake.on("message", FakeJanus.SILENT);

        Exchange exchange =
                template.request("direct:fake", e -> e.getMessage().setBody("{\"a\":1}"));

        assertThat(exchange.getException()).isInstanceOf(JanusTimeoutException.class);
    }

    @Test
    void perExchangeTimeoutHeaderOverridesTheOption() {
        fake.on("message", FakeJanus.SILENT);

        Exchange exchange =
                template.request(
                        "direct:fake",
                        e -> {
                            e.getMessage().setBody("{\"a\":1}");
                            e.getMessage().setHeader(JanusConstants.REQUEST_TIMEOUT, 50L);
                        });

        assertThat(exchange.getException())
                .isInstanceOf(JanusTimeoutException.class)
                .hasMessageEndingWith("within 50 ms");
    }

    @Test
    void inOnlyCompletesOnTheAckAndTheLaterEventReachesTheConsumer() throws Exception {
        fake.on("message", (request, peer) -> peer.send(FakeJanus.ack(request)));

        Exchange exchange = sendInOnly();
        assertThat(exchange.getException()).isNull();

        ObjectNode request = fake.received("message").get(0);
        long session = request.path("session_id").asLong();
        long handle = request.path("handle_id").asLong();
        ObjectNode late = pluginEvent(session, handle, 1);
        late.set("transaction", request.get("transaction"));
        fake.peer().send(late);

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events.get(0).getMessage().getHeader(JanusConstants.TRANSACTION))
                .isEqualTo(request.path("transaction").asText());
    }

    /**
     * The header rules for a JSEP: an InOnly message with an offer is acked; the exchange keeps its
     * body, and the offer is read once (not sent again by a following request).
     */
    @Test
    void anInOnlyMessageKeepsItsBodyAndItsJsepIsReadOnce() {
        fake.on("message", (request, peer) -> peer.send(FakeJanus.ack(request)));
        Map<String, Object> offer = Map.of("type", "offer", "sdp", "v=0");

        Exchange exchange =
                template.send(
                        "direct:fake",
                        ExchangePattern.InOnly,
                        e -> {
                            e.getMessage().setBody("{\"request\":\"configure\"}");
                            e.getMessage().setHeader(JanusConstants.JSEP, offer);
                            e.getMessage().setHeader(JanusConstants.PLUGIN, FakeJanus.PLUGIN);
                        });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("{\"request\":\"configure\"}");
        assertThat(exchange.getMessage().getHeader(JanusConstants.PLUGIN))
                .isEqualTo(FakeJanus.PLUGIN);
        assertThat(exchange.getMessage().getHeader(JanusConstants.JSEP)).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.TRANSACTION)).isNull();
        assertThat(fake.received("message").get(0).path("jsep").path("type").asText())
                .isEqualTo("offer");

        template.send("direct:fake", exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(fake.received("message")).hasSize(2);
        assertThat(fake.received("message").get(1).has("jsep")).isFalse();
    }

    @Test
    void inOnlyAnswerReachesTheConsumerAlsoWhenJanusSendsItBeforeTheAck() {
        fake.on(
                "message",
                (request, peer) -> {
                    peer.send(
                            FakeJanus.event(
                                    request,
                                    FakeJanus.PLUGIN,
                                    FakeJanus.json("{\"result\":\"early\"}")));
                    peer.send(FakeJanus.ack(request));
                });

        Exchange exchange = sendInOnly();
        assertThat(exchange.getException()).isNull();

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events.get(0).getMessage().getBody(JanusBody.class))
                .containsEntry("result", "early");
    }

    @Test
    void eventsOfOneHandleArriveInOrder() throws Exception {
        long[] ids = sessionAndHandle();
        for (int seq = 0; seq < 200; seq++) {
            fake.peer().send(pluginEvent(ids[0], ids[1], seq));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 200);
        assertThat(events)
                .extracting(
                        e ->
                                ((Number) e.getMessage().getBody(JanusBody.class).get("seq"))
                                        .intValue())
                .isSorted()
                .hasSize(200);
    }

    @Test
    void eventsWaitForADispatchThreadWhenEveryOneIsBusy() throws Exception {
        int threads = holdEveryDispatchThread();
        for (int session = threads + 1; session <= threads + 3; session++) {
            fake.peer().send(pluginEvent(session, 1, session));
        }

        eventGate.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == threads + 3);
        assertThat(eventThreads).allMatch(name -> name.endsWith("-dispatch"));
    }

    @Test
    void requestsCompleteWithinTheirDeadlineWhileEveryDispatchThreadRunsARoute() throws Exception {
        // One answered request first: the managed handle is attached before the threads block.
        assertThat(
                        template.request("direct:fake", e -> e.getMessage().setBody("{}"))
                                .getException())
                .isNull();
        fake.on("message", FakeJanus.SILENT);
        holdEveryDispatchThread();
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(template.asyncSend("direct:fake", e -> e.getMessage().setBody("{}")));
        }

        // The event routes still hold every dispatch thread: the deadlines (300 ms) fire anyway.
        for (CompletableFuture<Exchange> exchange : pending) {
            assertThat(exchange.get(5, TimeUnit.SECONDS).getException())
                    .isInstanceOf(JanusTimeoutException.class);
        }
        assertThat(eventGate.getCount()).isEqualTo(1);
        eventGate.countDown();
    }

    @Test
    void stoppingTheContextCompletesRequestsWhoseCompletionWaitsForABusyCompletionThread()
            throws Exception {
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:slowAfterReply")
                                .to(
                                        "janus:"
                                                + fake.uri()
                                                + "?plugin="
                                                + FakeJanus.PLUGIN
                                                + "&shutdownTimeout=1000&requestTimeout=100")
                                .process(
                                        e ->
                                                assertThat(gate.tryAcquire(10, TimeUnit.SECONDS))
                                                        .isTrue());
                    }
                });
        // Every completion thread continues a route that blocks after its reply.
        int threads = SharedConnection.dispatchThreads();
        for (int i = 0; i < threads; i++) {
            CompletableFuture<Exchange> unused =
                    template.asyncSend("direct:slowAfterReply", e -> e.getMessage().setBody("{}"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.getQueueLength() == threads);
        fake.on("message", FakeJanus.SILENT);
        List<CompletableFuture<Exchange>> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(
                    template.asyncSend("direct:slowAfterReply", e -> e.getMessage().setBody("{}")));
        }
        context.getShutdownStrategy().setTimeout(1); // do not wait for the in-flight exchanges

        // Their completions wait in the completion pool's queue. Stopping must still run them.
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(this::stopContext);
        SharedConnections connections =
                context.getComponent("janus", JanusComponent.class).connections();
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.size() == 0);
        gate.release(100);

        for (CompletableFuture<Exchange> exchange : pending) {
            assertThat(exchange.get(5, TimeUnit.SECONDS).getException())
                    .isInstanceOf(JanusException.class);
        }
        stopped.get(10, TimeUnit.SECONDS);
    }

    private void stopContext() {
        context.stop();
    }

    @Test
    void aConsumerWithAPluginDoesNotGetTheEventsOfAnotherPluginsHandles() throws Exception {
        ObjectNode other = pluginEvent(7, 8, 1);
        ((ObjectNode) other.path("plugindata")).put("plugin", "janus.plugin.echotest");
        fake.peer().send(other);
        fake.peer().send(pluginEvent(7, 9, 2));

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
        assertThat(events.get(0).getMessage().getBody(JanusBody.class)).containsEntry("seq", 2);
        assertThat(events.get(0).getMessage().getHeader(JanusConstants.PLUGIN))
                .isEqualTo(FakeJanus.PLUGIN);
    }

    @Test
    void suspendedConsumerDropsEventsAndResumesDelivery() throws Exception {
        long[] ids = sessionAndHandle();
        JanusConsumer consumer = (JanusConsumer) context.getRoute("events").getConsumer();

        context.getRouteController().suspendRoute("events");
        fake.peer().send(pluginEvent(ids[0], ids[1], 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.getDroppedWhileSuspended() == 1);

        context.getRouteController().resumeRoute("events");
        fake.peer().send(pluginEvent(ids[0], ids[1], 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
        assertThat(events.get(0).getMessage().getBody(JanusBody.class)).containsEntry("seq", 2);
    }

    @Test
    void bridgeErrorHandlerSendsRouteFailuresToTheErrorHandler() throws Exception {
        long[] ids = sessionAndHandle();
        fake.peer()
                .send(
                        FakeJanus.json(
                                "{\"janus\":\"hangup\",\"session_id\":"
                                        + ids[0]
                                        + ",\"sender\":"
                                        + ids[1]
                                        + ",\"reason\":\"Close PC\"}"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
        assertThat(failures.get(0).getMessage().getHeader(JanusConstants.EVENT_TYPE))
                .isEqualTo("hangup");
    }
}
