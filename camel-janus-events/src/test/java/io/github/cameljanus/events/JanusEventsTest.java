/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/** Reading pushed messages: one event or an array, headers and bodies, what is not an event. */
class JanusEventsTest {

    @Test
    void anArraySkipsWhatIsNotAnEventAndKeepsTheOrder() {
        AtomicInteger skipped = new AtomicInteger();
        List<ObjectNode> events =
                JanusEvents.parse(
                        "[{\"type\":1,\"event\":{\"name\":\"created\"}},42,{\"type\":\"x\"},"
                                + "{\"type\":2,\"event\":{\"name\":\"attached\"}}]",
                        skipped::incrementAndGet);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("event").path("name").asText()).isEqualTo("attached");
        assertThat(skipped).hasValue(2);
    }

    @Test
    void textThatIsNotJsonOrNotAnEventIsRefused() {
        assertThatThrownBy(() -> JanusEvents.parse("{nope", () -> {}))
                .hasMessageStartingWith("Not JSON");
        assertThatThrownBy(() -> JanusEvents.parse("{\"janus\":\"ack\"}", () -> {}))
                .hasMessageStartingWith("Not a Janus event");
    }

    @Test
    void anEventBecomesHeadersAndItsEventObjectTheBody() throws Exception {
        ObjectNode event =
                JanusEvents.parse(
                                "{\"emitter\":\"j1\",\"type\":16,\"subtype\":6,"
                                        + "\"timestamp\":1700000000000001,\"session_id\":11,"
                                        + "\"handle_id\":22,\"opaque_id\":\"op\","
                                        + "\"event\":{\"connection\":\"webrtcup\"}}",
                                () -> {})
                        .get(0);
        try (CamelContext context = new DefaultCamelContext()) {
            Message message = new DefaultMessage(context);
            JanusEvents.write(event, message);
            assertThat(message.getHeaders())
                    .containsEntry(JanusEventsConstants.EVENT_TYPE, "webrtc")
                    .containsEntry(JanusEventsConstants.EVENT_SUBTYPE, "connection")
                    .containsEntry(JanusEventsConstants.SESSION_ID, 11L)
                    .containsEntry(JanusEventsConstants.HANDLE_ID, 22L)
                    .containsEntry(JanusEventsConstants.OPAQUE_ID, "op")
                    .containsEntry(JanusEventsConstants.EMITTER, "j1")
                    .containsEntry(JanusEventsConstants.TIMESTAMP, 1_700_000_000_000_001L)
                    .doesNotContainKey(JanusEventsConstants.PLUGIN);
            assertThat(message.getBody(Map.class)).containsEntry("connection", "webrtcup");
        }
    }

    @Test
    void combinedMediaStatsAreAListAndPluginEventsNameTheirPlugin() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Message stats = new DefaultMessage(context);
            JanusEvents.write(
                    JanusEvents.parse(
                                    "{\"type\":32,\"subtype\":3,\"event\":[{\"media\":\"audio\"},"
                                            + "{\"media\":\"video\"}]}",
                                    () -> {})
                            .get(0),
                    stats);
            assertThat(stats.getHeader(JanusEventsConstants.EVENT_SUBTYPE)).isEqualTo("stats");
            assertThat(stats.getBody(List.class)).hasSize(2);

            Message plugin = new DefaultMessage(context);
            JanusEvents.write(
                    JanusEvents.parse(
                                    "{\"type\":64,\"event\":{\"plugin\":\"janus.plugin.videoroom\","
                                            + "\"data\":{\"event\":\"joined\"}}}",
                                    () -> {})
                            .get(0),
                    plugin);
            assertThat(plugin.getHeader(JanusEventsConstants.PLUGIN))
                    .isEqualTo("janus.plugin.videoroom");
            assertThat(plugin.getHeader(JanusEventsConstants.EVENT_SUBTYPE)).isNull();
        }
    }

    @Test
    void typesAndSubtypesFollowJanus() {
        assertThat(JanusEventType.of(256)).isEqualTo(JanusEventType.core);
        assertThat(JanusEventType.of(3)).isNull();
        assertThat(JanusEventType.webrtc.subtype(4)).isEqualTo("selected-pair");
        assertThat(JanusEventType.media.subtype(2)).isEqualTo("slowlink");
        assertThat(JanusEventType.session.subtype(1)).isNull();
        assertThat(
                        String.join(
                                ",",
                                java.util.Arrays.stream(JanusEventType.values())
                                        .map(Enum::name)
                                        .toList()))
                .isEqualTo(JanusEventType.ALL);
        assertThat(
                        String.join(
                                ",",
                                java.util.Arrays.stream(JanusEventType.values())
                                        .flatMap(t -> t.subtypes().stream())
                                        .sorted()
                                        .toList()))
                .isEqualTo(
                        String.join(
                                ",",
                                java.util.Arrays.stream(JanusEventType.SUBTYPES.split(",", -1))
                                        .sorted()
                                        .toList()));
    }
}
