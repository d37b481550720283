/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One browser's PeerConnection with Janus, as the application knows it: the Janus session and
 * handle that carry it, and its live state as Janus reports it (events from the janus: consumer,
 * the selected ICE pair and media stats from janus-events:). Guarded by its own monitor: events of
 * one call arrive on the janus: and janus-events: threads at once.
 */
final class Call {

    /** What the call does: an EchoTest, or a VideoRoom publisher or subscriber. */
    enum Mode {
        ECHO,
        PUBLISHER,
        SUBSCRIBER
    }

    private final String id;
    private final Mode mode;
    private final long sessionId;
    private final long handleId;
    private final List<String> events = new ArrayList<>();
    private final Map<String, Boolean> receiving = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> stats = new LinkedHashMap<>();
    private Long feed;
    private String selectedPair;
    private String lastSlowLink;
    private int statsEvents;
    private boolean ended;

    Call(String id, Mode mode, long sessionId, long handleId) {
        this.id = id;
        this.mode = mode;
        this.sessionId = sessionId;
        this.handleId = handleId;
    }

    String id() {
        return id;
    }

    long sessionId() {
        return sessionId;
    }

    long handleId() {
        return handleId;
    }

    Mode mode() {
        return mode;
    }

    synchronized void feed(long publisherId) {
        this.feed = publisherId;
    }

    /** A Janus API event of the call's handle: webrtcup, media, slowlink or hangup. */
    synchronized void janusEvent(String type, Map<?, ?> event) {
        events.add(type);
        switch (type) {
            case "media" ->
                    receiving.put(
                            String.valueOf(event.get("type")),
                            Boolean.TRUE.equals(event.get("receiving")));
            case "slowlink" ->
                    lastSlowLink =
                            (Boolean.TRUE.equals(event.get("uplink")) ? "uplink" : "downlink")
                                    + " lost "
                                    + event.get("lost");
            case "hangup" -> ended = true;
            default -> {
                // webrtcup: the type is the news
            }
        }
    }

    synchronized void selectedPair(String pair) {
        events.add("selected-pair");
        this.selectedPair = pair;
    }

    /** A media stats event of janus-events (one medium: audio or video). */
    synchronized void stats(Map<?, ?> event) {
        statsEvents++;
        Map<String, Object> s = new LinkedHashMap<>();
        Object bytesLastSecond = event.get("bytes-received-lastsec");
        s.put(
                "bitrateIn",
                bytesLastSecond instanceof Number n ? n.longValue() * 8 : bytesLastSecond);
        s.put("packetsReceived", event.get("packets-received"));
        Object sentLastSecond = event.get("bytes-sent-lastsec");
        s.put(
                "bitrateOut",
                sentLastSecond instanceof Number n ? n.longValue() * 8 : sentLastSecond);
        s.put("packetsSent", event.get("packets-sent"));
        s.put("packetsLost", event.get("lost"));
        s.put("rtt", event.get("rtt"));
        stats.put(String.valueOf(event.get("media")), s);
    }

    synchronized void end() {
        ended = true;
    }

    /** The state the page shows and the test reads, as a JSON-ready map. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        if (feed != null) {
            m.put("feed", feed);
        }
        m.put("events", List.copyOf(events));
        m.put("receiving", new LinkedHashMap<>(receiving));
        m.put("selectedPair", selectedPair);
        m.put("slowlink", lastSlowLink);
        m.put("statsEvents", statsEvents);
        Map<String, Object> copy = new LinkedHashMap<>();
        stats.forEach((medium, s) -> copy.put(medium, new LinkedHashMap<>(s)));
        m.put("stats", copy);
        m.put("ended", ended);
        return m;
    }
}
