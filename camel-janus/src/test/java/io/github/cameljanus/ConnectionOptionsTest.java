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

    @Test
    void everyConnectionOptionOfJanusSplitsConnectionsAndReachesTheClient() throws Exception {
        List<String> options = ConnectionKey.optionNames("janus", JanusConfiguration.class);
        assertThat(options)
                .contains("apiSecret", "pingInterval", "transport", "sslContextParameters")
                .doesNotContain("requestTimeout", "eventTypes", "plugin", "operation");
        check(
                "janus",
                options,
                List.of(
                        "requestTimeout=1234",
                        "eventTypes=event",
                        "plugin=janus.plugin.echotest",
                        "operation=info",
                        "awaitEvent=false"));
    }

    @Test
    void everyConnectionOptionOfJanusAdminSplitsConnectionsAndReachesTheClient() throws Exception {
        List<String> options =
                ConnectionKey.optionNames("janus-admin", JanusAdminConfiguration.class);
        assertThat(options)
                .contains("adminSecret", "pingInterval", "reconnect", "sslContextParameters")
                .doesNotContain("requestTimeout", "operation", "sessionId", "parameters", "delay");
        check(
                "janus-admin",
                options,
                List.of(
                        "requestTimeout=1234",
                        "operation=listSessions",
                        "sessionId=5",
                        "parameters=RAW({})",
                        "delay=3000"));
    }

    private static void check(String scheme, List<String> options, List<String> others)
            throws Exception {
        String uri = scheme + ":ws://127.0.0.1:1";
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("tls", new SSLContextParameters());
            ConnectionKey base = key(context, scheme, uri);
            Map<String, Object> baseClient = clientView(base);
            for (String option : options) {
                ConnectionKey changed =
                        key(context, scheme, uri + "?" + option + "=" + otherValue(scheme, option));
                assertThat(changed).as(option).isNotEqualTo(base);
                if (!option.equals("sslContextParameters")) { // becomes the SSLContext
                    assertThat(clientView(changed)).as(option).isNotEqualTo(baseClient);
                }
            }
            for (String other : others) {
                assertThat(key(context, scheme, uri + "?" + other)).as(other).isEqualTo(base);
            }
        }
    }

    private static ConnectionKey key(CamelContext context, String scheme, String uri) {
        if (scheme.equals("janus")) {
            JanusEndpoint endpoint = context.getEndpoint(uri, JanusEndpoint.class);
            return ConnectionKey.of(
                    scheme, endpoint.addresses(), endpoint.getConfiguration().copy());
        }
        JanusAdminEndpoint endpoint = context.getEndpoint(uri, JanusAdminEndpoint.class);
        return ConnectionKey.of(scheme, endpoint.addresses(), endpoint.getConfiguration().copy());
    }

    /** A valid value other than the default, by the option's type in the metadata. */
    private static String otherValue(String scheme, String option) {
        JsonNode metadata = ComponentMetadata.of(scheme).endpointOptions().path(option);
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
