/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static io.github.cameljanus.RouteChecks.ECHO_REQUEST;
import static io.github.cameljanus.RouteChecks.assertEchoAnswersOk;
import static io.github.cameljanus.RouteChecks.assertThatEventsReadiness;
import static io.github.cameljanus.RouteChecks.awaitEventsReadiness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusClientConfig;
import io.github.cameljanus.client.JanusClientMetrics;
import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusSession;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite against a real Janus: killed under load, restarted, connection cut and restored
 * within the reclaim window, frozen, started late, gave up, a slow consumer. Each test starts its
 * own Janus, is bounded in time, and ends with no session left on Janus; the class ends with no
 * thread of ours alive.
 */
class JanusFaultIT {

    private static final String ECHO = "janus.plugin.echotest";
    private static final String VIDEOROOM = "janus.plugin.videoroom";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Exchange> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @AfterAll
    static void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    // ---- 1. SIGKILL under load ----

    @Test
    void janusKilledUnderLoadFailsEveryInFlightExchangeWithinTheRequestTimeout() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        CamelContext context = context(echoUri(janus, "&requestTimeout=5s"), false);
        ProducerTemplate template = context.createProducerTemplate();
        assertEchoAnswersOk(template, "direct:janus");

        // Freezing first makes all 64 surely in flight (sent, unanswered) when the kill comes.
        List<CompletableFuture<Exchange>> inFlight = freezeAndSendEchoes(janus, template, 64);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(context) == 64);
        long start = System.nanoTime();
        janus.kill();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture<?>[]::new))
                .get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        Map<String, Long> outcomes =
                inFlight.stream()
                        .map(CompletableFuture::join)
                        .collect(
                                Collectors.groupingBy(
                                        e ->
                                                e.getException() == null
                                                        ? "success"
                                                        : e.getException()
                                                                .getClass()
                                                                .getSimpleName(),
                                        Collectors.counting()));
        System.out.println(
                "[fault 1] 64 in-flight exchanges failed "
                        + millis
                        + " ms after SIGKILL: "
                        + outcomes);
        assertThat(outcomes).containsExactly(Map.entry("JanusConnectionLostException", 64L));
        assertThat(millis).isLessThan(5000);
        assertThat(pending(context)).isZero();
        // While Janus is gone, requests fail fast with the reason, no hidden queue.
        long before = System.nanoTime();
        Exchange fast = template.send("direct:janus", e -> e.getMessage().setBody("{}"));
        assertThat(fast.getException()).isInstanceOf(JanusConnectionLostException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(1000);
        context.stop();
    }

    // ---- 2. restart ----

    @Test
    void afterARestartTheSameRouteWorksAgainAndTheConsumerHearsOfTheLostSession() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        CamelContext context =
                context(
                        echoUri(
                                janus,
                                "&reconnectMaxDelay=1s&reconnectInitialDelay=100ms&requestTimeout=2s"),
                        true);
        ProducerTemplate template = context.createProducerTemplate();
        Exchange first = requestEcho(template);
        assertThat(first.getException()).isNull();
        long oldSession = managedSession(1);
        assertThat(janus.listSessions()).containsExactly(oldSession);

        int connectedBefore = ofType("connected").size(); // the first connect may be reported
        janus.restart(); // returns when Janus answers ping again
        long ready = System.nanoTime();
        awaitEchoSucceeds(template, Duration.ofSeconds(2), Duration.ofMillis(50));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
        System.out.println("[fault 2] first success " + millis + " ms after Janus was ready again");

        assertThat(context.getRouteController().getRouteStatus("events").isStarted()).isTrue();
        assertThat(context.getRouteController().getRouteStatus("janus").isStarted()).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> ofType("sessionLost").size() == 1);
        assertThat(ofType("sessionLost").get(0).getMessage().getHeader(JanusConstants.SESSION_ID))
                .isEqualTo(oldSession);
        assertThat(ofType("connectionLost")).hasSize(1);
        await().atMost(Duration.ofSeconds(2))
                .until(() -> ofType("connected").size() == connectedBefore + 1);
        Exchange again = requestEcho(template);
        assertThat(again.getException()).isNull();
        long newSession = managedSession(2);
        assertThat(newSession).isNotEqualTo(oldSession);
        assertThat(janus.listSessions()).containsExactly(newSession);
        awaitHealth(context, HealthCheck.State.UP);
        context.stop();
        assertThat(janus.listSessions()).isEmpty();
    }

    // ---- 3. cut and restored within the reclaim window ----

    @Test
    void aConnectionCutWithinTheReclaimWindowKeepsTheSessionAndItsEvents() throws Exception {
        JanusServer janus = janus(JanusServer.builder().reclaimSessionTimeout(10));
        TcpProxy proxy = TcpProxy.start(janus.apiPort());
        toClose.add(proxy);
        String uri =
                "janus:"
                        + proxy.wsUrl()
                        + "?plugin="
                        + VIDEOROOM
                        + "&reconnectInitialDelay=100ms&reconnectMaxDelay=500ms";
        CamelContext context = context(uri, true);
        ProducerTemplate template = context.createProducerTemplate();
        long room = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        assertThat(
                        template.requestBody(
                                "direct:janus",
                                "{\"request\":\"create\",\"room\":"
                                        + room
                                        + ",\"notify_joining\":true}",
                                JanusBody.class))
                .containsEntry("videoroom", "created");
        Exchange joined =
                template.request(
                        "direct:janus",
                        e ->
                                e.getMessage()
                                        .setBody(
                                                "{\"request\":\"join\",\"ptype\":\"publisher\",\"room\":"
                                                        + room
                                                        + ",\"display\":\"camel\"}"));
        assertThat(joined.getMessage().getBody(JanusBody.class))
                .containsEntry("videoroom", "joined");
        long session = managedSession(1);

        int connectedBefore = ofType("connected").size(); // the first connect may be reported
        proxy.cutAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> ofType("connectionLost").size() == 1);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ofType("connected").size() == connectedBefore + 1);

        assertThat(ofType("sessionLost")).isEmpty();
        Exchange listed =
                template.request(
                        "direct:janus",
                        e ->
                                e.getMessage()
                                        .setBody(
                                                "{\"request\":\"listparticipants\",\"room\":"
                                                        + room
                                                        + "}"));
        assertThat(listed.getException()).isNull();
        assertThat(ofType("managedHandleCreated")).hasSize(1); // reclaimed, not created again
        assertThat(listed.getMessage().getBody(String.class)).contains("\"camel\"");
        // Another participant joins: Janus sends the joining event to the reclaimed session.
        try (JanusClient other =
                JanusClient.connect(
                        JanusClientConfig.builder().address(URI.create(janus.wsUrl())).build())) {
            JanusSession otherSession = other.createSession().get(5, TimeUnit.SECONDS);
            JanusHandle otherHandle = otherSession.attach(VIDEOROOM, null).get(5, TimeUnit.SECONDS);
            ObjectNode join =
                    JanusJson.toObject(
                            "{\"request\":\"join\",\"ptype\":\"publisher\",\"room\":"
                                    + room
                                    + ",\"display\":\"other\"}",
                            "join");
            otherHandle.message(join, null).get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5))
                    .until(
                            () ->
                                    ofType("event").stream()
                                            .anyMatch(
                                                    e ->
                                                            e.getMessage()
                                                                    .getBody(String.class)
                                                                    .contains("\"joining\"")));
        }
        Exchange joining =
                ofType("event").stream()
                        .filter(e -> e.getMessage().getBody(String.class).contains("\"joining\""))
                        .findFirst()
                        .orElseThrow();
        assertThat(joining.getMessage().getHeader(JanusConstants.SESSION_ID)).isEqualTo(session);
        assertThat(joining.getMessage().getBody(String.class)).contains("\"other\"");
        context.stop();
        assertThat(janus.listSessions()).isEmpty();
    }

    // ---- 4. frozen Janus; backpressure ----

    @Test
    void aFrozenJanusTimesRequestsOutThePingDeclaresItDeadAndThawingRecovers() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        CamelContext context =
                context(
                        echoUri(
                                janus,
                                "&requestTimeout=1s&pingInterval=500ms&connectTimeout=1s"
                                        + "&reconnectInitialDelay=100ms&reconnectMaxDelay=500ms"
                                        + "&maxPendingRequests=8"),
                        true);
        ProducerTemplate template = context.createProducerTemplate();
        assertEchoAnswersOk(template, "direct:janus");

        List<CompletableFuture<Exchange>> pending = freezeAndSendEchoes(janus, template, 8);
        await().atMost(Duration.ofSeconds(1)).until(() -> pending(context) >= 8);
        Exchange refused = template.send("direct:janus", e -> e.getMessage().setBody(ECHO_REQUEST));
        assertThat(refused.getException())
                .isInstanceOf(JanusException.class)
                .hasMessageContaining("maxPendingRequests=8");
        for (CompletableFuture<Exchange> f : pending) {
            assertThat(f.get(3, TimeUnit.SECONDS).getException())
                    .isInstanceOfAny(
                            JanusTimeoutException.class, JanusConnectionLostException.class);
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> ofType("connectionLost").size() == 1);
        assertThat(ofType("connectionLost").get(0).getMessage().getBody(String.class))
                .contains("no pong");
        awaitHealth(context, HealthCheck.State.DOWN);

        janus.thaw();
        awaitEchoSucceeds(template, Duration.ofSeconds(10), Duration.ofMillis(100));
        awaitHealth(context, HealthCheck.State.UP);
        context.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> janus.listSessions().isEmpty());
    }

    // ---- start while down; attempts exhausted; stop-then-start ----

    @Test
    void theContextStartsWhileJanusIsDownAndConnectsWhenItComes() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        janus.stop();
        CamelContext context =
                context(
                        echoUri(janus, "&reconnectInitialDelay=100ms&reconnectMaxDelay=500ms"),
                        true);
        assertThat(context.getStatus().isStarted()).isTrue();
        awaitHealth(context, HealthCheck.State.DOWN);
        assertThatEventsReadiness(context)
                .satisfies(
                        r ->
                                assertThat(r.getMessage())
                                        .hasValueSatisfying(
                                                m ->
                                                        assertThat(m)
                                                                .contains(
                                                                        "Not connected to Janus",
                                                                        "reconnecting",
                                                                        "connection refused by")));
        Exchange down =
                context.createProducerTemplate()
                        .send("direct:janus", e -> e.getMessage().setBody("{}"));
        assertThat(down.getException())
                .isInstanceOf(JanusConnectionLostException.class)
                .hasMessageContaining("not connected to Janus")
                .hasMessageContaining("reconnecting");

        janus.restart();

        awaitHealth(context, HealthCheck.State.UP);
        assertEchoAnswersOk(context.createProducerTemplate(), "direct:janus");
        context.stop();
        assertThat(janus.listSessions()).isEmpty();
    }

    @Test
    void whenAttemptsRunOutTheEndpointStaysDownUntilTheRouteIsRestarted() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        CamelContext context =
                context(
                        echoUri(
                                janus,
                                "&reconnectInitialDelay=50ms&reconnectMaxDelay=100ms"
                                        + "&maxReconnectAttempts=2"),
                        false);
        ProducerTemplate template = context.createProducerTemplate();
        assertEchoAnswersOk(template, "direct:janus");

        janus.stop();
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> {
                            Exception e =
                                    template.send("direct:janus", x -> x.getMessage().setBody("{}"))
                                            .getException();
                            return e != null && e.getMessage().contains("gave up after 2");
                        });
        janus.restart();
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(
                        () ->
                                template.send("direct:janus", x -> x.getMessage().setBody("{}"))
                                                .getException()
                                        != null);

        context.getRouteController().stopRoute("janus");
        context.getRouteController().startRoute("janus");

        assertEchoAnswersOk(template, "direct:janus");
        context.stop();
        assertThat(janus.listSessions()).isEmpty();
    }

    @Test
    void stoppingAndStartingTheContextAgainWorksAndLeavesNothingBehind() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        CamelContext context = context(echoUri(janus, ""), true);
        ProducerTemplate template = context.createProducerTemplate();
        assertEchoAnswersOk(template, "direct:janus");
        assertThat(janus.listSessions()).hasSize(1);

        long start = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(janus.listSessions()).isEmpty();
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(5));
        assertThat(stopMillis).isLessThan(5000);

        context.start();
        template = context.createProducerTemplate();
        assertEchoAnswersOk(template, "direct:janus");
        awaitHealth(context, HealthCheck.State.UP);
        assertThat(janus.listSessions()).hasSize(1);
        context.stop();
        assertThat(janus.listSessions()).isEmpty();
    }

    @Test
    void stoppingTheContextWhileJanusIsFrozenIsBoundedAndFailsWhatIsPending() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        CamelContext context =
                context(
                        echoUri(janus, "&requestTimeout=20s&shutdownTimeout=1s&pingInterval=0"),
                        true);
        context.getShutdownStrategy().setTimeout(1); // do not wait for in-flight exchanges
        ProducerTemplate template = context.createProducerTemplate();
        assertEchoAnswersOk(template, "direct:janus");
        List<CompletableFuture<Exchange>> pending = freezeAndSendEchoes(janus, template, 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(context) == 5);

        long start = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.println("[shutdown] context stopped in " + stopMillis + " ms with Janus frozen");
        // Shutdown strategy 1 s + destroying sessions bounded by shutdownTimeout 1 s, + slack.
        assertThat(stopMillis).isLessThan(5000);
        for (CompletableFuture<Exchange> f : pending) {
            assertThat(f.get(1, TimeUnit.SECONDS).getException())
                    .isInstanceOf(JanusClosedException.class);
        }
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(5));
        janus.thaw();
        // The socket is gone and Janus runs with reclaim 0: it drops the sessions itself.
        await().atMost(Duration.ofSeconds(5)).until(() -> janus.listSessions().isEmpty());
    }

    // ---- 6. slow consumer ----

    @Test
    void aSlowConsumerKeepsTheOrderAndTheBoundDropsTheRest() throws Exception {
        JanusServer janus = janus(JanusServer.builder());
        String base = echoUri(janus, "&eventQueueSize=20");
        List<String> transactions = new CopyOnWriteArrayList<>();
        CamelContext context = new DefaultCamelContext();
        toClose.add(context);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(base + "&eventTypes=event")
                                .routeId("slow")
                                .process(
                                        e -> {
                                            transactions.add(
                                                    e.getMessage()
                                                            .getHeader(
                                                                    JanusConstants.TRANSACTION,
                                                                    String.class));
                                            long until = System.nanoTime() + 200_000_000L;
                                            while (System.nanoTime() < until) {
                                                Thread.onSpinWait(); // a route that takes 200 ms
                                            }
                                        });
                        from("direct:janus").to(base + "&awaitEvent=false");
                    }
                });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        AtomicInteger maxQueued = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> sampling =
                sampler.scheduleAtFixedRate(
                        () ->
                                maxQueued.accumulateAndGet(
                                        metrics(context).queuedEvents(), Math::max),
                        0,
                        5,
                        TimeUnit.MILLISECONDS);
        // InOnly: each request ends on its ack; the echotest event then goes to the consumer.
        for (int i = 0; i < 100; i++) {
            template.sendBody("direct:janus", ExchangePattern.InOnly, ECHO_REQUEST);
        }
        JanusClientMetrics metrics = metrics(context);
        System.out.println(
                "[fault 6] after sending: " + metrics + " consumed " + transactions.size());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> metrics(context).droppedEvents() + transactions.size() >= 50);
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                metrics(context).queuedEvents() == 0
                                        && transactions.size()
                                                == metrics(context).eventsDelivered());
        // Drained: nothing more arrives once the bounded queue is empty.
        int drained = transactions.size();
        await().during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(3))
                .until(() -> transactions.size() == drained);
        JanusClientMetrics after = metrics(context);
        System.out.println(
                "[fault 6] delivered "
                        + transactions.size()
                        + ", dropped "
                        + after.droppedEvents()
                        + ", initial "
                        + metrics);
        List<Long> order = transactions.stream().map(t -> Long.parseLong(t, 36)).toList();
        assertThat(order).isSorted().doesNotHaveDuplicates();
        assertThat(after.droppedEvents()).isPositive();
        System.out.println("[fault 6] at most " + maxQueued + " events queued");
        sampling.cancel(false);
        sampler.shutdownNow();
        assertThat(sampler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        // Memory stays bounded: never more than eventQueueSize events wait for the route.
        assertThat(maxQueued.get()).isBetween(1, 20);
        assertThat(transactions.size() + after.droppedEvents()).isLessThanOrEqualTo(100);
        context.stop();
        assertThat(janus.listSessions()).isEmpty();
    }

    // ---- helpers ----

    private static String echoUri(JanusServer janus, String options) {
        return "janus:" + janus.wsUrl() + "?plugin=" + ECHO + options;
    }

    private static Exchange requestEcho(ProducerTemplate template) {
        return template.request("direct:janus", e -> e.getMessage().setBody(ECHO_REQUEST));
    }

    /** Freezes Janus, then sends echo requests it leaves unanswered until it thaws. */
    private static List<CompletableFuture<Exchange>> freezeAndSendEchoes(
            JanusServer janus, ProducerTemplate template, int count) {
        janus.freeze();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(template.asyncSend("direct:janus", e -> e.getMessage().setBody(ECHO_REQUEST)));
        }
        return sent;
    }

    private static void awaitEchoSucceeds(
            ProducerTemplate template, Duration atMost, Duration pollInterval) {
        await().atMost(atMost)
                .pollInterval(pollInterval)
                .until(() -> requestEcho(template).getException() == null);
    }

    private JanusServer janus(JanusServer.Builder builder) {
        JanusServer janus = builder.build().start();
        toClose.add(janus);
        return janus;
    }

    private CamelContext context(String uri, boolean consumer) throws Exception {
        CamelContext context = new DefaultCamelContext();
        toClose.add(context);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler()); // failures are asserted, not logged
                        if (consumer) {
                            from(uri
                                            + "&eventTypes=event,connected,connectionLost,sessionLost"
                                            + ",managedHandleCreated")
                                    .routeId("events")
                                    .process(
                                            e -> {
                                                System.out.println(
                                                        "[event] "
                                                                + e.getMessage()
                                                                        .getHeader(
                                                                                JanusConstants
                                                                                        .EVENT_TYPE));
                                                events.add(e.copy());
                                            });
                        }
                        from("direct:janus").routeId("janus").to(uri);
                    }
                });
        context.start();
        return context;
    }

    /**
     * The managed session's id as of its {@code n}th creation (replies do not carry the managed
     * ids; the consumer's managedHandleCreated does).
     */
    private long managedSession(int n) {
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ofType("managedHandleCreated").size() >= n);
        return ofType("managedHandleCreated")
                .get(n - 1)
                .getMessage()
                .getHeader(JanusConstants.SESSION_ID, Long.class);
    }

    private List<Exchange> ofType(String type) {
        return events.stream()
                .filter(e -> type.equals(e.getMessage().getHeader(JanusConstants.EVENT_TYPE)))
                .toList();
    }

    private static int pending(CamelContext context) {
        return metrics(context).pendingRequests();
    }

    static JanusClientMetrics metrics(CamelContext context) {
        List<SharedConnection> open =
                context.getComponent("janus", JanusComponent.class).connections().snapshot();
        assertThat(open).hasSize(1);
        return open.get(0).client().metrics();
    }

    private static void awaitHealth(CamelContext context, HealthCheck.State state) {
        awaitEventsReadiness(context, state, Duration.ofSeconds(10));
    }
}
