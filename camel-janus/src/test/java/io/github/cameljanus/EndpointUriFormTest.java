/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Pins the URI form the component builds on: Camel's normalisation must hand an address list with
 * {@code //}, commas and a path to the component unchanged, and keep the query options apart.
 */
class EndpointUriFormTest {

    @Test
    void addressListWithPathReachesTheComponentUnchanged() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            RecordingComponent component = new RecordingComponent();
            context.addComponent("janusprobe", component);

            context.getEndpoint("janusprobe:ws://127.0.0.1:1,ws://127.0.0.1:2/janus?x=1");

            assertThat(component.remaining).isEqualTo("ws://127.0.0.1:1,ws://127.0.0.1:2/janus");
            assertThat(component.parameters).containsExactly(Map.entry("x", "1"));
        }
    }

    @Test
    void secureAddressWithQueryInPathSurvives() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            RecordingComponent component = new RecordingComponent();
            context.addComponent("janusprobe", component);

            context.getEndpoint(
                    "janusprobe://wss://10.0.0.1:8989/janus,ws://127.0.0.1:8188?x=2&y=z");

            assertThat(component.remaining)
                    .isEqualTo("wss://10.0.0.1:8989/janus,ws://127.0.0.1:8188");
            assertThat(component.parameters).containsEntry("x", "2").containsEntry("y", "z");
        }
    }

    /** Records what Camel passes to {@code createEndpoint}, nothing more. */
    private static final class RecordingComponent extends DefaultComponent {
        private String remaining;
        private Map<String, Object> parameters;

        @Override
        protected Endpoint createEndpoint(
                String uri, String remaining, Map<String, Object> parameters) {
            this.remaining = remaining;
            this.parameters = Map.copyOf(parameters);
            parameters.clear();
            return new DefaultEndpoint(uri, this) {
                @Override
                public org.apache.camel.Producer createProducer() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public org.apache.camel.Consumer createConsumer(Processor processor) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
