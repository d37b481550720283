/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.JanusJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Message;

/**
 * What Janus's event handlers push, read: a message (a wsevh text frame, a sampleevh POST body) is
 * one event object or a JSON array of them ({@code grouping}); and one event as a message's headers
 * and body. The one definition of the event envelope's fields.
 */
final class JanusEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JanusEvents() {}

    /**
     * The events of a pushed message, in order.
     *
     * @param skipped counts the array elements that are not events (skipped)
     * @throws IllegalArgumentException when the text is not JSON, or neither an event nor an array
     */
    static List<ObjectNode> parse(String text, Runnable skipped) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
        List<ObjectNode> events = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode element : root) {
                if (isEvent(element)) {
                    events.add((ObjectNode) element);
                } else {
                    skipped.run();
                }
            }
            return events;
        }
        if (!isEvent(root)) {
            throw new IllegalArgumentException(
                    "Not a Janus event: an object with a numeric type and an event is expected");
        }
        events.add((ObjectNode) root);
        return events;
    }

    private static boolean isEvent(JsonNode node) {
        return node != null && node.isObject() && node.path("type").isInt() && node.has("event");
    }

    /** The event's type name, or its number when Janus 1.1.2 has no such type. */
    static String typeName(ObjectNode event) {
        int code = event.path("type").asInt();
        JanusEventType type = JanusEventType.of(code);
        return type == null ? Integer.toString(code) : type.name();
    }

    /** The event's subtype name, or null when it has none (or none this type knows). */
    static String subtypeName(ObjectNode event) {
        JanusEventType type = JanusEventType.of(event.path("type").asInt());
        JsonNode subtype = event.get("subtype");
        return type == null || subtype == null || !subtype.isInt()
                ? null
                : type.subtype(subtype.asInt());
    }

    /** Writes one event on a message: its headers, and the event object (or array) as body. */
    static void write(ObjectNode event, Message message) {
        message.setHeader(JanusEventsConstants.EVENT_TYPE, typeName(event));
        setIfPresent(message, JanusEventsConstants.EVENT_SUBTYPE, subtypeName(event));
        setIfPresent(message, JanusEventsConstants.SESSION_ID, longOf(event, "session_id"));
        setIfPresent(message, JanusEventsConstants.HANDLE_ID, longOf(event, "handle_id"));
        setIfPresent(message, JanusEventsConstants.OPAQUE_ID, textOf(event, "opaque_id"));
        setIfPresent(message, JanusEventsConstants.EMITTER, textOf(event, "emitter"));
        setIfPresent(message, JanusEventsConstants.TIMESTAMP, longOf(event, "timestamp"));
        JsonNode body = event.get("event");
        JsonNode plugin = body == null ? null : body.get("plugin");
        if (plugin != null && plugin.isTextual()) {
            message.setHeader(JanusEventsConstants.PLUGIN, plugin.asText());
        }
        message.setBody(JanusJson.toValue(body));
    }

    /** The whole envelope as routes see it (batch mode's list elements). */
    static Object envelope(ObjectNode event) {
        return JanusJson.toBody(event);
    }

    private static Long longOf(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : null;
    }

    private static String textOf(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
