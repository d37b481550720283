/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameljanus.client.JanusAdminOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

/** janus-admin: endpoint options: their values, and bad ones failing at creation naming them. */
class JanusAdminEndpointTest {

    private static final String URI = "janus-admin:ws://127.0.0.1:1";

    @Test
    void optionsReachTheEndpointAndTheConsumer() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            JanusAdminEndpoint endpoint =
                    context.getEndpoint(
                            URI
                                    + "?operation=handleInfo&sessionId=12&handleId=34"
                                    + "&parameters=RAW({\"plugin_only\": true})&delay=5s"
                                    + "&requestTimeout=3s&adminSecret=x",
                            JanusAdminEndpoint.class);
            JanusAdminConfiguration c = endpoint.getConfiguration();
            assertThat(c.getOperation()).isEqualTo(JanusAdminOperation.handleInfo);
            assertThat(c.getSessionId()).isEqualTo(12);
            assertThat(c.getHandleId()).isEqualTo(34);
            assertThat(c.getRequestTimeout()).isEqualTo(3000);
            assertThat(endpoint.parameters().path("plugin_only").asBoolean()).isTrue();
            ScheduledPollConsumer consumer =
                    (ScheduledPollConsumer) endpoint.createConsumer(exchange -> {});
            assertThat(consumer.getDelay()).isEqualTo(5000);
            assertThat(endpoint.getComponent().getConfiguration().getOperation())
                    .as("an endpoint's options do not change the component's")
                    .isNull();
        }
    }

    @Test
    void badValuesFailAtCreationNamingTheOptionAndTheValue() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertFails(context, "operation=explode", "operation", "explode");
            assertFails(context, "operation=list_sessions", "operation", "list_sessions");
            assertFails(context, "requestTimeout=soon", "requestTimeout", "soon");
            assertFails(context, "requestTimeout=0", "requestTimeout", "0");
            assertFails(context, "sessionId=-3", "sessionId", "-3");
            assertFails(context, "parameters=RAW({level)", "parameters", "{level");
            assertFails(context, "parameters=RAW([1])", "parameters", "[1]");
            assertFails(context, "delay=often", "delay", "often");
            assertFails(context, "apiSecret=x", "apiSecret", "");
        }
    }

    @Test
    void aConsumerNeedsAnOperation() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(URI + "?delay=1s").log("never");
                        }
                    });
            assertThatThrownBy(context::start)
                    .hasStackTraceContaining("needs the operation option");
        }
    }

    private static void assertFails(CamelContext context, String query, String... named) {
        assertThatThrownBy(() -> context.getEndpoint(URI + "?" + query))
                .as(query)
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(
                        e -> {
                            for (String name : named) {
                                assertThat(e).hasStackTraceContaining(name);
                            }
                        });
    }
}
