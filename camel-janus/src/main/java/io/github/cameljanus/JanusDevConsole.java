/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Component;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code janus} dev console: every open connection of the context's {@code janus:} and {@code
 * janus-admin:} components, with its state, sessions and handles, managed handles and the client's
 * counters.
 */
@org.apache.camel.spi.annotations.DevConsole(
        name = "janus",
        displayName = "Janus",
        description = "Connections to Janus: state, sessions, handles, pending requests, counters")
public class JanusDevConsole extends AbstractDevConsole {

    public JanusDevConsole() {
        super("camel", "janus", "Janus", "Connections to Janus: state, sessions, counters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> connection : connections()) {
            text.append("Connection ")
                    .append(connection.get("component"))
                    .append(' ')
                    .append(connection.get("addresses"))
                    .append('\n');
            connection.forEach(
                    (name, value) -> {
                        if (!"addresses".equals(name) && !"component".equals(name)) {
                            text.append("    ")
                                    .append(name)
                                    .append(": ")
                                    .append(value)
                                    .append('\n');
                        }
                    });
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> connections = new ArrayList<>();
        for (Map<String, Object> connection : connections()) {
            connections.add(new JsonObject(connection));
        }
        root.put("connections", connections);
        return root;
    }

    private List<Map<String, Object>> connections() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String name : getCamelContext().getComponentNames()) {
            Component component = getCamelContext().hasComponent(name);
            if (component instanceof JanusComponentSupport janus) {
                for (SharedConnection connection : janus.connections().snapshot()) {
                    Map<String, Object> described = new LinkedHashMap<>();
                    described.put("component", name);
                    described.putAll(connection.describe());
                    all.add(described);
                }
            }
        }
        return all;
    }
}
