/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses what Janus sends, a JSON object, into the tree Jackson's {@code readTree} makes of it, at
 * a fraction of the cost: no parser object, buffer recycling or name canonicalisation per frame
 * (the tree parse of every frame was 13-20 % of a W2 run, docs/performance.md).
 *
 * <p>It gives up, returning null, on anything outside the plain JSON Janus writes: a root that is
 * not an object, a fraction or exponent, an integer beyond a long, a duplicate name, nesting deeper
 * than {@value #MAX_DEPTH}, a string longer than {@value #MAX_STRING} chars, anything malformed.
 * The caller then parses the message with Jackson, which gives the same tree or the error Jackson
 * gives: so the result is always Jackson's (checked by {@code FrameParserProperties}).
 */
final class FrameParser {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_STRING = 1_000_000;

    /** The digits of Long.MAX_VALUE; fewer always fit a long. */
    private static final int MAX_DIGITS = 19;

    private static final JsonNodeFactory NODES = Frames.MAPPER.getNodeFactory();

    /** Thrown to give up, without a stack trace: giving up is not an error. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private final char[] chars;
    private final int end;
    private int pos;

    private FrameParser(char[] chars, int offset, int length) {
        this.chars = chars;
        this.pos = offset;
        this.end = offset + length;
    }

    /** The object in {@code chars[offset, offset + length)}, or null to let Jackson parse it. */
    static ObjectNode parse(char[] chars, int offset, int length) {
        FrameParser parser = new FrameParser(chars, offset, length);
        try {
            if (parser.skipSpace() != '{') {
                return null;
            }
            ObjectNode frame = parser.object(1);
            return parser.skipSpace() == -1 ? frame : null;
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Skips JSON whitespace; returns the next char without consuming it, -1 at the end. */
    private int skipSpace() {
        while (pos < end) {
            char c = chars[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    /** At '{'. */
    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        if (open(depth, '}')) {
            do {
                if (skipSpace() != '"') {
                    throw new GiveUp();
                }
                String name = string();
                if (skipSpace() != ':') {
                    throw new GiveUp();
                }
                pos++;
                if (object.replace(name, value(depth)) != null) {
                    throw new GiveUp(); // a duplicate: Jackson's rules for it decide
                }
            } while (more('}'));
        }
        return object;
    }

    /** At '['. */
    private ArrayNode array(int depth) {
        ArrayNode array = NODES.arrayNode();
        if (open(depth, ']')) {
            do {
                array.add(value(depth));
            } while (more(']'));
        }
        return array;
    }

    /** Consumes an opening bracket; false when {@code close} follows at once (consumed too). */
    private boolean open(int depth, char close) {
        if (depth > MAX_DEPTH) {
            throw new GiveUp();
        }
        pos++;
        if (skipSpace() == close) {
            pos++;
            return false;
        }
        return true;
    }

    /** After a member or element: true after a comma, false after {@code close}. */
    private boolean more(char close) {
        int next = skipSpace();
        pos++;
        if (next == ',') {
            return true;
        }
        if (next != close) {
            throw new GiveUp();
        }
        return false;
    }

    private JsonNode value(int depth) {
        int c = skipSpace();
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> NODES.textNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> number();
        };
    }

    /** At '"': the string up to the closing quote, escapes resolved. */
    private String string() {
        int start = ++pos;
        while (pos < end) {
            char c = chars[pos];
            if (c == '"') {
                return text(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw new GiveUp();
            }
            pos++;
        }
        throw new GiveUp();
    }

    private String text(int start, int stop) {
        if (stop - start > MAX_STRING) {
            throw new GiveUp();
        }
        return new String(chars, start, stop - start);
    }

    /** At the first backslash of a string that began at {@code start}. */
    private String escapedString(int start) {
        StringBuilder text = new StringBuilder(pos - start + 16).append(chars, start, pos - start);
        while (pos < end) {
            char c = chars[pos++];
            if (c == '"') {
                if (text.length() > MAX_STRING) {
                    throw new GiveUp();
                }
                return text.toString();
            }
            if (c < 0x20) {
                throw new GiveUp();
            }
            text.append(c == '\\' ? escape() : c);
        }
        throw new GiveUp();
    }

    /** After a backslash. */
    private char escape() {
        if (pos >= end) {
            throw new GiveUp();
        }
        char c = chars[pos++];
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw new GiveUp();
        };
    }

    private char unicodeEscape() {
        if (end - pos < 4) {
            throw new GiveUp();
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(chars[pos++], 16);
            if (digit < 0) {
                throw new GiveUp();
            }
            code = (code << 4) | digit;
        }
        return (char) code;
    }

    private JsonNode literal(String word, JsonNode node) {
        if (end - pos < word.length()) {
            throw new GiveUp();
        }
        for (int i = 0; i < word.length(); i++) {
            if (chars[pos + i] != word.charAt(i)) {
                throw new GiveUp();
            }
        }
        pos += word.length();
        endOfToken();
        return node;
    }

    /** An integer; a fraction, an exponent or a value beyond a long give up. */
    private JsonNode number() {
        int start = pos;
        if (pos < end && chars[pos] == '-') {
            pos++;
        }
        int first = pos;
        while (pos < end && chars[pos] >= '0' && chars[pos] <= '9') {
            pos++;
        }
        int digits = pos - first;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && chars[first] == '0')) {
            throw new GiveUp();
        }
        endOfToken();
        long value;
        if (digits < MAX_DIGITS) {
            value = 0;
            for (int i = first; i < pos; i++) {
                value = value * 10 + (chars[i] - '0');
            }
            if (first > start) {
                value = -value;
            }
        } else {
            try {
                value = Long.parseLong(new String(chars, start, pos - start));
            } catch (NumberFormatException e) {
                throw new GiveUp(); // beyond a long: Jackson makes a BigInteger node
            }
        }
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /**
     * A number or literal ends at whitespace, a separator or the end; '.', 'e' and the rest give
     * up.
     */
    private void endOfToken() {
        if (pos < end) {
            char c = chars[pos];
            if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r'
                    && c != '\t') {
                throw new GiveUp();
            }
        }
    }
}
