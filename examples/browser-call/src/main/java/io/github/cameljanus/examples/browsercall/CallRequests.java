/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * What the page sends, checked, and the Janus plugin requests the routes make of it. Pure functions
 * of the exchange: one place for every JSON shape the application reads or writes.
 */
public final class CallRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallRequests() {}

    /** The page's JSEP ({@code {"jsep": {"type": "offer"|"answer", "sdp": ...}}}). */
    public static Map<String, Object> jsep(Exchange exchange) {
        Object jsep = page(exchange).get("jsep");
        if (!(jsep instanceof Map<?, ?> m)
                || !(m.get("type") instanceof String)
                || !(m.get("sdp") instanceof String)) {
            throw new BadRequestException("The body needs a jsep with a type and an sdp");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("type", m.get("type"));
        copy.put("sdp", m.get("sdp"));
        return copy;
    }

    /**
     * The page's ICE candidate as Janus's trickle takes it: {@code {candidate, sdpMid,
     * sdpMLineIndex}}, or {@code {"completed": true}} when the browser has gathered all.
     */
    public static Map<String, Object> candidate(Exchange exchange) {
        Map<String, Object> body = page(exchange);
        if (Boolean.TRUE.equals(body.get("completed"))) {
            return Map.of("completed", true);
        }
        if (!(body.get("candidate") instanceof String)) {
            throw new BadRequestException("The body needs a candidate (or completed: true)");
        }
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("candidate", body.get("candidate"));
        candidate.put("sdpMid", body.get("sdpMid"));
        candidate.put("sdpMLineIndex", body.get("sdpMLineIndex"));
        return candidate;
    }

    /** The publisher id a subscriber asks for ({@code {"feed": 123}}). */
    public static long feed(Exchange exchange) {
        if (page(exchange).get("feed") instanceof Number feed) {
            return feed.longValue();
        }
        throw new BadRequestException("The body needs a feed: the publisher id to subscribe to");
    }

    /** The EchoTest request: echo both media back. */
    public static Map<String, Object> echo() {
        return Map.of("audio", true, "video", true);
    }

    /** VideoRoom create of the {@code room} property's room; 427 (it exists) is fine. */
    public static Map<String, Object> createRoom(Exchange exchange) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("request", "create");
        create.put("room", exchange.getProperty("room", Long.class));
        create.put("description", "camel-janus browser call");
        create.put("publishers", 6);
        return create;
    }

    /** Fails unless the VideoRoom created the room or already had it (error 427). */
    public static void roomReady(Map<String, Object> reply) {
        Object error = reply.get("error_code");
        if (error != null && !(error instanceof Number n && n.intValue() == 427)) {
            throw new IllegalStateException("The VideoRoom refused to create the room: " + reply);
        }
    }

    /** Join the room as a publisher and publish the offer that goes with this message. */
    public static Map<String, Object> publish(Exchange exchange) {
        Object display = page(exchange).get("display");
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("request", "joinandconfigure");
        join.put("room", exchange.getProperty("room", Long.class));
        join.put("ptype", "publisher");
        join.put("display", display instanceof String s ? s : "browser");
        return join;
    }

    /** Join the room as a subscriber of the {@code feed} property's publisher. */
    public static Map<String, Object> subscribe(Exchange exchange) {
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("request", "join");
        join.put("room", exchange.getProperty("room", Long.class));
        join.put("ptype", "subscriber");
        join.put("streams", List.of(Map.of("feed", exchange.getProperty("feed", Long.class))));
        return join;
    }

    /** Start the subscription, with the page's answer as JSEP. */
    public static Map<String, Object> start() {
        return Map.of("request", "start");
    }

    /** The room of the path ({@code /rooms/{room}/...}), checked before anything is sent. */
    public static long room(Exchange exchange) {
        String room = exchange.getMessage().getHeader("room", String.class);
        try {
            return Long.parseLong(room);
        } catch (NumberFormatException e) {
            throw new BadRequestException("The room must be a number, got " + room);
        }
    }

    /** The page's JSON body, parsed once per exchange (kept as a property). */
    @SuppressWarnings("unchecked") // a JSON object always reads as Map<String, Object>
    private static Map<String, Object> page(Exchange exchange) {
        Map<String, Object> parsed = exchange.getProperty("pageBody", Map.class);
        if (parsed != null) {
            return parsed;
        }
        String text = exchange.getMessage().getBody(String.class);
        try {
            Object value =
                    text == null || text.isBlank() ? null : JSON.readValue(text, Object.class);
            if (!(value instanceof Map)) {
                throw new BadRequestException("The body must be a JSON object");
            }
            parsed = (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("The body is not JSON: " + e.getOriginalMessage());
        }
        exchange.setProperty("pageBody", parsed);
        return parsed;
    }

    /** The page sent something the application cannot use: the HTTP routes answer 400. */
    static final class BadRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequestException(String message) {
            super(message);
        }
    }
}
