/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport.jdk;

import static io.github.cameljanus.client.fake.FakeJanus.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusClientConfig;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.JanusSession;
import io.github.cameljanus.client.NoThreadLeaks;
import io.github.cameljanus.client.fake.FakeJanus;
import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.jdk.JdkWebSocketTransportFactory.Delivery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDK WebSocket transport against the scripted fake Janus, in both delivery modes. */
@ExtendWith(NoThreadLeaks.class)
class JdkWebSocketTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeJanus janus;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startFake() {
        janus = FakeJanus.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        janus.close();
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void clientRoundTripsOverTheJdkTransport(Delivery delivery) throws Exception {
        JanusClient client = client(delivery);
        JanusSession session = get(client.createSession());
        JanusHandle handle = get(session.attach(FakeJanus.PLUGIN, null));
        // Answered only once the continuation is registered, so it runs where the reply completes.
        janus.on("message", FakeJanus.SILENT);
        CompletableFuture<JanusReply> pending = handle.message(json("{\"request\":\"x\"}"), null);
        CompletableFuture<String> completedOn =
                pending.handle((r, e) -> Thread.currentThread().getName());
        await().atMost(WAIT).until(() -> janus.received("message").size() == 1);
        janus.peer()
                .send(
                        FakeJanus.event(
                                janus.received("message").get(0),
                                FakeJanus.PLUGIN,
                                json("{\"result\":\"ok\"}")));

        // completedOn first: a thread waiting on pending itself may run its dependents.
        assertThat(get(completedOn)).startsWith("janus-completion-");
        assertThat(get(pending).data().path("result").asText()).isEqualTo("ok");
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void manyConcurrentRequestsNeverOverlapSends(Delivery delivery) throws Exception {
        // The JDK refuses a second send while one is outstanding: any overlap would fail a request.
        JanusClient client = client(delivery);
        JanusSession session = get(client.createSession());
        JanusHandle handle = get(session.attach(FakeJanus.PLUGIN, null));
        List<CompletableFuture<JanusReply>> replies = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            replies.add(handle.message(json("{\"n\":" + i + "}"), null));
        }

        get(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));

        assertThat(replies).allSatisfy(r -> assertThat(r).isCompleted());
        assertThat(janus.received("message")).hasSize(500);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void fragmentedAndBinaryMessagesReachTheListenerWhole(Delivery delivery) throws Exception {
        Recorder recorder = new Recorder();
        JanusTransport transport = open(delivery, recorder);
        await().atMost(WAIT).until(() -> janus.openConnections() == 1);
        String big = "{\"janus\":\"event\",\"data\":\"" + "x".repeat(10_000) + "\"}";

        janus.peer().sendFragmented(big, 2800);
        janus.peer().sendBinary("{\"janus\":\"binary\"}");

        await().atMost(WAIT).until(() -> recorder.messages.size() == 2);
        assertThat(recorder.messages).containsExactly(big, "{\"janus\":\"binary\"}");
        transport.close();
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void serverCloseIsReportedOnceAndSendsThenFail(Delivery delivery) throws Exception {
        Recorder recorder = new Recorder();
        JanusTransport transport = open(delivery, recorder);
        await().atMost(WAIT).until(() -> janus.openConnections() == 1);

        janus.peer().close();

        await().atMost(WAIT).until(() -> !recorder.closes.isEmpty());
        assertThat(recorder.closes.get(0)).startsWith("1001");
        transport.close();
        assertThat(recorder.closes).hasSize(1);
        assertThatThrownBy(() -> transport.sendText("{}").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void closeTellsTheListenerOnceAndEndsTheConnection(Delivery delivery) throws Exception {
        Recorder recorder = new Recorder();
        JanusTransport transport = open(delivery, recorder);
        await().atMost(WAIT).until(() -> janus.openConnections() == 1);

        transport.close();
        transport.close();

        assertThat(recorder.closes).containsExactly("1000 closed");
        await().atMost(WAIT).until(() -> janus.openConnections() == 0);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void aServerThatRefusesTheSubprotocolFailsTheConnect(Delivery delivery) {
        CompletableFuture<JanusTransport> opening =
                new JdkWebSocketTransportFactory("janus", delivery)
                        .connect(
                                janus.uri(),
                                "not-janus-protocol",
                                null,
                                null,
                                WAIT,
                                new Recorder());

        assertThatThrownBy(() -> opening.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(JanusConnectionLostException.class)
                .hasMessageContaining("cannot open a Janus WebSocket");
        await().atMost(WAIT).until(() -> janus.openConnections() == 0);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void nothingListeningFailsTheConnect(Delivery delivery) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CompletableFuture<JanusTransport> opening =
                new JdkWebSocketTransportFactory("janus", delivery)
                        .connect(
                                URI.create("ws://127.0.0.1:" + port + "/"),
                                JanusClientConfig.SUBPROTOCOL,
                                null,
                                null,
                                WAIT,
                                new Recorder());

        assertThatThrownBy(() -> opening.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(JanusConnectionLostException.class);
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void connectsWithAnOriginHeader(Delivery delivery) throws Exception {
        JanusClient client =
                track(
                        JanusClient.connect(
                                JanusClientConfig.builder()
                                        .address(janus.uri())
                                        .origin("http://example.test")
                                        .transportFactory(
                                                new JdkWebSocketTransportFactory("janus", delivery))
                                        .build()));

        ObjectNode info = get(client.info());

        assertThat(info.path("janus").asText()).isEqualTo("server_info");
    }

    private JanusClient client(Delivery delivery) {
        return track(
                JanusClient.connect(
                        JanusClientConfig.builder()
                                .address(janus.uri())
                                .transportFactory(
                                        new JdkWebSocketTransportFactory("janus", delivery))
                                .build()));
    }

    private JanusTransport open(Delivery delivery, JanusTransportListener listener)
            throws Exception {
        JanusTransport transport =
                new JdkWebSocketTransportFactory("janus", delivery)
                        .connect(
                                janus.uri(),
                                JanusClientConfig.SUBPROTOCOL,
                                null,
                                null,
                                WAIT,
                                listener)
                        .get(5, TimeUnit.SECONDS);
        toClose.add(transport::close);
        return transport;
    }

    private <T extends AutoCloseable> T track(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Assembles messages like the client's reader does, and records closes. */
    private static final class Recorder implements JanusTransportListener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<String> closes = new CopyOnWriteArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public void onText(CharSequence fragment, boolean last) {
            text.append(fragment);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
        }

        @Override
        public void onBinary(ByteBuffer fragment, boolean last) {
            byte[] bytes = new byte[fragment.remaining()];
            fragment.get(bytes);
            binary.write(bytes, 0, bytes.length);
            if (last) {
                messages.add(binary.toString(StandardCharsets.UTF_8));
                binary.reset();
            }
        }

        @Override
        public void onClose(int code, String reason) {
            closes.add(code + " " + reason);
        }

        @Override
        public void onError(Throwable error) {
            closes.add("error " + error);
        }
    }
}
