/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.RouteChecks.assertEchoAnswersOk;
import static io.github.cameljanus.integration.JanusRoutes.ECHOTEST;
import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusPluginException;
import io.github.cameljanus.testing.JanusServerExtension;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Producer operations through routes against a real Janus. */
class JanusProducerIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    /** Leak check: no session left on Janus and no thread of ours alive after the class. */
    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        String url = JANUS.server().wsUrl();
        context =
                startContext(
                        routes -> {
                            routes.from("direct:echo").to(janusUri(url, ECHOTEST));
                            routes.from("direct:videoroom")
                                    .to(janusUri(url, "plugin=janus.plugin.videoroom"));
                            routes.from("direct:videoroom-lenient")
                                    .to(
                                            janusUri(
                                                    url,
                                                    "plugin=janus.plugin.videoroom"
                                                            + "&failOnPluginError=false"));
                            routes.from("direct:streaming")
                                    .to(janusUri(url, "plugin=janus.plugin.streaming"));
                            routes.from("direct:core").to("janus:" + url);
                            // after an asynchronous step the route runs on a completion thread,
                            // one of the connection's own: the synchronous step must not wait there
                            routes.from("direct:synchronous-after-asynchronous")
                                    .to(janusUri(url, ECHOTEST + "&requestTimeout=3000"))
                                    .process(e -> betweenTheSteps(e.getMessage()))
                                    .to(
                                            janusUri(
                                                    url,
                                                    ECHOTEST
                                                            + "&requestTimeout=3000"
                                                            + "&synchronous=true"))
                                    .process(
                                            e ->
                                                    e.getMessage()
                                                            .setHeader(
                                                                    "continuedOn",
                                                                    Thread.currentThread()
                                                                            .getName()));
                            for (String mode : new String[] {"false", "true"}) {
                                routes.from("direct:echo-synchronous-" + mode)
                                        .to(
                                                janusUri(
                                                        url,
                                                        ECHOTEST
                                                                + "&requestTimeout=1000"
                                                                + "&synchronous="
                                                                + mode))
                                        .process(
                                                e ->
                                                        e.getMessage()
                                                                .setHeader(
                                                                        "continuedOn",
                                                                        Thread.currentThread()
                                                                                .getName()));
                            }
                        });
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
    }

    /** Sends a core request (no body, no plugin) with the headers that say which. */
    private Object requestCore(Map<String, Object> headers) {
        return template.requestBodyAndHeaders("direct:core", null, headers);
    }

    @Test
    void echotestRoundTripThroughARoute() {
        Object reply = template.requestBody("direct:echo", "{\"audio\":true}");

        assertThat(reply).isInstanceOf(JanusBody.class);
        assertThat((Map<String, Object>) reply)
                .containsEntry("echotest", "event")
                .containsEntry("result", "ok");
    }

    @Test
    void aSynchronousSenderWaitsInTheProducerItselfWhileAnAsynchronousOneWaitsInCamel()
            throws Exception {
        // synchronous: parked in the producer, woken by the reader, and the route goes on here
        assertThat(waitingIn("direct:echo-synchronous-true"))
                .containsExactly(
                        "io.github.cameljanus.JanusProducer.awaitReply", "janus-it-sender");
        // asynchronous: parked in Camel, and the route goes on on a completion thread
        assertThat(waitingIn("direct:echo-synchronous-false"))
                .containsExactly(
                        "org.apache.camel.impl.engine.DefaultAsyncProcessorAwaitManager.await",
                        "completion");
    }

    /**
     * Where a sender of {@code uri} waits while Janus is silent (frozen), and where its route goes
     * on once Janus answers: the first of two frames that waits ({@code JanusProducer.awaitReply}
     * or Camel's await manager), and "janus-it-sender" or "completion" for the thread.
     */
    private java.util.List<String> waitingIn(String uri) throws Exception {
        template.requestBody(uri, Map.of("audio", true)); // connected, managed handle made
        java.util.concurrent.ExecutorService sender =
                java.util.concurrent.Executors.newSingleThreadExecutor(
                        r -> new Thread(r, "janus-it-sender"));
        try {
            JANUS.server().freeze();
            java.util.concurrent.Future<Exchange> sent;
            String stack;
            java.util.concurrent.atomic.AtomicReference<Thread> thread =
                    new java.util.concurrent.atomic.AtomicReference<>();
            try {
                sent =
                        sender.submit(
                                () -> {
                                    thread.set(Thread.currentThread());
                                    return template.request(
                                            uri,
                                            e -> e.getMessage().setBody(Map.of("audio", true)));
                                });
                stack =
                        org.awaitility.Awaitility.await()
                                .atMost(java.time.Duration.ofSeconds(5))
                                .until(
                                        () -> {
                                            Thread t = thread.get();
                                            return t == null
                                                            || (t.getState() != Thread.State.WAITING
                                                                    && t.getState()
                                                                            != Thread.State
                                                                                    .TIMED_WAITING)
                                                    ? null
                                                    : java.util.Arrays.toString(t.getStackTrace());
                                        },
                                        frames -> frames != null && frames.contains("park"));
            } finally {
                JANUS.server().thaw();
            }
            Exchange done = sent.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getBody(JanusBody.class)).containsEntry("result", "ok");
            String continuedOn = done.getMessage().getHeader("continuedOn", String.class);
            String waitedIn =
                    stack.contains("io.github.cameljanus.JanusProducer.awaitReply")
                            ? "io.github.cameljanus.JanusProducer.awaitReply"
                            : stack.contains(
                                            "org.apache.camel.impl.engine"
                                                    + ".DefaultAsyncProcessorAwaitManager.await")
                                    ? "org.apache.camel.impl.engine"
                                            + ".DefaultAsyncProcessorAwaitManager.await"
                                    : stack;
            return java.util.List.of(
                    waitedIn,
                    continuedOn.equals("janus-it-sender")
                            ? continuedOn
                            : continuedOn.endsWith("-completion") ? "completion" : continuedOn);
        } finally {
            sender.shutdownNow();
        }
    }

    /** Set by a test to hold the route between its two steps; null lets it through. */
    private volatile java.util.concurrent.CountDownLatch holdBetweenSteps;

    private volatile Thread betweenStepsOn;

    private void betweenTheSteps(org.apache.camel.Message message) throws InterruptedException {
        message.setBody(Map.of("audio", true));
        java.util.concurrent.CountDownLatch hold = holdBetweenSteps;
        if (hold != null) {
            betweenStepsOn = Thread.currentThread();
            assertThat(hold.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSynchronousEndpointDoesNotWaitOnTheConnectionsOwnThreads() throws Exception {
        String route = "direct:synchronous-after-asynchronous";
        assertThat(template.requestBody(route, Map.of("audio", true), JanusBody.class))
                .containsEntry("result", "ok"); // connected, both managed handles made
        io.github.cameljanus.JanusEndpoint firstStep =
                context.getEndpoint(
                        janusUri(JANUS.server().wsUrl(), ECHOTEST + "&requestTimeout=3000"),
                        io.github.cameljanus.JanusEndpoint.class);
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        holdBetweenSteps = hold;
        java.util.concurrent.CompletableFuture<Exchange> sent;
        try {
            // Janus frozen until the first request is out and the producer has returned: its reply
            // then comes after the producer chained on it, so the route goes on on a completion
            // thread (a reply that came first would let it go on on the sender's thread)
            JANUS.server().freeze();
            try {
                sent =
                        template.asyncSend(
                                route,
                                e -> {
                                    e.setPattern(org.apache.camel.ExchangePattern.InOut);
                                    e.getMessage().setBody(Map.of("audio", true));
                                });
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(5))
                        .until(
                                () ->
                                        firstStep.getPendingRequests() == 1
                                                && !aThreadIsIn("JanusProducer.process"));
            } finally {
                JANUS.server().thaw();
            }
            Thread completion =
                    org.awaitility.Awaitility.await()
                            .atMost(java.time.Duration.ofSeconds(5))
                            .until(() -> betweenStepsOn, java.util.Objects::nonNull);
            assertThat(completion.getName()).endsWith("-completion");
            JANUS.server().freeze();
            try {
                hold.countDown();
                // The second request is written and unanswered: the completion thread is back in
                // its pool (the exchange waits in Camel), not parked in the producer.
                String stack =
                        org.awaitility.Awaitility.await()
                                .atMost(java.time.Duration.ofSeconds(2))
                                .until(
                                        () -> java.util.Arrays.toString(completion.getStackTrace()),
                                        frames ->
                                                frames.contains("JanusProducer.awaitReply")
                                                        || frames.contains("getTask"));
                assertThat(stack).doesNotContain("JanusProducer.awaitReply").contains("getTask");
            } finally {
                JANUS.server().thaw();
            }
        } finally {
            hold.countDown();
            holdBetweenSteps = null;
        }
        Exchange done = sent.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(JanusBody.class)).containsEntry("result", "ok");
        // and its reply came through the completion hand-off, not on the socket's reader
        assertThat(done.getMessage().getHeader("continuedOn", String.class))
                .endsWith("-completion");
    }

    private static boolean aThreadIsIn(String frame) {
        return Thread.getAllStackTraces().values().stream()
                .anyMatch(stack -> java.util.Arrays.toString(stack).contains(frame));
    }

    @Test
    void aSynchronousWaitEndsAtTheRequestDeadlineWhenJanusIsSilent() {
        template.requestBody("direct:echo-synchronous-true", Map.of("audio", true)); // connected
        JANUS.server().freeze();
        try {
            Exchange silent =
                    template.request(
                            "direct:echo-synchronous-true",
                            e -> e.getMessage().setBody(Map.of("audio", true)));
            assertThat(silent.getException())
                    .isInstanceOf(io.github.cameljanus.client.JanusTimeoutException.class);
        } finally {
            JANUS.server().thaw();
        }
    }

    @Test
    void bodyMayBeAMapAndTheReplyConvertsToJsonText() {
        Exchange exchange =
                template.request("direct:echo", e -> e.getMessage().setBody(Map.of("audio", true)));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .isEqualTo("{\"echotest\":\"event\",\"result\":\"ok\"}");
        assertThat(exchange.getMessage().getHeader(JanusConstants.TRANSACTION)).isNotNull();
        // a reply does not set the headers a following request would read as its address
        assertThat(exchange.getMessage().getHeader(JanusConstants.PLUGIN)).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.SESSION_ID)).isNull();
    }

    @Test
    void aBodyThatIsNotJsonFailsThatExchangeOnly() {
        Exchange bad = template.request("direct:echo", e -> e.getMessage().setBody("not json"));
        assertThat(bad.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");

        assertEchoAnswersOk(template, "direct:echo");
    }

    @Test
    void unknownPluginFailsWithJanusException460() {
        assertThatThrownBy(
                        () ->
                                requestCore(
                                        Map.of(
                                                JanusConstants.OPERATION, "attach",
                                                JanusConstants.PLUGIN, "janus.plugin.nope")))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        JanusException.class, e -> assertThat(e.code()).isEqualTo(460));
    }

    @Test
    void deadSessionFailsWith458() {
        assertThatThrownBy(
                        () ->
                                requestCore(
                                        Map.of(
                                                JanusConstants.OPERATION,
                                                "keepalive",
                                                JanusConstants.SESSION_ID,
                                                123456789L)))
                .cause()
                .isInstanceOfSatisfying(
                        JanusException.class, e -> assertThat(e.code()).isEqualTo(458));
    }

    @Test
    void pluginErrorFailsWithJanusPluginExceptionOrIsTheBody() {
        Map<String, Object> created =
                template.requestBody(
                        "direct:videoroom",
                        "{\"request\":\"create\",\"secret\":\"s3cr3t\",\"description\":\"pe\"}",
                        JanusBody.class);
        Object room = created.get("room");

        assertThatThrownBy(
                        () ->
                                template.requestBody(
                                        "direct:videoroom",
                                        Map.of("request", "destroy", "room", room)))
                .cause()
                .isInstanceOfSatisfying(
                        JanusPluginException.class, e -> assertThat(e.code()).isEqualTo(429));

        Map<String, Object> lenient =
                template.requestBody(
                        "direct:videoroom-lenient",
                        Map.of("request", "destroy", "room", room),
                        JanusBody.class);
        assertThat(lenient).containsEntry("error_code", 429);

        assertThat(
                        template.requestBody(
                                "direct:videoroom",
                                Map.of("request", "destroy", "room", room, "secret", "s3cr3t"),
                                JanusBody.class))
                .containsEntry("videoroom", "destroyed");
    }

    @Test
    void streamingWatchRepliesWithAJsepOffer() {
        Map<String, Object> created =
                template.requestBody(
                        "direct:streaming",
                        "{\"request\":\"create\",\"type\":\"rtp\",\"description\":\"it\","
                                + "\"media\":[{\"type\":\"audio\",\"mid\":\"a\",\"port\":0,"
                                + "\"pt\":111,\"codec\":\"opus\",\"iface\":\"127.0.0.1\"}]}",
                        JanusBody.class);
        Object id = ((Map<String, Object>) created.get("stream")).get("id");

        Exchange watch =
                template.request(
                        "direct:streaming",
                        e -> e.getMessage().setBody(Map.of("request", "watch", "id", id)));

        assertThat(watch.getException()).isNull();
        Map<String, Object> jsep =
                watch.getMessage().getHeader(JanusConstants.JSEP, JanusBody.class);
        assertThat(jsep).containsEntry("type", "offer");
        assertThat((String) jsep.get("sdp")).startsWith("v=0");
    }

    @Test
    void infoAndPingWork() {
        Map<String, Object> info =
                template.requestBodyAndHeader(
                        "direct:core", null, JanusConstants.OPERATION, "info", JanusBody.class);
        assertThat(info).containsEntry("version_string", "1.1.2").doesNotContainKey("janus");

        Exchange ping =
                template.request(
                        "direct:core",
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "ping"));
        assertThat(ping.getException()).isNull();
    }
}
