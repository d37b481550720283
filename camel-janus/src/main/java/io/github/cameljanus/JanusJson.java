/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Conversions between what routes hold (JSON text, Maps, JsonNodes, POJOs) and the JsonNodes the
 * client sends, and from Janus's JsonNodes to {@link JanusBody}. One ObjectMapper for the layer,
 * and on purpose not the engine's ({@code client.engine.Frames}): this one maps the routes' POJOs
 * and Maps, the engine's only reads and writes frames, and sharing it would tie the Camel layer to
 * the engine (ArchitectureTest forbids that). Public for the project's components in other packages
 * (janus-events); not an API for applications.
 */
public final class JanusJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private JanusJson() {}

    /**
     * A route's value as a JsonNode. A String must be JSON text; anything else is mapped by
     * Jackson.
     *
     * @throws IllegalArgumentException when a String is not JSON, naming {@code what}
     */
    static JsonNode toNode(Object value, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return parse(text, what);
        }
        if (value instanceof byte[] bytes) {
            return parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), what);
        }
        JsonNode plain = plainTree(value);
        if (plain != null) {
            return plain;
        }
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + " of type " + value.getClass().getName() + " cannot be mapped to JSON",
                    e);
        }
    }

    /**
     * The tree of a value made only of String-keyed Maps, Lists, Strings, Booleans, Integers,
     * Longs, Doubles, nulls and JsonNodes (what routes build), as Jackson would map it but without
     * serializing it first; null when the value holds anything else (Jackson maps that).
     */
    private static JsonNode plainTree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return null;
                }
                JsonNode child = plainTree(entry.getValue());
                if (child == null) {
                    return null;
                }
                object.set(key, child);
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            for (Object element : list) {
                JsonNode child = plainTree(element);
                if (child == null) {
                    return null;
                }
                array.add(child);
            }
            return array;
        }
        return null;
    }

    /** Like {@link #toNode} but the result must be a JSON object. */
    static ObjectNode toObject(Object value, String what) {
        JsonNode node = toNode(value, what);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(
                    what + " must be a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    private static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A Janus object as a JanusBody, nested objects included; null stays null. */
    public static JanusBody toBody(ObjectNode node) {
        if (node == null) {
            return null;
        }
        JanusBody body = new JanusBody();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            body.put(field.getKey(), toValue(field.getValue()));
        }
        return body;
    }

    /** A Janus value as routes see it: objects as JanusBody, arrays as Lists; null stays null. */
    public static Object toValue(JsonNode node) {
        if (node == null) {
            return null;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> toBody((ObjectNode) node);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : (ArrayNode) node) {
                    list.add(toValue(element));
                }
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> node.numberValue();
            default -> null;
        };
    }

    /** JSON text of a Map, List or POJO. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
