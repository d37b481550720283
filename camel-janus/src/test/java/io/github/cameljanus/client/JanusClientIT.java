/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static io.github.cameljanus.client.fake.FakeJanus.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.testing.JanusServerExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a real Janus: core requests, plugins sync and async, lifecycle. */
@ExtendWith(NoThreadLeaks.class)
class JanusClientIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    static final Duration WAIT = Duration.ofSeconds(10);

    private JanusClient client;

    @BeforeEach
    void connect() {
        client = JanusClient.connect(config().build());
    }

    @AfterEach
    void close() {
        assertThat(client.metrics().pendingRequests()).isZero();
        client.close();
        await().atMost(WAIT).until(() -> JANUS.server().listSessions().isEmpty());
    }

    static JanusClientConfig.Builder configFor(String wsUrl) {
        return JanusClientConfig.builder().address(URI.create(wsUrl)).requestTimeout(WAIT);
    }

    private static JanusClientConfig.Builder config() {
        return configFor(JANUS.server().wsUrl());
    }

    @Test
    void infoDescribesTheServer() throws Exception {
        ObjectNode info = get(client.info());

        assertThat(info.path("janus").asText()).isEqualTo("server_info");
        assertThat(info.path("version_string").asText()).isEqualTo("1.1.2");
        assertThat(info.path("plugins").has("janus.plugin.echotest")).isTrue();
        assertThat(client.serverInfo().path("session-timeout").asInt()).isPositive();
        get(client.ping());
    }

    @Test
    void echotestLifecycleCompletesTheAsyncMessageOnItsEvent() throws Exception {
        JanusSession session = get(client.createSession());
        assertThat(JANUS.server().listSessions()).contains(session.id());
        JanusHandle handle = get(session.attach("janus.plugin.echotest", "it-opaque"));

        JanusReply reply = get(handle.message(json("{\"audio\":false}"), null));

        assertThat(reply.kind()).isEqualTo(JanusReply.Kind.EVENT);
        assertThat(reply.plugin()).isEqualTo("janus.plugin.echotest");
        assertThat(reply.data().path("result").asText()).isEqualTo("ok");
        JanusPluginException error =
                failure(
                        handle.message(json("{\"audio\":\"yes\"}"), null),
                        JanusPluginException.class);
        assertThat(error.code()).isEqualTo(413);
        get(handle.hangup());
        get(handle.detach());
        assertThat(handle.isClosed()).isTrue();
        assertThat(failure(session.handle(handle.id()).hangup(), JanusException.class).code())
                .isEqualTo(459);
        get(session.destroy());
        assertThat(session.isClosed()).isTrue();
        assertThat(JANUS.server().listSessions()).doesNotContain(session.id());
    }

    @Test
    void videoroomSyncRequestsAndPublisherNotifications() throws Exception {
        JanusSession session = get(client.createSession());
        JanusHandle alice = get(session.attach("janus.plugin.videoroom", null));
        JanusHandle bob = get(session.attach("janus.plugin.videoroom", null));
        List<JanusEvent> aliceEvents = new CopyOnWriteArrayList<>();
        alice.addEventListener(aliceEvents::add);

        JanusReply list = get(alice.message(json("{\"request\":\"list\"}"), null));
        assertThat(list.kind()).isEqualTo(JanusReply.Kind.SUCCESS);
        assertThat(list.data().path("list").isArray()).isTrue();
        long room =
                get(alice.message(
                                json(
                                        "{\"request\":\"create\",\"publishers\":3,\"notify_joining\":true}"),
                                null))
                        .data()
                        .path("room")
                        .asLong();
        assertThat(
                        get(alice.message(json("{\"request\":\"exists\"}").put("room", room), null))
                                .data()
                                .path("exists")
                                .asBoolean())
                .isTrue();

        JanusReply joined = get(alice.message(join(room, "alice"), null));
        assertThat(joined.kind()).isEqualTo(JanusReply.Kind.EVENT);
        assertThat(joined.data().path("videoroom").asText()).isEqualTo("joined");
        long bobId = get(bob.message(join(room, "bob"), null)).data().path("id").asLong();

        await().atMost(WAIT)
                .until(() -> aliceEvents.stream().anyMatch(e -> e.data().has("joining")));
        JanusEvent joining =
                aliceEvents.stream().filter(e -> e.data().has("joining")).findFirst().orElseThrow();
        assertThat(joining.data().path("joining").path("display").asText()).isEqualTo("bob");
        assertThat(joining.plugin()).isEqualTo("janus.plugin.videoroom");
        assertThat(joining.transaction()).isNull();

        get(bob.message(json("{\"request\":\"leave\"}"), null));
        await().atMost(WAIT)
                .until(
                        () ->
                                aliceEvents.stream()
                                        .anyMatch(e -> e.data().path("leaving").asLong() == bobId));
        get(alice.message(json("{\"request\":\"destroy\"}").put("room", room), null));
    }

    @Test
    void streamingWatchReturnsAJanusOffer() throws Exception {
        JanusSession session = get(client.createSession());
        JanusHandle admin = get(session.attach("janus.plugin.streaming", null));
        JanusHandle viewer = get(session.attach("janus.plugin.streaming", null));
        ObjectNode create =
                json(
                        "{\"request\":\"create\",\"type\":\"rtp\",\"description\":\"it\","
                                + "\"media\":[{\"type\":\"audio\",\"mid\":\"a\",\"port\":0,"
                                + "\"pt\":111,\"codec\":\"opus\",\"iface\":\"127.0.0.1\"}]}");
        long mountpoint =
                get(admin.message(create, null)).data().path("stream").path("id").asLong();

        JanusReply watch =
                get(viewer.message(json("{\"request\":\"watch\"}").put("id", mountpoint), null));

        assertThat(watch.kind()).isEqualTo(JanusReply.Kind.EVENT);
        assertThat(watch.jsep()).isNotNull();
        assertThat(watch.jsep().path("type").asText()).isEqualTo("offer");
        assertThat(watch.jsep().path("sdp").asText()).startsWith("v=0");
        get(viewer.detach());
        get(admin.message(json("{\"request\":\"destroy\"}").put("id", mountpoint), null));
    }

    @Test
    void destroyingASessionFailsItsPendingRequest() throws Exception {
        JanusSession session = get(client.createSession());
        JanusHandle handle = get(session.attach("janus.plugin.streaming", null));
        // "stop" before "start" is only acked: the event the request waits for never comes.
        CompletableFuture<JanusReply> pending =
                handle.message(json("{\"request\":\"stop\"}"), null);
        await().atMost(WAIT).until(() -> client.metrics().pendingRequests() == 1);

        get(session.destroy());

        failure(pending, JanusClosedException.class);
        assertThat(handle.isClosed()).isTrue();
    }

    @Test
    void attachDetachChurnCompletesEveryDetachWithoutWarnings() throws Exception {
        JanusSession session = get(client.createSession());
        List<JanusEvent> detachedEvents = new CopyOnWriteArrayList<>();
        session.addEventListener(
                event -> {
                    if ("detached".equals(event.type())) {
                        detachedEvents.add(event);
                    }
                });
        try (LogCapture logs = new LogCapture(Level.DEBUG)) {
            List<CompletableFuture<Void>> detaches = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                JanusHandle handle = get(session.attach("janus.plugin.echotest", null));
                detaches.add(handle.detach());
            }
            for (CompletableFuture<Void> detach : detaches) {
                get(detach);
            }
            await().atMost(WAIT).until(() -> client.metrics().pendingRequests() == 0);
            await().atMost(WAIT).until(() -> detachedEvents.size() == 200);
            assertThat(logs.warningsAndErrors()).isEmpty();
        }
        assertThat(session.handles()).isEmpty();
        assertThat(client.metrics().lateReplies()).isZero();
    }

    private static ObjectNode join(long room, String display) {
        return json("{\"request\":\"join\",\"ptype\":\"publisher\"}")
                .put("room", room)
                .put("display", display);
    }

    static <T> T get(CompletableFuture<T> future) {
        return ClientTestSupport.get(future, WAIT);
    }

    static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        return ClientTestSupport.failure(future, type, WAIT);
    }
}
