/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.examples.monitor.MonitorState.PeerConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor's routes fed as Janus's WebSockets event handler would feed them (grouping on: arrays
 * of envelopes), with the WebRTC and media events no test can get from a real Janus without a
 * browser: they reach the state with their headers, and the events the state has no use for do not.
 */
class MonitorRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Main monitor;
    private MonitorState state;
    private WebSocket pusher;

    @BeforeEach
    void startMonitorAndConnectAsJanus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        monitor = MonitorApp.newMain();
        monitor.addOverrideProperty("monitor.listen-host", "127.0.0.1");
        monitor.addOverrideProperty("monitor.listen-port", String.valueOf(port));
        monitor.start();
        state =
                monitor.getCamelContext()
                        .getRegistry()
                        .lookupByNameAndType("monitor", MonitorState.class);
        pusher =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .subprotocols("janus-event-handlers")
                        .buildAsync(
                                URI.create("ws://127.0.0.1:" + port + "/janus-events"),
                                new WebSocket.Listener() {})
                        .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopMonitor() throws Exception {
        pusher.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        monitor.stop();
    }

    @Test
    void aPeerConnectionAndItsStatsArriveWithTheirHeadersAndGoWithTheHangup() throws Exception {
        push(
                "[{\"emitter\":\"pusher\",\"type\":16,\"subtype\":1,\"timestamp\":1764556800000000,"
                        + "\"session_id\":11,\"handle_id\":21,\"opaque_id\":\"pc-1\","
                        + "\"event\":{\"ice\":\"connected\",\"stream_id\":1,\"component_id\":1}},"
                        + "{\"emitter\":\"pusher\",\"type\":16,\"subtype\":6,"
                        + "\"timestamp\":1764556800000000,\"session_id\":11,\"handle_id\":21,"
                        + "\"opaque_id\":\"pc-1\",\"event\":{\"connection\":\"webrtcup\"}},"
                        + "{\"emitter\":\"pusher\",\"type\":32,\"subtype\":1,"
                        + "\"timestamp\":1764556801000000,\"session_id\":11,\"handle_id\":21,"
                        + "\"event\":{\"media\":\"audio\",\"mid\":\"0\",\"receiving\":true}},"
                        + "{\"emitter\":\"pusher\",\"type\":32,\"subtype\":3,"
                        + "\"timestamp\":1764556805000000,\"session_id\":11,\"handle_id\":21,"
                        + "\"opaque_id\":\"pc-1\",\"event\":{\"mid\":\"0\",\"mindex\":0,"
                        + "\"media\":\"audio\",\"codec\":\"opus\",\"base\":48000,\"rtt\":12,"
                        + "\"lost\":3,\"lost-by-remote\":0,\"jitter-local\":9,"
                        + "\"jitter-remote\":1,\"in-link-quality\":97,"
                        + "\"in-media-link-quality\":97,\"out-link-quality\":100,"
                        + "\"out-media-link-quality\":100,\"packets-received\":250,"
                        + "\"packets-sent\":249,\"bytes-received\":26000,\"bytes-sent\":25900,"
                        + "\"bytes-received-lastsec\":5145,\"bytes-sent-lastsec\":4949,"
                        + "\"nacks-received\":0,\"nacks-sent\":0,"
                        + "\"retransmissions-received\":0}}]");

        await().atMost(WAIT).until(() -> !state.summary().peerConnections().isEmpty());
        PeerConnection up = state.summary().peerConnections().get(0);
        assertThat(up)
                .returns("pusher", PeerConnection::emitter)
                .returns(11L, PeerConnection::session)
                .returns(21L, PeerConnection::handle)
                .returns("pc-1", PeerConnection::opaqueId)
                .returns("2025-12-01T02:40:00Z", PeerConnection::up);
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(state.summary().peerConnections().get(0).media())
                                        .singleElement()
                                        .satisfies(
                                                audio ->
                                                        assertThat(audio)
                                                                .containsEntry("media", "audio")
                                                                .containsEntry("lost", 3)
                                                                .containsEntry("jitter-local", 9)
                                                                .doesNotContainKey("codec")));

        push(
                "[{\"emitter\":\"pusher\",\"type\":16,\"subtype\":6,"
                        + "\"timestamp\":1764556810000000,\"session_id\":11,\"handle_id\":21,"
                        + "\"opaque_id\":\"pc-1\","
                        + "\"event\":{\"connection\":\"hangup\",\"reason\":\"Janus API\"}}]");
        await().atMost(WAIT).until(() -> state.summary().peerConnections().isEmpty());
    }

    private void push(String frame) throws Exception {
        pusher.sendText(frame, true).get(5, TimeUnit.SECONDS);
    }
}
