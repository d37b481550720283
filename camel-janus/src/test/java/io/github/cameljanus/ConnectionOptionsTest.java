/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameljanus.client.JanusClientConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;

/**
 * The component metadata is the one definition of what a connection is: each option it groups as
 * connection or security splits connections and reaches the client's configuration (the one
 * mapping, SharedConnection.clientConfig); the others do neither. A new connection option that the
 * mapping forgets fails here.
 */
class ConnectionOptionsTest {

    private static final String URI = "janus:ws://127.0.0.1:1";

    @Test
    void everyConnectionOptionSplitsConnectionsAndReachesTheClient() throws Exception {
        List<String> options = ConnectionKey.optionNames("janus", JanusConfiguration.class);
        assertThat(options)
                .contains("apiSecret", "pingInterval", "transport", "sslContextParameters")
                .doesNotContain("requestTimeout", "eventTypes", "plugin", "operation");
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("tls", new SSLContextParameters());
            ConnectionKey base = key(context, URI);
            Map<String, Object> baseClient = clientView(base);
            for (String option : options) {
                ConnectionKey changed = key(context, URI + "?" + option + "=" + otherValue(option));
                assertThat(changed).as(option).isNotEqualTo(base);
                if (!option.equals("sslContextParameters")) { // becomes the SSLContext
                    assertThat(clientView(changed)).as(option).isNotEqualTo(baseClient);
                }
            }
            for (String other :
                    List.of(
                            "requestTimeout=1234",
                            "eventTypes=event",
                            "plugin=janus.plugin.echotest",
                            "operation=info",
                            "awaitEvent=false")) {
                assertThat(key(context, URI + "?" + other)).as(other).isEqualTo(base);
            }
        }
    }

    private static ConnectionKey key(CamelContext context, String uri) {
        JanusEndpoint endpoint = context.getEndpoint(uri, JanusEndpoint.class);
        return ConnectionKey.of("janus", endpoint.addresses(), endpoint.getConfiguration().copy());
    }

    /** A valid value other than the default, by the option's type in the metadata. */
    private static String otherValue(String option) {
        JsonNode metadata = ComponentMetadata.of("janus").endpointOptions().path(option);
        String defaultValue = metadata.path("defaultValue").asText("");
        return switch (metadata.path("type").asText()) {
            case "boolean" -> Boolean.toString(!Boolean.parseBoolean(defaultValue));
            case "integer", "duration" -> Long.toString(Long.parseLong(defaultValue) + 7);
            case "enum" -> {
                for (JsonNode value : metadata.path("enum")) {
                    if (!value.asText().equals(defaultValue)) {
                        yield value.asText();
                    }
                }
                throw new IllegalStateException(option + " has one value only");
            }
            case "object" -> "#tls";
            default -> "other-" + option;
        };
    }

    /** What the client sees of a key: its config's values (its factory by class). */
    private static Map<String, Object> clientView(ConnectionKey key) throws Exception {
        JanusClientConfig config =
                SharedConnection.clientConfig(
                        key, null, (ScheduledExecutorService) null, (Executor) null, null);
        Map<String, Object> view = new LinkedHashMap<>();
        for (Method accessor : JanusClientConfig.class.getMethods()) {
            if (accessor.getParameterCount() == 0
                    && !Modifier.isStatic(accessor.getModifiers())
                    && accessor.getDeclaringClass() == JanusClientConfig.class
                    && !accessor.getName().equals("toString")) {
                Object value = accessor.invoke(config);
                view.put(
                        accessor.getName(),
                        accessor.getName().equals("transportFactory") ? value.getClass() : value);
            }
        }
        return view;
    }
}
