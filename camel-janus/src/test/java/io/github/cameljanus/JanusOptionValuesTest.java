/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * A bad option value fails at endpoint creation, naming the option and the text: for every boolean,
 * integer, duration and enum option of the component's metadata, so a new option cannot slip past.
 */
class JanusOptionValuesTest {

    private static final String URI = "janus:ws://127.0.0.1:1";
    private static final Set<String> CHECKED = Set.of("boolean", "integer", "duration", "enum");

    private static List<Map.Entry<String, JsonNode>> checkedOptions() throws Exception {
        try (InputStream in =
                JanusOptionValuesTest.class.getResourceAsStream(
                        "/META-INF/io/github/cameljanus/janus.json")) {
            JsonNode properties = JanusJson.MAPPER.readTree(in).path("properties");
            List<Map.Entry<String, JsonNode>> options = new ArrayList<>();
            properties
                    .fields()
                    .forEachRemaining(
                            option -> {
                                if (CHECKED.contains(option.getValue().path("type").asText())) {
                                    options.add(option);
                                }
                            });
            return options;
        }
    }

    @Test
    void everyTypedOptionRejectsTextThatIsNotOfItsType() throws Exception {
        List<Map.Entry<String, JsonNode>> options = checkedOptions();
        assertThat(options).extracting(Map.Entry::getKey).contains("maxReconnectAttempts");
        try (CamelContext context = new DefaultCamelContext()) {
            for (Map.Entry<String, JsonNode> option : options) {
                String name = option.getKey();
                assertThatThrownBy(() -> context.getEndpoint(URI + "?" + name + "=abc"))
                        .as(name)
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(name)
                        .hasMessageContaining("'abc'");
            }
        }
    }

    @Test
    void theIssuesExamplesFailAndValidSpellingsPass() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            for (String bad :
                    List.of(
                            "maxReconnectAttempts=abc",
                            "maxreconnectattempts=abc", // Camel takes names in another case too
                            "keepAliveInterval=abc",
                            "pingInterval=abc",
                            "requestTimeout=abc",
                            "reconnectMaxDelay=2x",
                            "reconnect=yes",
                            "eventQueueSize=99999999999",
                            "transport=netty",
                            "eventTypes=event,bogus")) {
                assertThatThrownBy(() -> context.getEndpoint(URI + "?" + bad))
                        .as(bad)
                        .rootCause()
                        .hasMessageContaining(bad.substring(0, bad.indexOf('=')))
                        .hasMessageContaining("'" + bad.substring(bad.indexOf('=') + 1) + "'");
            }
            JanusEndpoint endpoint =
                    context.getEndpoint(
                            URI
                                    + "?keepAliveInterval=-1&pingInterval=5s&requestTimeout=PT3S"
                                    + "&reconnectMaxDelay=1m30s&connectTimeout=2500"
                                    + "&reconnect=FALSE&transport=tyrus&maxReconnectAttempts=3"
                                    + "&eventTypes=event, hangup,managedHandleCreated",
                            JanusEndpoint.class);
            JanusConfiguration configuration = endpoint.getConfiguration();
            assertThat(configuration.getKeepAliveInterval()).isEqualTo(-1);
            assertThat(configuration.getPingInterval()).isEqualTo(5000);
            assertThat(configuration.getRequestTimeout()).isEqualTo(3000);
            assertThat(configuration.getReconnectMaxDelay()).isEqualTo(90_000);
            assertThat(configuration.getConnectTimeout()).isEqualTo(2500);
            assertThat(configuration.isReconnect()).isFalse();
            assertThat(configuration.getMaxReconnectAttempts()).isEqualTo(3);
            assertThat(configuration.getEventTypes())
                    .isEqualTo("event, hangup,managedHandleCreated");
        }
    }

    /** Tooling offers eventTypes' choices: the metadata lists every type the consumer knows. */
    @Test
    void theMetadataListsTheEventTypes() throws Exception {
        try (InputStream in =
                JanusOptionValuesTest.class.getResourceAsStream(
                        "/META-INF/io/github/cameljanus/janus.json")) {
            JsonNode option = JanusJson.MAPPER.readTree(in).path("properties").path("eventTypes");
            List<String> values = new ArrayList<>();
            option.path("enum").forEach(value -> values.add(value.asText()));
            assertThat(values)
                    .containsExactlyInAnyOrderElementsOf(JanusEventTypes.KNOWN)
                    .contains("managedHandleCreated", "webrtcup");
        }
    }
}
