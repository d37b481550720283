/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

/** janus-events: endpoint options: their values, and bad ones failing at creation naming them. */
class JanusEventsEndpointTest {

    @Test
    void theUriGivesHostPortPathAndOptions() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            JanusEventsEndpoint endpoint =
                    context.getEndpoint(
                            "janus-events:127.0.0.1:7070/janus/events?eventTypes=webrtc,media"
                                    + "&eventSubtypes=connection,stats&batch=true&queueSize=5",
                            JanusEventsEndpoint.class);
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(endpoint.getPort()).isEqualTo(7070);
            assertThat(endpoint.getPath()).isEqualTo("/janus/events");
            assertThat(endpoint.eventTypes()).containsExactly("media", "webrtc");
            assertThat(endpoint.eventSubtypes()).containsExactly("connection", "stats");
            assertThat(endpoint.getConfiguration().isBatch()).isTrue();
            assertThat(endpoint.getConfiguration().getQueueSize()).isEqualTo(5);

            JanusEventsEndpoint root =
                    context.getEndpoint("janus-events:0.0.0.0:7071", JanusEventsEndpoint.class);
            assertThat(root.getPath()).isEqualTo("/");
            assertThat(root.eventTypes()).isNull();
        }
    }

    @Test
    void badValuesFailAtCreationNamingTheOptionAndTheValue() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertFails(
                    context, "127.0.0.1:7070?eventTypes=session,joined", "eventTypes", "joined");
            assertFails(
                    context, "127.0.0.1:7070?eventSubtypes=webrtcup", "eventSubtypes", "webrtcup");
            assertFails(context, "127.0.0.1:7070?queueSize=lots", "queueSize", "lots");
            assertFails(context, "127.0.0.1:7070?queueSize=0", "queueSize", "0");
            assertFails(context, "127.0.0.1:7070?batch=maybe", "batch", "maybe");
            assertFails(context, "127.0.0.1:7070?username=janus", "username", "password");
            assertFails(context, "127.0.0.1:7070?plugin=x", "plugin");
            assertFails(context, "127.0.0.1", "host:port");
            assertFails(context, "127.0.0.1:http", "port");
            assertFails(context, "127.0.0.1:70000", "70000");
        }
    }

    @Test
    void theSecretOptionsAreSensitiveAndMaskedInTheEndpoint() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            JanusEventsEndpoint endpoint =
                    context.getEndpoint(
                            "janus-events:127.0.0.1:7070/x?secret=s3cr3t&username=u5er"
                                    + "&password=pa55",
                            JanusEventsEndpoint.class);
            assertThat(endpoint.toString())
                    .doesNotContain("s3cr3t")
                    .doesNotContain("pa55")
                    .doesNotContain("u5er");
            for (String key :
                    new String[] {
                        "camel.component.janus-events.secret",
                        "camel.component.janus-events.password",
                        "camel.component.janus-events.username"
                    }) {
                assertThat(CamelContextHelper.containsSensitive(context, key)).as(key).isTrue();
            }
        }
    }

    @Test
    void itOnlyConsumes() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            JanusEventsEndpoint endpoint =
                    context.getEndpoint("janus-events:127.0.0.1:7070", JanusEventsEndpoint.class);
            assertThatThrownBy(endpoint::createProducer)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("janus-admin:");
        }
    }

    private static void assertFails(CamelContext context, String remaining, String... named) {
        assertThatThrownBy(() -> context.getEndpoint("janus-events:" + remaining))
                .as(remaining)
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(
                        e -> {
                            for (String name : named) {
                                assertThat(e).hasStackTraceContaining(name);
                            }
                        });
    }
}
