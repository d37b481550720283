/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.LiveThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * Runs the monitor's own Camel Main with a real Janus pushing to it (DemoJanus's configuration,
 * grouping on) and reads its summary lines while another client, a janus: producer of its own
 * CamelContext, uses a VideoRoom: the monitor learns about that client only from Janus's event
 * handler.
 */
class MonitorIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMITTER = "janus-monitor-demo";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void anotherClientsParticipantIsInTheSummaryWhileInTheRoomAndARestartedJanusIsForgotten()
            throws Exception {
        int port = freeLoopbackPort();
        Main monitor = MonitorApp.newMain();
        monitor.addOverrideProperty("monitor.listen-host", "127.0.0.1");
        monitor.addOverrideProperty("monitor.listen-port", String.valueOf(port));
        monitor.addOverrideProperty("monitor.summary-period", "500");
        try {
            monitor.start();
            MonitorState state =
                    monitor.getCamelContext()
                            .getRegistry()
                            .lookupByNameAndType("monitor", MonitorState.class);
            // Janus after the monitor: its event handler connects at once instead of retrying
            try (JanusServer janus =
                            DemoJanus.builder("ws://127.0.0.1:" + port + "/janus-events")
                                    .build()
                                    .start();
                    DefaultCamelContext client = new DefaultCamelContext()) {
                client.start();
                ProducerTemplate template = client.createProducerTemplate();
                String videoRoom = "janus:" + janus.wsUrl() + "?plugin=janus.plugin.videoroom";

                long room = create(template, videoRoom);
                await().atMost(WAIT).until(() -> displays(state, room) != null);
                template.requestBody(
                        videoRoom,
                        Map.of(
                                "request", "join",
                                "ptype", "publisher",
                                "room", room,
                                "display", "alice"));
                await().atMost(WAIT)
                        .untilAsserted(
                                () -> assertThat(displays(state, room)).containsExactly("alice"));

                template.requestBody(videoRoom, Map.of("request", "leave"));
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(displays(state, room)).isEmpty());

                template.requestBody(videoRoom, Map.of("request", "destroy", "room", room));
                await().atMost(WAIT).until(() -> displays(state, room) == null);

                long other = create(template, videoRoom);
                await().atMost(WAIT).until(() -> displays(state, other) != null);
                janus.restart(); // the room is gone with the old process: so it is for the monitor
                await().atMost(WAIT).until(() -> displays(state, other) == null);
            }
        } finally {
            monitor.stop();
        }

        // No listener thread outlives the CamelContext.
        LiveThreads.awaitNone(
                "janus-events threads", name -> name.startsWith("janus-events"), WAIT);
    }

    private static long create(ProducerTemplate template, String videoRoom) {
        Map<?, ?> created = template.requestBody(videoRoom, Map.of("request", "create"), Map.class);
        return ((Number) created.get("room")).longValue();
    }

    /**
     * The display names of the room's participants in the monitor's summary line, null while the
     * line has no such room.
     */
    private static List<String> displays(MonitorState state, long room) throws IOException {
        for (JsonNode entry : JSON.readTree(state.summaryLine()).path("rooms")) {
            if (entry.path("emitter").asText().equals(EMITTER)
                    && entry.path("room").asLong() == room) {
                List<String> displays = new ArrayList<>();
                entry.path("participants")
                        .forEach(participant -> displays.add(participant.path("display").asText()));
                return displays;
            }
        }
        return null;
    }

    /** A port for the monitor, which Janus must know before it starts. */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
