/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one shared ObjectMapper, the reading of frames and null-tolerant accessors for them. */
public final class Frames {

    /** Thread-safe once configured; shared by every client in the JVM. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Resolved once: ObjectMapper.readTree resolves JsonNode's type on every call. */
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private Frames() {}

    /**
     * Parses a message into a tree: with {@link FrameParser}, and with Jackson what it gives up on,
     * so the tree, or the error, is always Jackson's.
     *
     * @return the tree; null when the message is empty
     * @throws IOException Jackson's error for a message that is not JSON
     */
    public static JsonNode read(char[] chars, int offset, int length) throws IOException {
        ObjectNode frame = FrameParser.parse(chars, offset, length);
        if (frame != null) {
            return frame;
        }
        try (JsonParser parser = TREE_READER.createParser(chars, offset, length)) {
            return TREE_READER.readTree(parser);
        }
    }

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
