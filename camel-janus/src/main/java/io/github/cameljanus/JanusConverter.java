/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

/**
 * Type converters for {@link JanusBody} only: JSON text, bytes, a JsonNode, and any POJO through
 * Jackson. Nothing here converts a plain Map or Object, so other routes convert as before.
 */
@Converter(generateLoader = true)
public final class JanusConverter {

    private JanusConverter() {}

    /** The JSON text. */
    @Converter
    public static String toString(JanusBody body) {
        return body.toString();
    }

    /** The JSON text as UTF-8 bytes. */
    @Converter
    public static byte[] toBytes(JanusBody body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The body as a Jackson tree. */
    @Converter
    public static JsonNode toJsonNode(JanusBody body) {
        return JanusJson.MAPPER.valueToTree(body);
    }

    /**
     * Any other target type is mapped with Jackson, but only from a JanusBody: returns null (no
     * conversion) for every other value.
     */
    @Converter(fallback = true)
    public static <T> T toPojo(
            Class<T> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!(value instanceof JanusBody) || type.isInstance(value) || !isApplicationType(type)) {
            return null;
        }
        return JanusJson.MAPPER.convertValue(value, type);
    }

    /**
     * Platform and Camel types (streams, readers, Camel's own) are left to their own converters:
     * only application classes are mapped as POJOs.
     */
    private static boolean isApplicationType(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isInterface()) {
            return false;
        }
        String name = type.getName();
        return !(name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jakarta.")
                || name.startsWith("org.apache.camel.")
                || name.startsWith("com.fasterxml."));
    }
}
