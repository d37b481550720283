/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.JanusConstants;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** Turns a VideoRoom event into one JSON line: time, event name, room, and the event itself. */
public final class EventLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_A_NAME = Set.of("videoroom", "room", "description");

    private EventLines() {}

    /**
     * The line for one event, e.g. {@code {"time":"...","event":"joining","room":1234,
     * "data":{"videoroom":"event","room":1234,"joining":{"id":...,"display":"alice"}}}}.
     */
    public static String toLine(
            @Body Map<String, Object> event, @Header(JanusConstants.EVENT_TYPE) String type)
            throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("event", name(event, type));
        line.put("room", event.get("room"));
        line.put("data", event);
        return JSON.writeValueAsString(line);
    }

    /**
     * The event's name: for {@code "videoroom":"event"} the key that says what happened ({@code
     * joining}, {@code leaving}, {@code publishers}, {@code unpublished}, ...), otherwise the
     * {@code videoroom} value ({@code destroyed}, {@code talking}, ...), else the Janus type.
     */
    static String name(Map<String, Object> event, String type) {
        Object videoroom = event.get("videoroom");
        if ("event".equals(videoroom)) {
            for (String key : event.keySet()) {
                if (!NOT_A_NAME.contains(key)) {
                    return key;
                }
            }
        }
        return videoroom != null ? videoroom.toString() : type;
    }
}
