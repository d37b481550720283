/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static io.github.cameljanus.client.ClientTestSupport.janusThreads;
import static io.github.cameljanus.client.ClientTestSupport.pushedEvent;
import static io.github.cameljanus.client.fake.FakeJanus.PLUGIN;
import static io.github.cameljanus.client.fake.FakeJanus.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.cameljanus.client.fake.FakeJanus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against a scripted fake Janus: everything a real Janus cannot be made to do. */
@ExtendWith(NoThreadLeaks.class)
class JanusClientTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectNode BODY = json("{\"request\":\"test\"}");

    private FakeJanus janus;
    private JanusClient client;

    @BeforeEach
    void startFake() {
        janus = FakeJanus.start();
    }

    @AfterEach
    void closeAll() {
        if (client != null) {
            client.close();
        }
        janus.close();
    }

    // ---- completion rules ----

    @Test
    void eventBeforeAckCompletesOnTheEventAndTheLateAckIsExpected() throws Exception {
        JanusHandle handle = connectAndAttach();
        janus.on(
                "message",
                (request, peer) -> {
                    peer.send(FakeJanus.event(request, PLUGIN, json("{\"result\":\"early\"}")));
                    peer.send(FakeJanus.ack(request));
                });

        JanusReply reply = get(handle.message(BODY, null));

        assertThat(reply.kind()).isEqualTo(JanusReply.Kind.EVENT);
        assertThat(reply.data().path("result").asText()).isEqualTo("early");
        assertThat(reply.plugin()).isEqualTo(PLUGIN);
        assertThat(reply.handleId()).isEqualTo(handle.id());
        assertThat(reply.sessionId()).isEqualTo(handle.session().id());
        awaitTableEmpty();
        assertThat(client.metrics().lateReplies()).isZero();
    }

    @Test
    void ackThenEventCompletesOnTheEvent() throws Exception {
        JanusHandle handle = connectAndAttach();

        JanusReply reply = get(handle.message(BODY, null));

        assertThat(reply.kind()).isEqualTo(JanusReply.Kind.EVENT);
        assertThat(reply.data().path("result").asText()).isEqualTo("ok");
        assertThat(reply.transaction())
                .isEqualTo(janus.received("message").get(0).path("transaction").asText());
        awaitTableEmpty();
    }

    @Test
    void synchronousPluginReplyCompletesOnSuccess() throws Exception {
        JanusHandle handle = connectAndAttach();
        janus.on(
                "message",
                (request, peer) ->
                        peer.send(
                                FakeJanus.pluginSuccess(
                                        request, PLUGIN, json("{\"list\":[1,2]}"))));

        JanusReply reply = get(handle.message(BODY, null));

        assertThat(reply.kind()).isEqualTo(JanusReply.Kind.SUCCESS);
        assertThat(reply.data().path("list")).hasSize(2);
        awaitTableEmpty();
    }

    @Test
    void awaitEventFalseCompletesOnTheAckAndTheEventGoesToListeners() throws Exception {
        JanusHandle handle = connectAndAttach();
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        handle.addEventListener(events::add);

        JanusReply reply =
                get(handle.message(BODY, null, RequestOptions.defaults().withAwaitEvent(false)));

        assertThat(reply.kind()).isEqualTo(JanusReply.Kind.ACK);
        assertThat(reply.data()).isNull();
        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(events.get(0).transaction()).isEqualTo(reply.transaction());
        assertThat(events.get(0).data().path("result").asText()).isEqualTo("ok");
        assertThat(client.metrics().lateReplies()).isZero();
    }

    @Test
    void laterEventsWithTheSameTransactionGoToListeners() throws Exception {
        JanusHandle handle = connectAndAttach();
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        handle.addEventListener(events::add);
        janus.on(
                "message",
                (request, peer) -> {
                    peer.send(FakeJanus.ack(request));
                    peer.send(
                            FakeJanus.event(request, PLUGIN, json("{\"result\":\"registering\"}")));
                    peer.send(
                            FakeJanus.event(request, PLUGIN, json("{\"result\":\"registered\"}")));
                });

        JanusReply reply = get(handle.message(BODY, null));

        assertThat(reply.data().path("result").asText()).isEqualTo("registering");
        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(events.get(0).data().path("result").asText()).isEqualTo("registered");
        assertThat(events.get(0).transaction()).isEqualTo(reply.transaction());
    }

    @Test
    void janusErrorWithTransactionFailsTheRequest() {
        JanusHandle handle = connectAndAttach();
        janus.on(
                "message",
                (request, peer) ->
                        peer.send(FakeJanus.error(request, 456, "Missing mandatory element")));

        JanusException error = failure(handle.message(BODY, null), JanusException.class);

        assertThat(error.getClass()).isEqualTo(JanusException.class);
        assertThat(error.code()).isEqualTo(456);
        assertThat(error.reason()).isEqualTo("Missing mandatory element");
        awaitTableEmpty();
    }

    @Test
    void janusErrorWithoutTransactionIsCountedAndHarmless() throws Exception {
        connect(builder -> {});
        janus.peer()
                .sendRaw(
                        "{\"janus\":\"error\",\"error\":{\"code\":454,\"reason\":\"Invalid JSON\"}}");

        await().atMost(WAIT).until(() -> client.metrics().errorsWithoutTransaction() == 1);
        get(client.ping());
    }

    @Test
    void pluginErrorFailsWithJanusPluginExceptionUnlessAskedNotTo() throws Exception {
        JanusHandle handle = connectAndAttach();
        janus.on(
                "message",
                (request, peer) -> {
                    peer.send(FakeJanus.ack(request));
                    peer.send(
                            FakeJanus.event(
                                    request,
                                    PLUGIN,
                                    json("{\"error_code\":425,\"error\":\"Already in\"}")));
                });

        JanusPluginException error =
                failure(handle.message(BODY, null), JanusPluginException.class);
        assertThat(error.code()).isEqualTo(425);
        assertThat(error.plugin()).isEqualTo(PLUGIN);
        assertThat(error.error()).isEqualTo("Already in");
        assertThat(error.reply().data().path("error_code").asInt()).isEqualTo(425);

        JanusReply reply =
                get(
                        handle.message(
                                BODY,
                                null,
                                RequestOptions.defaults().withFailOnPluginError(false)));
        assertThat(reply.data().path("error_code").asInt()).isEqualTo(425);
        awaitTableEmpty();
    }

    @Test
    void noReplyByTheDeadlineFailsWithTimeoutAndAReplyAfterwardsIsLate() throws Exception {
        JanusHandle handle = connectAndAttach();
        janus.on("message", FakeJanus.SILENT);

        CompletableFuture<JanusReply> reply =
                handle.message(
                        BODY, null, RequestOptions.defaults().withTimeout(Duration.ofMillis(200)));

        failure(reply, JanusTimeoutException.class);
        assertThat(client.metrics().pendingRequests()).isZero();
        janus.peer().send(FakeJanus.ack(janus.received("message").get(0)));
        await().atMost(WAIT).until(() -> client.metrics().lateReplies() == 1);
    }

    // ---- connection loss and close ----

    @Test
    void socketClosedFailsFiftyPendingRequestsWithinOneSecond() throws Exception {
        JanusHandle handle = connectAndAttach();
        AtomicReference<Throwable> disconnected = new AtomicReference<>();
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onDisconnected(Throwable reason) {
                        disconnected.set(reason);
                    }
                });
        janus.on("message", FakeJanus.SILENT);
        List<CompletableFuture<JanusReply>> pending = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pending.add(handle.message(BODY, null));
        }
        await().atMost(WAIT).until(() -> janus.received("message").size() == 50);

        long start = System.nanoTime();
        janus.peer().close();
        CompletableFuture<Void> all =
                CompletableFuture.allOf(pending.toArray(CompletableFuture<?>[]::new));
        assertThat(all).failsWithin(Duration.ofSeconds(1));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.println("50 pending requests failed " + millis + " ms after the socket closed");
        pending.forEach(f -> failure(f, JanusConnectionLostException.class));
        assertThat(client.state()).isEqualTo(JanusConnectionState.DISCONNECTED);
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(disconnected.get())
                                        .isInstanceOf(JanusConnectionLostException.class));
        assertThat(client.metrics().pendingRequests()).isZero();
        failure(client.ping(), JanusConnectionLostException.class);
    }

    @Test
    void closeDestroysOwnedSessionsAndFailsPendingWithClosed() throws Exception {
        JanusHandle handle = connectAndAttach();
        JanusSession session = handle.session();
        janus.on("message", FakeJanus.SILENT);
        List<CompletableFuture<JanusReply>> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pending.add(handle.message(BODY, null));
        }
        await().atMost(WAIT).until(() -> janus.received("message").size() == 10);

        client.close();
        client.close();

        pending.forEach(f -> failure(f, JanusClosedException.class));
        assertThat(janus.received("destroy"))
                .singleElement()
                .satisfies(d -> assertThat(d.path("session_id").asLong()).isEqualTo(session.id()));
        assertThat(session.isClosed()).isTrue();
        assertThat(handle.isClosed()).isTrue();
        assertThat(client.state()).isEqualTo(JanusConnectionState.CLOSED);
        failure(client.ping(), JanusClosedException.class);
        failure(client.connect(), JanusClosedException.class);
        await().atMost(WAIT).until(() -> janusThreads().isEmpty());
    }

    @Test
    void pingWithoutPongDeclaresTheConnectionDead() {
        janus.on("ping", FakeJanus.SILENT);
        AtomicReference<Throwable> disconnected = new AtomicReference<>();
        connect(
                builder ->
                        builder.pingInterval(Duration.ofMillis(100))
                                .requestTimeout(Duration.ofMillis(300)));
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onDisconnected(Throwable reason) {
                        disconnected.set(reason);
                    }
                });

        await().atMost(WAIT).until(() -> client.state() == JanusConnectionState.DISCONNECTED);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(disconnected.get()).hasMessageContaining("no pong"));
        await().atMost(WAIT).until(() -> janus.openConnections() == 0);
    }

    @Test
    void failedHandshakeSaysWhatIsLikelyWrong() throws Exception {
        try (ServerSocket dropper = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor =
                    new Thread(
                            () -> {
                                while (!dropper.isClosed()) {
                                    try (Socket socket = dropper.accept()) {
                                        socket.getInputStream().read();
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            },
                            "test-dropper");
            acceptor.start();
            JanusClientConfig config =
                    JanusClientConfig.builder()
                            .address(URI.create("ws://127.0.0.1:" + dropper.getLocalPort() + "/"))
                            .connectTimeout(Duration.ofSeconds(3))
                            .build();

            assertThatThrownBy(() -> JanusClient.connect(config))
                    .isInstanceOf(JanusException.class)
                    .hasMessageContaining("wrong subprotocol, wrong port or not a Janus");
        }
    }

    // ---- frames ----

    @Test
    void fragmentedAndBinaryMessagesAreReassembledAndParsed() throws Exception {
        JanusHandle handle = connectAndAttach();
        String big = "x".repeat(10_000);
        janus.on(
                "message",
                (request, peer) -> {
                    peer.send(FakeJanus.ack(request));
                    ObjectNode event = FakeJanus.event(request, PLUGIN, json("{}").put("big", big));
                    if (request.path("body").path("binary").asBoolean()) {
                        peer.sendBinary(event.toString());
                    } else {
                        peer.sendFragmented(event.toString(), 2800);
                    }
                });

        assertThat(get(handle.message(BODY, null)).data().path("big").asText()).isEqualTo(big);
        assertThat(get(handle.message(json("{\"binary\":true}"), null)).data().path("big").asText())
                .isEqualTo(big);
        assertThat(client.metrics().malformedFrames()).isZero();
    }

    @Test
    void malformedMessagesAreCountedLoggedMaskedAndTheReaderSurvives() throws Exception {
        connect(builder -> {});
        try (LogCapture logs = new LogCapture(Level.INFO)) {
            janus.peer().sendRaw("{\"janus\":\"event\",\"apisecret\":\"hush-1\",\"x\": broken");
            janus.peer().sendRaw("[1,2]");
            janus.peer().sendRaw("{\"no\":\"type\"}");

            await().atMost(WAIT).until(() -> client.metrics().malformedFrames() == 3);
            get(client.ping());
            assertThat(logs.warningsAndErrors()).hasSize(3);
            assertThat(logs.lines()).noneMatch(line -> line.contains("hush-1"));
        }
    }

    @Test
    void messagesOverMaxMessageSizeAreDiscardedAndCounted() throws Exception {
        JanusHandle handle = connectAndAttach(builder -> builder.maxMessageSize(4096));
        janus.on(
                "message",
                (request, peer) -> {
                    ObjectNode huge =
                            FakeJanus.event(
                                    request, PLUGIN, json("{}").put("big", "y".repeat(9000)));
                    peer.sendFragmented(huge.toString(), 2800);
                    peer.send(FakeJanus.event(request, PLUGIN, json("{\"result\":\"small\"}")));
                    peer.send(FakeJanus.ack(request));
                });

        assertThat(get(handle.message(BODY, null)).data().path("result").asText())
                .isEqualTo("small");
        assertThat(client.metrics().oversizedMessages()).isEqualTo(1);
    }

    @Test
    void unknownEventTypesArePassedThroughUnderTheirOwnName() throws Exception {
        JanusHandle handle = connectAndAttach();
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        handle.addEventListener(events::add);
        List<JanusEvent> all = new CopyOnWriteArrayList<>();
        client.addEventListener(all::add);

        janus.peer()
                .send(
                        json("{\"janus\":\"surprise\",\"extra\":1}")
                                .put("session_id", handle.session().id())
                                .put("sender", handle.id()));

        await().atMost(WAIT).until(() -> events.size() == 1 && all.size() == 1);
        JanusEvent event = events.get(0);
        assertThat(event.type()).isEqualTo("surprise");
        assertThat(event.handleId()).isEqualTo(handle.id());
        assertThat(event.sessionId()).isEqualTo(handle.session().id());
        assertThat(event.plugin()).isEqualTo(PLUGIN);
        assertThat(event.data()).isNull();
        assertThat(event.frame().path("extra").asInt()).isEqualTo(1);
        assertThat(client.metrics().eventsDelivered()).isEqualTo(1);
    }

    @Test
    void replyForAnUnknownTransactionIsCountedAsLate() throws Exception {
        connect(builder -> {});

        janus.peer().send(json("{\"janus\":\"success\",\"transaction\":\"never-sent\"}"));

        await().atMost(WAIT).until(() -> client.metrics().lateReplies() == 1);
        get(client.ping());
    }

    // ---- concurrency and limits ----

    @Test
    void twoHundredConcurrentCallersShareOneWriter() throws Exception {
        CountingTransportFactory transports = new CountingTransportFactory();
        JanusHandle handle = connectAndAttach(builder -> builder.transportFactory(transports));
        ExecutorService callers = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch go = new CountDownLatch(1);
            @SuppressWarnings("FutureReturnValueIgnored") // each result is read below
            List<java.util.concurrent.Future<CompletableFuture<JanusReply>>> submitted =
                    IntStream.range(0, 200)
                            .mapToObj(
                                    i ->
                                            callers.submit(
                                                    () -> {
                                                        go.await();
                                                        return handle.message(
                                                                json("{}").put("n", i), null);
                                                    }))
                            .toList();
            go.countDown();
            for (var future : submitted) {
                assertThat(get(future.get(5, TimeUnit.SECONDS)).kind())
                        .isEqualTo(JanusReply.Kind.EVENT);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(transports.maxInFlight()).isEqualTo(1);
        assertThat(transports.sends()).isGreaterThanOrEqualTo(200);
        assertThat(
                        janus.received("message").stream()
                                .map(m -> m.path("transaction").asText())
                                .distinct())
                .hasSize(200);
        awaitTableEmpty();
    }

    @Test
    void beyondMaxPendingRequestsRequestsFailFastButKeepalivesPass() throws Exception {
        JanusHandle handle = connectAndAttach(builder -> builder.maxPendingRequests(5));
        janus.on("message", FakeJanus.SILENT);
        List<CompletableFuture<JanusReply>> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(handle.message(BODY, null));
        }

        CompletableFuture<JanusReply> refused = handle.message(BODY, null);

        assertThat(refused).isCompletedExceptionally();
        assertThat(failure(refused, JanusException.class))
                .hasMessageContaining("maxPendingRequests");
        get(handle.session().keepAlive());
        await().atMost(WAIT).until(() -> janus.received("message").size() == 5);
        assertThat(held).noneMatch(CompletableFuture::isDone);
    }

    @Test
    void invalidEnvelopesAreNeverSent() throws Exception {
        JanusHandle handle = connectAndAttach();
        int before = janus.received().size();

        assertThat(failure(client.session(-5).keepAlive(), JanusException.class))
                .hasMessageContaining("session_id");
        assertThat(failure(handle.session().handle(0).hangup(), JanusException.class))
                .hasMessageContaining("handle_id");
        assertThat(failure(handle.message(TextNode.valueOf("hi"), null), JanusException.class))
                .hasMessageContaining("body");
        assertThat(
                        failure(
                                handle.message(BODY, json("{\"type\":\"offer\"}")),
                                JanusException.class))
                .hasMessageContaining("jsep");
        assertThat(failure(client.createSession(-1), JanusException.class))
                .hasMessageContaining("id");

        get(client.ping());
        assertThat(janus.received()).hasSize(before + 1);
        awaitTableEmpty();
    }

    // ---- lifecycle events ----

    @Test
    void detachedBeforeSuccessCompletesTheDetachQuietly() throws Exception {
        JanusHandle handle = connectAndAttach();
        janus.on(
                "detach",
                (request, peer) -> {
                    peer.send(FakeJanus.detached(request));
                    peer.send(FakeJanus.success(request));
                });
        try (LogCapture logs = new LogCapture(Level.DEBUG)) {
            get(handle.detach());
            awaitTableEmpty();
            assertThat(logs.warningsAndErrors()).isEmpty();
        }
        assertThat(handle.isClosed()).isTrue();
        assertThat(handle.session().handles()).isEmpty();
        assertThat(client.metrics().lateReplies()).isZero();
    }

    @Test
    void detachAndDestroyFailTheirChildrensPendingRequests() throws Exception {
        JanusHandle first = connectAndAttach();
        JanusHandle second = get(first.session().attach(PLUGIN, "opaque"));
        janus.on("message", FakeJanus.SILENT);
        CompletableFuture<JanusReply> onFirst = first.message(BODY, null);
        CompletableFuture<JanusReply> onSecond = second.message(BODY, null);
        await().atMost(WAIT).until(() -> janus.received("message").size() == 2);

        get(first.detach());
        failure(onFirst, JanusClosedException.class);
        assertThat(onSecond).isNotDone();

        get(first.session().destroy());
        failure(onSecond, JanusClosedException.class);
        assertThat(second.isClosed()).isTrue();
        assertThat(first.session().isClosed()).isTrue();
        assertThat(client.sessions()).isEmpty();
        failure(second.message(BODY, null), JanusClosedException.class);
        awaitTableEmpty();
    }

    @Test
    void timeoutEventEndsTheSessionAndReachesListeners() throws Exception {
        JanusHandle handle = connectAndAttach();
        JanusSession session = handle.session();
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        session.addEventListener(events::add);
        janus.on("message", FakeJanus.SILENT);
        CompletableFuture<JanusReply> pending = handle.message(BODY, null);
        await().atMost(WAIT).until(() -> janus.received("message").size() == 1);

        janus.peer().send(json("{\"janus\":\"timeout\"}").put("session_id", session.id()));

        failure(pending, JanusClosedException.class);
        assertThat(session.isClosed()).isTrue();
        assertThat(handle.isClosed()).isTrue();
        await().atMost(WAIT).until(() -> events.size() == 2);
        assertThat(events).extracting(JanusEvent::type).containsExactly("timeout", "sessionLost");
        assertThat(events.get(1).frame().path("cause").asText()).isEqualTo("timeout");
        assertThat(client.metrics().sessionsLost()).isEqualTo(1);
        awaitTableEmpty();
    }

    @Test
    void keepaliveAnswered458LosesTheSession() throws Exception {
        connect(builder -> builder.keepAliveInterval(Duration.ofMillis(100)));
        JanusSession session = get(client.createSession());
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        session.addEventListener(events::add);
        janus.on(
                "keepalive",
                (request, peer) -> peer.send(FakeJanus.error(request, 458, "No such session")));

        await().atMost(WAIT).until(() -> events.size() == 1);

        assertThat(events.get(0).type()).isEqualTo(JanusEvent.SESSION_LOST);
        assertThat(events.get(0).sessionId()).isEqualTo(session.id());
        assertThat(session.isClosed()).isTrue();
        assertThat(client.sessions()).isEmpty();
    }

    @Test
    void keepaliveIntervalIsDerivedFromTheSessionTimeout() throws Exception {
        janus.sessionTimeout(1);
        connect(builder -> builder.keepAliveInterval(null));
        JanusSession session = get(client.createSession());

        await().atMost(WAIT).until(() -> janus.received("keepalive").size() >= 3);

        assertThat(janus.received("keepalive"))
                .allSatisfy(k -> assertThat(k.path("session_id").asLong()).isEqualTo(session.id()));
    }

    // ---- delivery ----

    @Test
    void eventsAreDeliveredInOrderAndContinuationsRunOffTheSocketThread() throws Exception {
        JanusHandle handle = connectAndAttach();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        handle.addEventListener(
                event -> {
                    threads.add(Thread.currentThread().getName());
                    seen.add(event.data().path("n").asInt());
                });
        for (int i = 0; i < 300; i++) {
            janus.peer().send(pushedEvent(handle, i));
        }

        await().atMost(WAIT).until(() -> seen.size() == 300);
        assertThat(seen).isSorted().hasSize(300);
        assertThat(threads).allMatch(name -> name.startsWith("janus-dispatch-"));
        janus.on("message", FakeJanus.SILENT);
        CompletableFuture<String> continuation =
                handle.message(BODY, null).thenApply(reply -> Thread.currentThread().getName());
        await().atMost(WAIT).until(() -> janus.received("message").size() == 1);
        ObjectNode request = janus.received("message").get(0);
        janus.peer().send(FakeJanus.event(request, PLUGIN, json("{}")));
        assertThat(get(continuation)).startsWith("janus-completion-");
    }

    @Test
    void aSlowListenerMakesEventsDropWithOneWarning() throws Exception {
        JanusHandle handle = connectAndAttach(builder -> builder.eventQueueSize(10));
        CountDownLatch release = new CountDownLatch(1);
        handle.addEventListener(
                event -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        try (LogCapture logs = new LogCapture(Level.INFO)) {
            for (int i = 0; i < 100; i++) {
                janus.peer().send(pushedEvent(handle, i));
            }
            await().atMost(WAIT).until(() -> client.metrics().droppedEvents() >= 89);
            release.countDown();
            await().atMost(WAIT)
                    .until(
                            () ->
                                    client.metrics().droppedEvents()
                                                    + client.metrics().eventsDelivered()
                                            == 100);
            assertThat(logs.warningsAndErrors())
                    .singleElement()
                    .asString()
                    .contains("slower than Janus");
        }
    }

    // ---- auth, logging, threads ----

    @Test
    void secretsAreSentWhereNeededAndNeverLogged() throws Exception {
        try (LogCapture logs = new LogCapture(Level.TRACE)) {
            JanusHandle handle =
                    connectAndAttach(
                            builder -> builder.apiSecret("api-hush-1").token("token-hush-2"));
            get(handle.message(json("{\"secret\":\"room-hush-3\",\"pin\":\"pin-hush-4\"}"), null));
            get(handle.message(BODY, null, RequestOptions.defaults().withToken("token-hush-5")));

            assertThat(logs.lines()).anyMatch(line -> line.contains(">>>"));
            assertThat(logs.lines()).noneMatch(line -> line.contains("hush"));
        }
        ObjectNode info = janus.received("info").get(0);
        assertThat(info.has("apisecret") || info.has("token")).isFalse();
        ObjectNode attach = janus.received("attach").get(0);
        assertThat(attach.path("apisecret").asText()).isEqualTo("api-hush-1");
        assertThat(attach.path("token").asText()).isEqualTo("token-hush-2");
        assertThat(janus.received("message").get(1).path("token").asText())
                .isEqualTo("token-hush-5");
    }

    @Test
    void ownThreadsAreNamedAndGoneAfterClose() {
        connectAndAttach(builder -> builder.keepAliveInterval(Duration.ofSeconds(1)));

        // The default JDK transport reads on the HttpClient's selector thread (no janus-ws-n).
        assertThat(janusThreads()).anyMatch(name -> name.startsWith("janus-dispatch-"));
        assertThat(janusThreads()).anyMatch(name -> name.startsWith("janus-scheduler-"));
        client.close();
        await().atMost(WAIT).until(() -> janusThreads().isEmpty());
    }

    @Test
    void externallyOwnedExecutorsAreUsedButNotShutDown() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService dispatch = Executors.newFixedThreadPool(2);
        ExecutorService completion = Executors.newFixedThreadPool(2);
        try {
            connect(
                    builder ->
                            builder.scheduler(scheduler)
                                    .dispatchExecutor(dispatch)
                                    .completionExecutor(completion));
            String thread =
                    get(client.ping().thenApply(ignored -> Thread.currentThread().getName()));
            client.close();

            assertThat(thread).doesNotStartWith("janus-");
            assertThat(scheduler.isShutdown()).isFalse();
            assertThat(dispatch.isShutdown()).isFalse();
            assertThat(completion.isShutdown()).isFalse();
        } finally {
            scheduler.shutdownNow();
            dispatch.shutdownNow();
            completion.shutdownNow();
        }
    }

    @Test
    void requestShapesMatchTheJanusApi() throws Exception {
        JanusHandle handle = connectAndAttach();
        JanusSession chosen = get(client.createSession(4242));
        JsonNode candidate =
                json("{\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"candidate\":\"candidate:1\"}");

        get(handle.trickle(candidate));
        get(handle.trickle(List.of(candidate, candidate)));
        get(handle.trickleCompleted());
        get(handle.hangup());
        get(client.session(77).keepAlive());

        assertThat(chosen.id()).isEqualTo(4242);
        assertThat(janus.received("create").get(1).path("id").asLong()).isEqualTo(4242);
        List<ObjectNode> trickles = janus.received("trickle");
        assertThat(trickles.get(0).path("candidate")).isEqualTo(candidate);
        assertThat(trickles.get(1).path("candidates")).hasSize(2);
        assertThat(trickles.get(2).path("candidate").path("completed").asBoolean()).isTrue();
        assertThat(trickles.get(0).path("handle_id").asLong()).isEqualTo(handle.id());
        assertThat(janus.received("attach").get(0).path("plugin").asText()).isEqualTo(PLUGIN);
        assertThat(janus.received("keepalive").get(0).path("session_id").asLong()).isEqualTo(77);
        assertThat(client.sessions()).extracting(JanusSession::id).doesNotContain(77L);
    }

    @Test
    void twoReferencesClaimingOneSessionRunOneKeepaliveThatEndsWithTheSession() throws Exception {
        connect(builder -> builder.keepAliveInterval(Duration.ofMillis(100)));
        JanusSession first = client.session(88);
        JanusSession second = client.session(88);
        CompletableFuture.allOf(first.claim(), second.claim()).get(5, TimeUnit.SECONDS);
        assertThat(client.sessions()).hasSize(1);

        get(client.session(88).destroy());
        int sentAfterDestroy = keepalivesOf(88);

        // The other reference was never tracked, so no timer of its keeps sending.
        await().during(Duration.ofMillis(600))
                .atMost(Duration.ofSeconds(2))
                .until(() -> keepalivesOf(88) == sentAfterDestroy);
    }

    private int keepalivesOf(long session) {
        return (int)
                janus.received("keepalive").stream()
                        .filter(k -> k.path("session_id").asLong() == session)
                        .count();
    }

    // ---- helpers ----

    private JanusClient connect(Consumer<JanusClientConfig.Builder> custom) {
        JanusClientConfig.Builder builder =
                JanusClientConfig.builder()
                        .address(janus.uri())
                        .pingInterval(Duration.ZERO)
                        .keepAliveInterval(Duration.ZERO)
                        .reconnect(false) // JanusReconnectTest covers reconnecting
                        .requestTimeout(WAIT);
        custom.accept(builder);
        client = JanusClient.connect(builder.build());
        return client;
    }

    private JanusHandle connectAndAttach() {
        return connectAndAttach(builder -> {});
    }

    private JanusHandle connectAndAttach(Consumer<JanusClientConfig.Builder> custom) {
        connect(custom);
        JanusSession session = get(client.createSession());
        return get(session.attach(PLUGIN, null));
    }

    private void awaitTableEmpty() {
        await().atMost(WAIT).until(() -> client.metrics().pendingRequests() == 0);
    }

    private static <T> T get(CompletableFuture<T> future) {
        return ClientTestSupport.get(future, WAIT);
    }

    private static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        return ClientTestSupport.failure(future, type, WAIT);
    }
}
