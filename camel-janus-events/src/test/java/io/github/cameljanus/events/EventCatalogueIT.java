/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payloads of docs/janus-events-component.md are real: this test makes a real Janus 1.1.2 emit
 * one event of each type and subtype it can without a browser's PeerConnection (sessions, handles,
 * JSEP, ICE state and candidates, plugin, transport, external, core) and checks that the doc shows
 * one of each, captured from it. Run with -Djanus.docs.update=true to capture them again into the
 * doc.
 */
class EventCatalogueIT {

    private static final int PORT = FreePort.pick();
    private static final Path DOC = Path.of("..", "docs", "janus-events-component.md");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(
                    JanusServer.builder()
                            .serverName("janus-docs")
                            .eventHandlerBackend("ws://127.0.0.1:" + PORT + "/events"));

    @Test
    void theDocShowsARealPayloadOfEveryTypeAndSubtypeJanusEmitsHere() throws Exception {
        Map<String, ObjectNode> firstOfEach = new ConcurrentHashMap<>();
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("janus-events:127.0.0.1:" + PORT + "/events?batch=true")
                                .process(
                                        e -> {
                                            for (Object envelope :
                                                    e.getMessage().getBody(List.class)) {
                                                ObjectNode event = JSON.valueToTree(envelope);
                                                firstOfEach.putIfAbsent(key(event), event);
                                            }
                                        });
                    }
                });
        context.start();
        try (RawJanusClient raw = new RawJanusClient(JANUS.server().wsUrl())) {
            long session = raw.createSession();
            long handle = raw.attach(session, "janus.plugin.streaming", "docs");
            JsonNode created =
                    raw.request(
                            message(
                                    session,
                                    handle,
                                    "{\"request\":\"create\",\"type\":\"rtp\",\"media\":[{"
                                            + "\"type\":\"audio\",\"mid\":\"a\",\"port\":0,"
                                            + "\"pt\":111,\"codec\":\"opus\","
                                            + "\"iface\":\"127.0.0.1\"}]}"));
            long mountpoint =
                    created.path("plugindata").path("data").path("stream").path("id").asLong();
            raw.request(
                    message(session, handle, "{\"request\":\"watch\",\"id\":" + mountpoint + "}"));
            raw.requestAck(
                    (ObjectNode)
                            JSON.readTree(
                                    "{\"janus\":\"trickle\",\"session_id\":"
                                            + session
                                            + ",\"handle_id\":"
                                            + handle
                                            + ",\"candidate\":{\"sdpMid\":\"a\","
                                            + "\"sdpMLineIndex\":0,\"candidate\":\"candidate:1"
                                            + " 1 udp 2130706431 127.0.0.1 9 typ host\"}}"));
            JANUS.server()
                    .adminRequest(
                            "{\"janus\":\"custom_event\",\"schema\":\"my.app\","
                                    + "\"data\":{\"note\":\"deploy 42\"}}");
            long videoroomHandle = raw.attach(session, "janus.plugin.videoroom", "docs-room");
            raw.request(
                    message(
                            session,
                            videoroomHandle,
                            "{\"request\":\"join\",\"ptype\":\"publisher\",\"room\":1234,"
                                    + "\"display\":\"docs\"}"));
            raw.destroy(session);
        }
        List<String> expected =
                List.of(
                        "core/startup",
                        "session",
                        "handle",
                        "jsep",
                        "webrtc/ice",
                        "webrtc/local-candidate",
                        "media/stats",
                        "plugin",
                        "transport",
                        "external");
        try {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    assertThat(firstOfEach)
                                            .containsKeys(expected.toArray(String[]::new)));
            // Janus tells its handlers that it stops before it does
            JANUS.server().stop();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> firstOfEach.containsKey("core/shutdown"));
        } finally {
            context.close();
        }

        String doc = Files.readString(DOC);
        String begin = "<!-- BEGIN GENERATED: payloads -->\n";
        String end = "<!-- END GENERATED: payloads -->";
        int start = doc.indexOf(begin);
        int stop = doc.indexOf(end);
        assertThat(start).as(begin.trim()).isNotNegative();
        assertThat(stop).as(end).isGreaterThan(start);
        if (Boolean.getBoolean("janus.docs.update")) {
            StringBuilder payloads = new StringBuilder();
            for (Map.Entry<String, ObjectNode> entry : new TreeMap<>(firstOfEach).entrySet()) {
                payloads.append("#### `")
                        .append(entry.getKey())
                        .append("`\n\n```json\n")
                        .append(JSON.writeValueAsString(entry.getValue()))
                        .append("\n```\n\n");
            }
            doc = doc.substring(0, start + begin.length()) + payloads + doc.substring(stop);
            Files.writeString(DOC, doc);
        }
        String section = doc.substring(doc.indexOf(begin), doc.indexOf(end));
        for (String key : concat(expected, "core/shutdown")) {
            assertThat(section).as("a captured " + key + " payload").contains("#### `" + key + "`");
        }
        assertThat(section).contains("\"emitter\" : \"janus-docs\"");
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new java.util.ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static String key(ObjectNode event) {
        String subtype = JanusEvents.subtypeName(event);
        return JanusEvents.typeName(event) + (subtype == null ? "" : "/" + subtype);
    }

    private static ObjectNode message(long session, long handle, String body) throws Exception {
        ObjectNode message =
                JSON.createObjectNode()
                        .put("janus", "message")
                        .put("session_id", session)
                        .put("handle_id", handle);
        message.set("body", JSON.readTree(body));
        return message;
    }
}
