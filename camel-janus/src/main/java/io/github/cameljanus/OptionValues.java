/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the text of each option against its type in the component's generated metadata ({@link
 * ComponentMetadata}) before Camel converts it: Camel's conversion turns some bad texts into 0 (a
 * reconnect limit of 0, a keepalive of 0), which would silently turn a safety off. The metadata is
 * the one definition of each option's type, so a new option is checked without code here. The
 * endpoint's options are checked in the URI; the component's wherever they are bound (Camel Main's
 * {@code camel.component.janus.*}, the Spring Boot starter, property binding), through {@link
 * CheckedComponentConfigurer}.
 */
public final class OptionValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern UNITS =
            Pattern.compile(
                    "(\\d+\\s*(ms|millis|milliseconds|s|sec|secs|second|seconds|m|min|mins"
                            + "|minute|minutes|h|hour|hours|d|day|days)\\s*)+",
                    Pattern.CASE_INSENSITIVE);

    private OptionValues() {}

    /**
     * Checks every endpoint option given as text.
     *
     * @throws IllegalArgumentException naming the option and the text when one is not a value of
     *     its type
     */
    public static void check(ComponentMetadata metadata, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            check(metadata.endpointOptions(), parameter.getKey(), parameter.getValue());
        }
    }

    /**
     * Checks one option when it is given as text (a typed value was checked by its type).
     *
     * @throws IllegalArgumentException naming the option and the text when it is not a value of its
     *     type
     */
    public static void check(JsonNode options, String name, Object value) {
        if (value instanceof String text) {
            JsonNode option = option(options, name);
            if (option != null && !isValue(option, text.trim())) {
                throw new IllegalArgumentException(
                        "Option "
                                + name
                                + " has an invalid value '"
                                + text
                                + "'"
                                + unknownPart(option, text)
                                + ": expected "
                                + expected(option));
            }
        }
    }

    /**
     * The option of this name; Camel also takes names in another case (maxreconnectattempts) or
     * dashed (max-reconnect-attempts, from properties files).
     */
    private static JsonNode option(JsonNode known, String name) {
        JsonNode exact = known.get(name);
        if (exact != null) {
            return exact;
        }
        String undashed = name.replace("-", "");
        for (var names = known.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            if (candidate.equalsIgnoreCase(undashed)) {
                return known.get(candidate);
            }
        }
        return null;
    }

    private static boolean isValue(JsonNode option, String text) {
        if (text.startsWith("#") || text.startsWith("{{")) {
            return true; // a bean reference or a placeholder: Camel resolves and checks it
        }
        return switch (option.path("type").asText()) {
            case "boolean" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            case "integer" -> isInteger(text, option.path("javaType").asText());
            case "duration" -> isDuration(text);
            case "enum" ->
                    "java.lang.String".equals(option.path("javaType").asText())
                            ? isEnumList(option.path("enum"), text)
                            : isEnum(option.path("enum"), text);
            default -> true;
        };
    }

    private static boolean isInteger(String text, String javaType) {
        if (!INTEGER.matcher(text).matches()) {
            // Camel converts a time text (5s, 1m30s) to milliseconds for any long option, such
            // as the scheduled-poll delay
            return ("long".equals(javaType) || "java.lang.Long".equals(javaType))
                    && isDuration(text);
        }
        try {
            long value = Long.parseLong(text);
            return (!"int".equals(javaType) && !"java.lang.Integer".equals(javaType))
                    || (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return false; // beyond a long
        }
    }

    /** Milliseconds, an ISO-8601 duration (PT10S), or amounts with units (1m30s, 500 ms). */
    private static boolean isDuration(String text) {
        if (INTEGER.matcher(text).matches()) {
            return true;
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return UNITS.matcher(text).matches();
    }

    /** For a list, which of its names is not allowed (" ('joined' is unknown)"), else "". */
    private static String unknownPart(JsonNode option, String text) {
        if ("enum".equals(option.path("type").asText())
                && "java.lang.String".equals(option.path("javaType").asText())) {
            for (String part : text.split(",", -1)) {
                if (!isListValue(option.path("enum"), part.trim())) {
                    return " ('" + part.trim() + "' is unknown)";
                }
            }
        }
        return "";
    }

    /** A text option with allowed values takes a comma-separated list of them (eventTypes). */
    private static boolean isEnumList(JsonNode values, String text) {
        if (text.isEmpty()) {
            return true; // no filter
        }
        for (String part : text.split(",", -1)) {
            if (!isListValue(values, part.trim())) {
                return false;
            }
        }
        return true;
    }

    /** A list's names are matched exactly, as the consumer's parser does (event, not EVENT). */
    private static boolean isListValue(JsonNode values, String text) {
        for (JsonNode value : values) {
            if (value.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnum(JsonNode values, String text) {
        for (JsonNode value : values) {
            if (value.asText().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    private static String expected(JsonNode option) {
        return switch (option.path("type").asText()) {
            case "boolean" -> "true or false";
            case "integer" -> "a whole number";
            case "duration" ->
                    "a duration: milliseconds (5000), amounts with units (5s, 1m30s, 500ms) or"
                            + " ISO-8601 (PT5S)";
            case "enum" ->
                    "java.lang.String".equals(option.path("javaType").asText())
                            ? "a comma-separated list of " + option.path("enum")
                            : "one of " + option.path("enum");
            default -> option.path("type").asText();
        };
    }
}
