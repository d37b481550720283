/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one shared ObjectMapper and null-tolerant accessors for Janus frames. */
public final class Frames {

    /** Thread-safe once configured; shared by every client in the JVM. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Frames() {}

    /** Returns the text of {@code node.field}, null when absent or not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Returns {@code node.field} when it is an object, else null. */
    public static ObjectNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value instanceof ObjectNode object ? object : null;
    }

    /** Returns a new frame {@code {"janus": type}}. */
    public static ObjectNode frame(String type) {
        ObjectNode frame = MAPPER.createObjectNode();
        frame.put("janus", type);
        return frame;
    }

    /** Serializes a frame as compact JSON; a tree of plain JSON nodes always serializes. */
    public static String write(JsonNode node) {
        return FrameWriter.write(node);
    }
}
