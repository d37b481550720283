/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides secrets before a frame reaches a log: the values of {@code apisecret}, {@code token},
 * {@code admin_secret} and plugin {@code secret}, {@code pin}, {@code admin_key}, at any depth.
 * Every log of a frame goes through here.
 */
public final class SecretMasker {

    static final String MASK = "***";

    private static final Set<String> SECRET_KEYS =
            Set.of("apisecret", "token", "admin_secret", "secret", "pin", "admin_key");

    /**
     * For text that is not valid JSON: a quoted secret key, then a string value (possibly left
     * unterminated) or any bare scalar.
     */
    private static final Pattern SECRET_IN_TEXT =
            Pattern.compile(
                    "(\"(?:apisecret|token|admin_secret|secret|pin|admin_key)\"\\s*:\\s*)"
                            + "(?:\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]*)");

    private SecretMasker() {}

    /** Returns the frame as compact JSON with secret values replaced; the frame is not changed. */
    public static String mask(JsonNode frame) {
        if (frame == null) {
            return "null";
        }
        JsonNode copy = frame.deepCopy();
        maskInPlace(copy);
        return copy.toString();
    }

    /**
     * Returns raw (maybe malformed) text with secret values replaced, cut to {@code maxChars}.
     * Masking comes before cutting, so a cut can never expose the start of a secret.
     */
    static String maskText(CharSequence text, int maxChars) {
        String masked = SECRET_IN_TEXT.matcher(text).replaceAll("$1\"" + MASK + "\"");
        if (masked.length() <= maxChars) {
            return masked;
        }
        return masked.substring(0, maxChars) + "...(" + masked.length() + " chars)";
    }

    private static void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_KEYS.contains(field.getKey()) && !field.getValue().isContainerNode()) {
                    field.setValue(object.textNode(MASK));
                } else {
                    maskInPlace(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(SecretMasker::maskInPlace);
        }
    }
}
