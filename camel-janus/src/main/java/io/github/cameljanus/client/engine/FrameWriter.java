/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Writes a frame's tree as compact JSON straight into a StringBuilder: the same text as Jackson's
 * {@code JsonNode.toString()}, without its per-call writer, generator and serializer lookup, which
 * cost as much as the writing itself for frames of a few hundred characters (profiled: 8 % of the
 * CPU of a request through Camel). Nodes it has no plain JSON form for (binary, POJO, non-finite
 * numbers) are left to Jackson.
 */
final class FrameWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FrameWriter() {}

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        value(node, out);
        return out.toString();
    }

    private static void value(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(field.getKey(), out);
                    out.append(':');
                    value(field.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL, MISSING -> out.append("null");
            case NUMBER -> number(node, out);
            default -> out.append(node.toString()); // BINARY and POJO: Jackson's own form
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                out.append(node.longValue());
            } else {
                out.append(node.bigIntegerValue());
            }
        } else if (node.isBigDecimal()) {
            out.append(node.toString());
        } else {
            double d = node.doubleValue();
            if (Double.isFinite(d)) {
                // Jackson writes float nodes through Float.toString, doubles through Double's
                out.append(node.isFloat() ? Float.toString(node.floatValue()) : Double.toString(d));
            } else {
                out.append(node.toString());
            }
        }
    }

    /**
     * A JSON string with the escapes Jackson uses: \" \\ \b \f \n \r \t, other controls \\u00XX.
     */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, start, s.length()).append('"');
    }
}
