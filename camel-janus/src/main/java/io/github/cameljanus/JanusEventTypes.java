/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import io.github.cameljanus.client.JanusEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/** The event types a consumer can filter on, and the parser of the eventTypes option. */
final class JanusEventTypes {

    /** The consumer's own event: the connection to Janus is up (again). */
    static final String CONNECTED = "connected";

    /** The consumer's own event: the connection to Janus was lost. */
    static final String CONNECTION_LOST = "connectionLost";

    /** The consumer's own event: a session was lost (not claimable, timed out, or 458). */
    static final String SESSION_LOST = JanusEvent.SESSION_LOST;

    /**
     * The consumer's own event: its managed session and handle were created, the first time or
     * again after a loss (a Janus restart, a timeout): the hook for plugin state to set up again.
     */
    static final String MANAGED_HANDLE_CREATED = "managedHandleCreated";

    /**
     * Every type, as the {@code eventTypes} option's allowed values in the component metadata (an
     * annotation takes only a constant, hence one string).
     */
    static final String ALL =
            "event,webrtcup,media,slowlink,hangup,detached,timeout,trickle,"
                    + CONNECTED
                    + ","
                    + CONNECTION_LOST
                    + ","
                    + SESSION_LOST
                    + ","
                    + MANAGED_HANDLE_CREATED;

    static final Set<String> KNOWN = Set.of(ALL.split(","));

    private JanusEventTypes() {}

    /**
     * The set named by a comma-separated list, or null for all types when the list is empty.
     *
     * @throws IllegalArgumentException naming an unknown type
     */
    static Set<String> parse(String eventTypes) {
        if (eventTypes == null || eventTypes.isBlank()) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String part : eventTypes.split(",", -1)) {
            String type = part.trim();
            if (!KNOWN.contains(type)) {
                throw new IllegalArgumentException(
                        "Unknown event type '"
                                + type
                                + "' in option eventTypes="
                                + eventTypes
                                + "; known types: "
                                + String.join(", ", new java.util.TreeSet<>(KNOWN)));
            }
            types.add(type);
        }
        return Set.copyOf(types);
    }
}
