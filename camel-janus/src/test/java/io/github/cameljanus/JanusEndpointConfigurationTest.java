/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoint creation: options reach the configuration; bad input fails naming what is wrong. */
class JanusEndpointConfigurationTest {

    private CamelContext context;

    @BeforeEach
    void createContext() {
        context = new DefaultCamelContext();
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void optionsAndAddressListReachTheEndpoint() {
        JanusEndpoint endpoint =
                context.getEndpoint(
                        "janus:ws://127.0.0.1:1,wss://127.0.0.1:2/janus?plugin=janus.plugin.echotest"
                                + "&requestTimeout=3s&awaitEvent=false&operation=trickle"
                                + "&eventTypes=event,detached,sessionLost&keepAliveInterval=0",
                        JanusEndpoint.class);

        assertThat(endpoint.addresses())
                .containsExactly(
                        URI.create("ws://127.0.0.1:1"), URI.create("wss://127.0.0.1:2/janus"));
        JanusConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getPlugin()).isEqualTo("janus.plugin.echotest");
        assertThat(configuration.getRequestTimeout()).isEqualTo(3000);
        assertThat(configuration.isAwaitEvent()).isFalse();
        assertThat(configuration.getOperation()).isEqualTo(JanusOperation.trickle);
        assertThat(configuration.getKeepAliveInterval()).isZero();
        assertThat(endpoint.eventTypes())
                .containsExactlyInAnyOrder("event", "detached", "sessionLost");
    }

    @Test
    void componentDefaultsAreCopiedPerEndpoint() {
        JanusComponent component = context.getComponent("janus", JanusComponent.class);
        component.getConfiguration().setRequestTimeout(1234);

        JanusEndpoint a =
                context.getEndpoint(
                        "janus:ws://127.0.0.1:1?requestTimeout=99", JanusEndpoint.class);
        JanusEndpoint b = context.getEndpoint("janus:ws://127.0.0.1:1", JanusEndpoint.class);

        assertThat(a.getConfiguration().getRequestTimeout()).isEqualTo(99);
        assertThat(b.getConfiguration().getRequestTimeout()).isEqualTo(1234);
        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(1234);
    }

    @Test
    void unknownOptionFailsNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("janus:ws://127.0.0.1:1?requestTimout=5"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("requestTimout");
    }

    @Test
    void badAddressFailsNamingIt() {
        assertThatThrownBy(() -> context.getEndpoint("janus:http://127.0.0.1:1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Invalid janus: address 'http://127.0.0.1:1'")
                .hasStackTraceContaining("ws or wss");
        assertThatThrownBy(() -> context.getEndpoint("janus:ws://127.0.0.1:1,nonsense"))
                .hasStackTraceContaining("'nonsense'");
    }

    @Test
    void unknownEventTypeFailsNamingIt() {
        assertThatThrownBy(
                        () -> context.getEndpoint("janus:ws://127.0.0.1:1?eventTypes=event,joined"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("'joined' is unknown")
                .hasStackTraceContaining("eventTypes");
    }

    @Test
    void eventTypeNamesAreMatchedExactly() {
        assertThatThrownBy(() -> context.getEndpoint("janus:ws://127.0.0.1:1?eventTypes=EVENT"))
                .hasStackTraceContaining("'EVENT' is unknown");
    }

    @Test
    void managedHandleOnlyNeedsAPluginOnlyForAConsumer() throws Exception {
        JanusEndpoint producerSide =
                context.getEndpoint(
                        "janus:ws://127.0.0.1:1?managedHandleOnly=true", JanusEndpoint.class);
        assertThat(producerSide).isNotNull(); // a component-wide default does not fail producers
        assertThatThrownBy(() -> producerSide.createConsumer(exchange -> {}))
                .hasMessageContaining("managedHandleOnly")
                .hasMessageContaining("plugin");
    }

    @Test
    void badValueFailsNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("janus:ws://127.0.0.1:1?maxPendingRequests=0"))
                .hasStackTraceContaining("maxPendingRequests");
        assertThatThrownBy(() -> context.getEndpoint("janus:ws://127.0.0.1:1?operation=explode"))
                .hasStackTraceContaining("operation");
    }

    @Test
    void secretsAreMaskedInTheUriAndToString() {
        JanusEndpoint endpoint =
                context.getEndpoint(
                        "janus:ws://127.0.0.1:1?apiSecret=topsecret&token=tok3n",
                        JanusEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain("topsecret").doesNotContain("tok3n");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                .doesNotContain("topsecret")
                .doesNotContain("tok3n");
        assertThat(endpoint.getConfiguration().getApiSecret()).isEqualTo("topsecret");
    }
}
