/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The types of Janus 1.1.2's event handler events (src/events.h): the number in an event's {@code
 * type} and the name the {@code CamelJanusEventType} header and the {@code eventTypes} option use,
 * with the names of the subtypes Janus gives some of them (the number in {@code subtype}, from 1).
 */
public enum JanusEventType {
    session(1),
    handle(2),
    external(4),
    jsep(8),
    webrtc(16, "ice", "local-candidate", "remote-candidate", "selected-pair", "dtls", "connection"),
    media(32, "state", "slowlink", "stats"),
    plugin(64),
    transport(128),
    core(256, "startup", "shutdown");

    /** Every type name, comma-separated (the eventTypes option's values). */
    public static final String ALL =
            "session,handle,external,jsep,webrtc,media,plugin,transport,core";

    /** Every subtype name, comma-separated (the eventSubtypes option's values). */
    public static final String SUBTYPES =
            "ice,local-candidate,remote-candidate,selected-pair,dtls,connection,state,slowlink,"
                    + "stats,startup,shutdown";

    private final int code;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> subtypes;

    JanusEventType(int code, String... subtypes) {
        this.code = code;
        this.subtypes = List.of(subtypes);
    }

    /** The number Janus puts in {@code type}. */
    public int code() {
        return code;
    }

    /** The names of this type's subtypes, in Janus's order (subtype 1 first). */
    public List<String> subtypes() {
        return subtypes;
    }

    /** The name of subtype {@code number}, or null when Janus gives this type no such subtype. */
    public String subtype(int number) {
        return number >= 1 && number <= subtypes.size() ? subtypes.get(number - 1) : null;
    }

    /** The type of this number, or null for a number Janus 1.1.2 does not send. */
    public static JanusEventType of(int code) {
        for (JanusEventType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /**
     * Parses a comma-separated list of names; null or blank means no filter (null).
     *
     * @param option the option's name, for the error
     * @param allowed the names allowed
     * @throws IllegalArgumentException naming the option and the unknown name
     */
    static Set<String> parse(String option, String text, String allowed) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> known = Arrays.asList(allowed.split(",", -1));
        Set<String> names = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "Option "
                                + option
                                + " has an invalid value '"
                                + text
                                + "' ('"
                                + name
                                + "' is unknown): expected a comma-separated list of "
                                + known);
            }
            names.add(name);
        }
        return names;
    }
}
