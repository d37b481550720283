/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.events.JanusEventsConstants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * What the monitor knows, live, about every Janus that pushes to it: who is in each VideoRoom,
 * which PeerConnections are up, and their latest media quality. The events route writes it (one
 * event at a time, on the janus-events consumer's thread) while the summary timer reads it on
 * another thread, hence every method is synchronized. Bound in the registry as {@code monitor}.
 *
 * <p>Every key carries the emitter (the server_name of the Janus that sent the event): room and
 * handle ids are only unique within one Janus, and several can push to one monitor.
 */
public class MonitorState {

    /** The fields of a media stats event the summary keeps, under Janus's own names. */
    static final List<String> QUALITY =
            List.of(
                    "packets-received",
                    "lost",
                    "lost-by-remote",
                    "jitter-local",
                    "jitter-remote",
                    "rtt",
                    "in-link-quality");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<RoomKey, RoomEntry> rooms = new LinkedHashMap<>();
    private final Map<HandleKey, ConnectionEntry> connections = new LinkedHashMap<>();

    /** A room as the summary shows it. */
    public record Room(String emitter, Object room, List<Participant> participants) {}

    /** A publisher in a room; {@code publishing} while it sends media. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(Object id, String display, boolean publishing) {}

    /**
     * A PeerConnection that is up; {@code up} is when Janus said so (absent when the monitor only
     * saw its stats), {@code media} the latest stats of each of its streams.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeerConnection(
            String emitter,
            Long session,
            long handle,
            String opaqueId,
            String up,
            List<Map<String, Object>> media) {}

    /** One summary line. */
    public record Summary(String time, List<Room> rooms, List<PeerConnection> peerConnections) {}

    private record RoomKey(String emitter, String room) {}

    private record HandleKey(String emitter, long handle) {}

    private static final class RoomEntry {
        final Object room;
        final Map<String, Participant> participants = new LinkedHashMap<>();

        RoomEntry(Object room) {
            this.room = room;
        }
    }

    private static final class ConnectionEntry {
        final Long session;
        final String opaqueId;
        final String up;
        final Map<String, Map<String, Object>> media = new LinkedHashMap<>();

        ConnectionEntry(Long session, String opaqueId, String up) {
            this.session = session;
            this.opaqueId = opaqueId;
            this.up = up;
        }
    }

    /**
     * A VideoRoom plugin event: {@code {"plugin":"janus.plugin.videoroom","data":{"event":...,
     * "room":...,"id":...}}}. Janus sends {@code leaving}, {@code kicked} and {@code unpublished}
     * without a session or handle, so participants are known by room and participant id. A room
     * created before the monitor started appears with its first participant event.
     */
    public synchronized void videoRoom(
            @Header(JanusEventsConstants.EMITTER) String emitter, @Body Map<String, Object> event) {
        if (!(event.get("data") instanceof Map<?, ?> data) || data.get("room") == null) {
            return;
        }
        Object room = data.get("room");
        RoomKey key = new RoomKey(emitter, room.toString());
        Object id = data.get("id");
        switch (String.valueOf(data.get("event"))) {
            case "created" -> rooms.computeIfAbsent(key, k -> new RoomEntry(room));
            case "destroyed" -> rooms.remove(key);
            // "updated" without an id is a subscriber's renegotiation, not a publisher's
            case "joined", "published", "updated", "unpublished" -> {
                if (id != null) {
                    Map<String, Participant> participants =
                            rooms.computeIfAbsent(key, k -> new RoomEntry(room)).participants;
                    Participant before = participants.get(id.toString());
                    String display =
                            data.get("display") instanceof String given
                                    ? given
                                    : before == null ? null : before.display();
                    boolean publishing =
                            "published".equals(data.get("event"))
                                    || "updated".equals(data.get("event"));
                    participants.put(id.toString(), new Participant(id, display, publishing));
                }
            }
            case "leaving", "kicked" -> {
                RoomEntry entry = rooms.get(key);
                if (entry != null && id != null) {
                    entry.participants.remove(id.toString());
                }
            }
            default -> {
                // talking, configured, subscribing, rtp forwarders...: not what the summary shows
            }
        }
    }

    /**
     * A WebRTC {@code connection} event: {@code {"connection":"webrtcup"}} when a handle's
     * PeerConnection is up, {@code {"connection":"hangup","reason":...}} when it is gone (with its
     * stats).
     */
    public synchronized void connection(
            @Header(JanusEventsConstants.EMITTER) String emitter,
            @Header(JanusEventsConstants.SESSION_ID) Long session,
            @Header(JanusEventsConstants.HANDLE_ID) long handle,
            @Header(JanusEventsConstants.OPAQUE_ID) String opaqueId,
            @Header(JanusEventsConstants.TIMESTAMP) Long timestamp,
            @Body Map<String, Object> event) {
        HandleKey key = new HandleKey(emitter, handle);
        Object state = event.get("connection");
        if ("webrtcup".equals(state)) {
            String up =
                    timestamp == null
                            ? null
                            : Instant.EPOCH.plus(timestamp, ChronoUnit.MICROS).toString();
            connections.put(key, new ConnectionEntry(session, opaqueId, up));
        } else if ("hangup".equals(state)) {
            connections.remove(key);
        }
    }

    /**
     * A media {@code stats} event: one stream's stats (a Map), or all of a handle's at once (a
     * List, with {@code combine_media_stats}). Janus only sends them while the PeerConnection is
     * up, so they also make it known when its {@code webrtcup} came before the monitor started.
     */
    public synchronized void stats(
            @Header(JanusEventsConstants.EMITTER) String emitter,
            @Header(JanusEventsConstants.SESSION_ID) Long session,
            @Header(JanusEventsConstants.HANDLE_ID) long handle,
            @Header(JanusEventsConstants.OPAQUE_ID) String opaqueId,
            @Body Object stats) {
        ConnectionEntry connection =
                connections.computeIfAbsent(
                        new HandleKey(emitter, handle),
                        k -> new ConnectionEntry(session, opaqueId, null));
        for (Object one : stats instanceof List<?> list ? list : List.of(stats)) {
            if (one instanceof Map<?, ?> stream) {
                Map<String, Object> quality = new LinkedHashMap<>();
                quality.put("mid", stream.get("mid"));
                quality.put("media", stream.get("media"));
                for (String field : QUALITY) {
                    if (stream.containsKey(field)) {
                        quality.put(field, stream.get(field));
                    }
                }
                // a simulcast stream has one entry per layer: video, video-sim1, video-sim2
                connection.media.put(
                        stream.get("mid") + "/" + stream.get("media"),
                        Collections.unmodifiableMap(quality));
            }
        }
    }

    /**
     * A core {@code startup} or {@code shutdown} event: that Janus's rooms, participants and
     * PeerConnections are gone (a restarted Janus starts empty), so the monitor forgets them too.
     */
    public synchronized void forget(@Header(JanusEventsConstants.EMITTER) String emitter) {
        rooms.keySet().removeIf(key -> Objects.equals(key.emitter(), emitter));
        connections.keySet().removeIf(key -> Objects.equals(key.emitter(), emitter));
    }

    /** What the monitor knows now, a copy. */
    public synchronized Summary summary() {
        List<Room> roomList = new ArrayList<>();
        rooms.forEach(
                (key, entry) ->
                        roomList.add(
                                new Room(
                                        key.emitter(),
                                        entry.room,
                                        List.copyOf(entry.participants.values()))));
        List<PeerConnection> connectionList = new ArrayList<>();
        connections.forEach(
                (key, entry) ->
                        connectionList.add(
                                new PeerConnection(
                                        key.emitter(),
                                        entry.session,
                                        key.handle(),
                                        entry.opaqueId,
                                        entry.up,
                                        List.copyOf(entry.media.values()))));
        return new Summary(Instant.now().toString(), roomList, connectionList);
    }

    /** The summary as the one JSON line the timer prints. */
    public String summaryLine() throws JsonProcessingException {
        return JSON.writeValueAsString(summary());
    }
}
