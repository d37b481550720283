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
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.fake.FakeJanus;
import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.tyrus.TyrusTransportFactory;
import io.github.cameljanus.testing.TcpProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connection faults against the fake: reconnect with backoff, reclaim, failover, liveness, giving
 * up, fail fast while disconnected, and hostile frames.
 */
@ExtendWith(NoThreadLeaks.class)
class JanusReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectNode BODY = json("{\"request\":\"test\"}");

    private FakeJanus janus;
    private JanusClient client;
    private TcpProxy proxy;
    private final ConnectCounter attempts = new ConnectCounter();
    private final List<String> connectionEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFake() {
        janus = FakeJanus.start();
    }

    @AfterEach
    void closeAll() {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        janus.close();
    }

    @Test
    void aLostConnectionIsReestablishedAndItsSessionsClaimedWithTheirHandles() throws Exception {
        connect(fast());
        JanusSession session = get(client.createSession());
        JanusHandle handle = get(session.attach(PLUGIN, null));
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        handle.addEventListener(events::add);

        janus.peer().close();

        await().atMost(WAIT).until(() -> connectionEvents.size() == 2);
        assertThat(connectionEvents).containsExactly("down", "up");
        assertThat(janus.received("claim"))
                .singleElement()
                .satisfies(c -> assertThat(c.path("session_id").asLong()).isEqualTo(session.id()));
        assertThat(session.isClosed()).isFalse();
        assertThat(handle.isClosed()).isFalse();
        assertThat(client.sessions()).containsExactly(session);
        janus.peer().send(pushedEvent(handle, 1));
        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(get(handle.message(BODY, null)).data().path("result").asText()).isEqualTo("ok");
        JanusClientMetrics metrics = client.metrics();
        assertThat(metrics.connectionsLost()).isEqualTo(1);
        assertThat(metrics.reconnects()).isEqualTo(1);
        assertThat(metrics.sessionsReclaimed()).isEqualTo(1);
        assertThat(metrics.sessionsLost()).isZero();
    }

    @Test
    void inFlightRequestsFailAtOnceAndLaterOnesFailFastWithTheReason() throws Exception {
        connect(fast().andThen(b -> b.requestTimeout(Duration.ofSeconds(1))));
        JanusHandle handle = get(get(client.createSession()).attach(PLUGIN, null));
        janus.on("message", FakeJanus.SILENT);
        List<CompletableFuture<JanusReply>> inFlight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inFlight.add(handle.message(BODY, null));
        }
        await().atMost(WAIT).until(() -> janus.received("message").size() == 20);
        janus.on("info", FakeJanus.SILENT); // reconnect attempts cannot complete for now

        long start = System.nanoTime();
        janus.peer().close();
        assertThat(CompletableFuture.allOf(inFlight.toArray(CompletableFuture<?>[]::new)))
                .failsWithin(Duration.ofSeconds(1));
        long failedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        inFlight.forEach(f -> failure(f, JanusConnectionLostException.class));
        await().atMost(WAIT).until(() -> !client.isConnected());
        CompletableFuture<JanusReply> whileDown = handle.message(BODY, null);
        assertThat(whileDown).isCompletedExceptionally(); // no hidden queue
        JanusConnectionLostException fast = failure(whileDown, JanusConnectionLostException.class);
        assertThat(fast).hasMessageContaining("not connected to Janus at [" + janus.uri() + "]");
        assertThat(fast.getCause()).isInstanceOf(JanusConnectionLostException.class);
        assertThat(client.metrics().pendingRequests()).isZero();
        System.out.println("20 in-flight requests failed " + failedAfter + " ms after the loss");

        janus.on("info", (r, p) -> p.send(infoReply(r)));
        janus.on(
                "message",
                (r, p) -> p.send(FakeJanus.event(r, PLUGIN, json("{\"result\":\"ok\"}"))));
        await().atMost(WAIT).until(client::isConnected);
        assertThat(get(handle.message(BODY, null))).isNotNull();
    }

    @Test
    void failoverSkipsARefusingServerAndStaysOnTheServerThatWorks() throws Exception {
        URI refusing = refusedAddress();
        connect(fast().andThen(b -> b.addresses(List.of(refusing, janus.uri()))));
        assertThat(attempts.count(refusing)).isEqualTo(1);
        assertThat(attempts.count(janus.uri())).isEqualTo(1);

        janus.peer().close();
        await().atMost(WAIT).until(() -> connectionEvents.contains("up"));

        // The server that worked is tried first after a loss: the refusing one not again.
        assertThat(attempts.count(janus.uri())).isEqualTo(2);
        assertThat(attempts.count(refusing)).isEqualTo(1);
    }

    @Test
    void afterMaxAttemptsItGivesUpWithOneWarningAndConnectTriesAgain() throws Exception {
        proxy = TcpProxy.start(janus.uri().getPort());
        URI viaProxy = URI.create(proxy.wsUrl() + janus.uri().getPath());
        connect(
                fast().andThen(
                                b ->
                                        b.addresses(List.of(viaProxy))
                                                .maxReconnectAttempts(3)
                                                // Tyrus notices a socket closed during the
                                                // handshake only at the handshake timeout.
                                                .connectTimeout(Duration.ofMillis(500))
                                                .requestTimeout(Duration.ofSeconds(1))));
        JanusSession session = get(client.createSession());
        try (LogCapture log = new LogCapture(Level.INFO)) {
            proxy.refuse(true);
            proxy.cutAll();

            await().atMost(WAIT).until(client::hasGivenUp);
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !client.isConnected());
            assertThat(attempts.count(viaProxy)).isEqualTo(1 + 3);
            assertThat(log.warningsAndErrors())
                    .filteredOn(line -> line.contains("Gave up"))
                    .singleElement()
                    .asString()
                    .contains("after 3 reconnect attempts");
            assertThat(client.state()).isEqualTo(JanusConnectionState.DISCONNECTED);
            assertThat(failure(client.ping(), JanusConnectionLostException.class))
                    .hasMessageContaining("gave up after 3 reconnect attempts");
        }

        proxy.refuse(false);
        get(client.connect());

        assertThat(client.hasGivenUp()).isFalse();
        assertThat(attempts.count(viaProxy)).isEqualTo(5);
        await().atMost(WAIT).until(() -> janus.received("claim").size() == 1);
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void aSessionThatCannotBeClaimedIsReportedLostAndItsRequestsFail() throws Exception {
        connect(fast());
        JanusSession session = get(client.createSession());
        JanusHandle handle = get(session.attach(PLUGIN, null));
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        client.addEventListener(events::add);
        janus.on("claim", (r, p) -> p.send(FakeJanus.error(r, 458, "No such session")));

        janus.peer().close();

        await().atMost(WAIT).until(() -> events.size() == 1);
        JanusEvent lost = events.get(0);
        assertThat(lost.type()).isEqualTo(JanusEvent.SESSION_LOST);
        assertThat(lost.sessionId()).isEqualTo(session.id());
        assertThat(lost.frame().path("cause").asText()).isEqualTo("claim");
        assertThat(lost.frame().path("error").path("code").asInt()).isEqualTo(458);
        assertThat(session.isClosed()).isTrue();
        assertThat(handle.isClosed()).isTrue();
        assertThat(client.sessions()).isEmpty();
        failure(handle.message(BODY, null), JanusClosedException.class);
        assertThat(client.metrics().sessionsLost()).isEqualTo(1);
    }

    @Test
    void aListenerHandlingSessionLostCanSendRequestsAndConnectedComesAfterIt() throws Exception {
        connect(fast());
        get(client.createSession());
        janus.on("claim", (r, p) -> p.send(FakeJanus.error(r, 458, "No such session")));
        List<String> heard = new CopyOnWriteArrayList<>();
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onConnected(URI address) {
                        heard.add("connected");
                    }
                });
        // The route's way: on sessionLost, create the session again, and be done when that is.
        client.addEventListener(
                new JanusEventListener() {
                    @Override
                    public void onEvent(JanusEvent event) {}

                    @Override
                    public CompletionStage<?> onEventAsync(JanusEvent event) {
                        return client.createSession()
                                .handle(
                                        (session, error) ->
                                                heard.add(
                                                        error == null
                                                                ? "re-created"
                                                                : "failed: " + error));
                    }
                });

        await().atMost(WAIT).until(() -> heard.size() == 1); // added while connected: hears it
        heard.clear();

        janus.peer().close();

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(heard).containsExactly("re-created", "connected"));
    }

    @Test
    void aRefusedPortIsReportedAsRefusedNotAsAWrongSubprotocol() throws Exception {
        URI refusing = refusedAddress();
        client =
                JanusClient.create(builder().addresses(List.of(refusing)).reconnect(false).build());

        JanusConnectionLostException failure =
                failure(client.connect(), JanusConnectionLostException.class);

        assertThat(failure)
                .hasMessageContaining("connection refused by " + refusing)
                .hasMessageNotContaining("wrong subprotocol");
    }

    @Test
    void withReclaimOffSessionsAreReportedLostAfterAReconnect() throws Exception {
        connect(fast().andThen(b -> b.reclaim(false)));
        JanusSession session = get(client.createSession());
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        client.addEventListener(events::add);

        janus.peer().close();

        await().atMost(WAIT).until(() -> events.size() == 1);
        assertThat(events.get(0).type()).isEqualTo(JanusEvent.SESSION_LOST);
        assertThat(events.get(0).frame().path("cause").asText()).isEqualTo("reclaim-off");
        assertThat(janus.received("claim")).isEmpty();
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void silenceTimesRequestsOutAndThePingDeclaresTheConnectionDead() throws Exception {
        connect(
                fast().andThen(
                                b ->
                                        b.pingInterval(Duration.ofMillis(500))
                                                .requestTimeout(Duration.ofMillis(300))));
        List<String> verbs = List.of("info", "ping", "create", "claim", "keepalive", "message");
        verbs.forEach(verb -> janus.on(verb, FakeJanus.SILENT));
        List<Throwable> reasons = disconnectReasons();

        failure(client.createSession(), JanusTimeoutException.class);

        await().atMost(WAIT).until(() -> !reasons.isEmpty());
        assertThat(reasons.get(0)).hasMessageContaining("no pong");
        // It reconnects: a new socket, probed with info (which the silent fake never answers).
        await().atMost(WAIT).until(() -> janus.received("info").size() >= 2);
        assertThat(client.isConnected()).isFalse();
        assertThat(client.metrics().pendingRequests()).isZero();
    }

    @Test
    void anUnansweredKeepaliveDeclaresTheConnectionDeadAndTheSessionIsClaimed() throws Exception {
        connect(
                fast().andThen(
                                b ->
                                        b.keepAliveInterval(Duration.ofMillis(100))
                                                .requestTimeout(Duration.ofMillis(300))));
        JanusSession session = get(client.createSession());
        janus.on("keepalive", FakeJanus.SILENT);
        List<Throwable> reasons = disconnectReasons();

        await().atMost(WAIT).until(() -> !reasons.isEmpty());
        assertThat(reasons.get(0)).hasMessageContaining("keepalive of session " + session.id());
        janus.on("keepalive", (r, p) -> p.send(FakeJanus.ack(r)));
        await().atMost(WAIT).until(() -> janus.received("claim").size() >= 1);
        await().atMost(WAIT).until(client::isConnected);
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void closeWhileReconnectingStopsTheLoopAndEveryThread() throws Exception {
        URI refusing = refusedAddress();
        client =
                JanusClient.create(
                        builder()
                                .addresses(List.of(refusing))
                                .reconnectInitialDelay(Duration.ofMillis(10))
                                .reconnectMaxDelay(Duration.ofMillis(20))
                                .build());
        assertThat(client.connect()).failsWithin(WAIT);
        await().atMost(WAIT).until(() -> attempts.count(refusing) >= 3);

        client.close();

        int after = attempts.count(refusing);
        await().during(Duration.ofMillis(300))
                .atMost(WAIT)
                .until(() -> attempts.count(refusing) == after);
        assertThat(client.state()).isEqualTo(JanusConnectionState.CLOSED);
        await().atMost(WAIT).until(() -> janusThreads().isEmpty());
    }

    @Test
    void closeAbortsAHandshakeThatNeverAnswers() throws Exception {
        try (ServerSocket mute = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            mute.setSoTimeout((int) WAIT.toMillis());
            client =
                    JanusClient.create(
                            builder()
                                    .addresses(
                                            List.of(
                                                    URI.create(
                                                            "ws://127.0.0.1:"
                                                                    + mute.getLocalPort())))
                                    .connectTimeout(Duration.ofSeconds(60))
                                    .build());
            CompletableFuture<Void> connecting = client.connect();
            try (Socket accepted = mute.accept()) {
                client.close();
                assertThat(connecting).failsWithin(WAIT);
                // The handshake thread does not wait out the 60 s connect timeout.
                await().atMost(Duration.ofSeconds(3)).until(() -> janusThreads().isEmpty());
            }
        }
    }

    @Test
    void hostileFramesAreCountedAndLoggedOnceAndTheConnectionSurvives() throws Exception {
        int max = 10_000;
        connect(b -> b.maxMessageSize(max));
        JanusSession session = get(client.createSession());
        janus.on(
                "ping",
                (r, p) -> {
                    p.send(
                            json("{\"janus\":\"pong\"}")
                                    .put("transaction", r.path("transaction").asText()));
                    p.send(
                            json("{\"janus\":\"pong\"}")
                                    .put("transaction", r.path("transaction").asText()));
                });
        List<JanusEvent> events = new CopyOnWriteArrayList<>();
        client.addEventListener(events::add);
        try (LogCapture log = new LogCapture(Level.DEBUG)) {
            FakeJanus.Peer peer = janus.peer();
            peer.sendRaw("{\"janus\": \"event\", \"session_id\": ");
            peer.send(padded(session, "under", max - 1));
            peer.sendFragmented(padded(session, "over", max + 1).toString(), 2800);
            peer.sendBinary(
                    json("{\"janus\":\"webrtcup\"}").put("session_id", session.id()).toString());
            peer.send(json("{\"janus\":\"surprise\"}").put("session_id", session.id()));
            peer.send(json("{\"janus\":\"success\",\"transaction\":\"nobody\"}"));
            get(client.ping()); // and its duplicate pong

            await().atMost(WAIT).until(() -> client.metrics().lateReplies() == 2);
            await().atMost(WAIT).until(() -> events.size() == 3);
            JanusClientMetrics metrics = client.metrics();
            assertThat(metrics.malformedFrames()).isEqualTo(1);
            assertThat(metrics.oversizedMessages()).isEqualTo(1);
            assertThat(metrics.binaryMessages()).isEqualTo(1);
            assertThat(metrics.unknownEventTypes()).isEqualTo(1);
            assertThat(events)
                    .extracting(JanusEvent::type)
                    .containsExactly("event", "webrtcup", "surprise");
            assertThat(once(log, "malformed message")).isTrue();
            assertThat(once(log, "larger than maxMessageSize")).isTrue();
            assertThat(once(log, "binary message")).isTrue();
            assertThat(once(log, "unknown type 'surprise'")).isTrue();
            assertThat(log.lines())
                    .filteredOn(line -> line.contains("unknown or finished transaction"))
                    .hasSize(2);
        }
        assertThat(client.isConnected()).isTrue();
        assertThat(client.metrics().connectionsLost()).isZero();
        assertThat(get(client.createSession()).id()).isPositive();
    }

    // ---- helpers ----

    private static boolean once(LogCapture log, String text) {
        return log.lines().stream().filter(line -> line.contains(text)).count() == 1;
    }

    /** An event frame of exactly {@code bytes} bytes. */
    private static ObjectNode padded(JanusSession session, String tag, int bytes) {
        ObjectNode frame =
                json("{\"janus\":\"event\"}")
                        .put("session_id", session.id())
                        .put("tag", tag)
                        .put("pad", "");
        int missing = bytes - frame.toString().length();
        return frame.put("pad", "x".repeat(missing));
    }

    private static ObjectNode infoReply(ObjectNode request) {
        return json("{\"janus\":\"server_info\",\"version_string\":\"fake\",\"session-timeout\":60}")
                .put("transaction", request.path("transaction").asText());
    }

    private static URI refusedAddress() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("ws://127.0.0.1:" + probe.getLocalPort() + "/");
        }
    }

    private static Consumer<JanusClientConfig.Builder> fast() {
        return b ->
                b.reconnectInitialDelay(Duration.ofMillis(20))
                        .reconnectMaxDelay(Duration.ofMillis(100));
    }

    private JanusClientConfig.Builder builder() {
        return JanusClientConfig.builder()
                .address(janus.uri())
                .pingInterval(Duration.ZERO)
                .keepAliveInterval(Duration.ZERO)
                .requestTimeout(WAIT)
                .connectTimeout(WAIT)
                .transportFactory(attempts);
    }

    private void connect(Consumer<JanusClientConfig.Builder> custom) {
        JanusClientConfig.Builder builder = builder();
        custom.accept(builder);
        client = JanusClient.create(builder.build());
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onConnected(URI address) {
                        connectionEvents.add("up");
                    }

                    @Override
                    public void onDisconnected(Throwable reason) {
                        connectionEvents.add("down");
                    }
                });
        get(client.connect());
        await().atMost(WAIT).until(() -> connectionEvents.size() == 1);
        connectionEvents.clear();
    }

    /** Records why the client's connection went down, in order, from now on. */
    private List<Throwable> disconnectReasons() {
        List<Throwable> reasons = new CopyOnWriteArrayList<>();
        client.addConnectionListener(
                new JanusConnectionListener() {
                    @Override
                    public void onDisconnected(Throwable reason) {
                        reasons.add(reason);
                    }
                });
        return reasons;
    }

    private static <T> T get(CompletableFuture<T> future) {
        return ClientTestSupport.get(future, WAIT);
    }

    private static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        return ClientTestSupport.failure(future, type, WAIT);
    }

    /** Tyrus, counting connection attempts per address. */
    static final class ConnectCounter implements JanusTransportFactory {
        private final JanusTransportFactory delegate = new TyrusTransportFactory();
        private final Map<URI, AtomicInteger> counts = new ConcurrentHashMap<>();

        int count(URI address) {
            AtomicInteger count = counts.get(address);
            return count == null ? 0 : count.get();
        }

        @Override
        public CompletableFuture<JanusTransport> connect(
                URI uri,
                String subprotocol,
                String origin,
                SSLContext sslContext,
                Duration connectTimeout,
                JanusTransportListener listener) {
            counts.computeIfAbsent(uri, u -> new AtomicInteger()).incrementAndGet();
            return delegate.connect(uri, subprotocol, origin, sslContext, connectTimeout, listener);
        }
    }
}
