/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.examples.monitor.MonitorState.Participant;
import io.github.cameljanus.examples.monitor.MonitorState.PeerConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state fed with events as janus-events delivers them (the {@code event} object of Janus
 * 1.1.2's envelope, the envelope's fields as headers): the PeerConnection and media stats events
 * need a browser, so they are only tested here.
 */
class MonitorStateTest {

    private static final long MICROS = 1_764_556_800_000_000L; // 2025-12-01T02:40:00Z

    private final MonitorState state = new MonitorState();

    @Test
    void aPeerConnectionIsUpFromWebrtcupToHangup() {
        state.connection("a", 11L, 21L, "alice-pc", MICROS, Map.of("connection", "webrtcup"));
        state.connection("a", 12L, 22L, null, MICROS, Map.of("connection", "webrtcup"));

        assertThat(state.summary().peerConnections())
                .containsExactly(
                        new PeerConnection(
                                "a", 11L, 21L, "alice-pc", "2025-12-01T02:40:00Z", List.of()),
                        new PeerConnection("a", 12L, 22L, null, "2025-12-01T02:40:00Z", List.of()));

        state.connection(
                "a",
                11L,
                21L,
                "alice-pc",
                MICROS,
                Map.of("connection", "hangup", "reason", "Janus API"));
        assertThat(state.summary().peerConnections())
                .extracting(PeerConnection::handle)
                .containsExactly(22L);
    }

    @Test
    void statsKeepTheLatestQualityOfEachStreamAndGoWithTheHangup() {
        state.connection("a", 11L, 21L, null, MICROS, Map.of("connection", "webrtcup"));
        state.stats("a", 11L, 21L, null, audio(100, 0, 3));
        state.stats("a", 11L, 21L, null, video("1", "video", 50, 1));
        state.stats("a", 11L, 21L, null, audio(300, 2, 7)); // replaces the first

        PeerConnection up = state.summary().peerConnections().get(0);
        assertThat(up.media())
                .containsExactly(
                        Map.of(
                                "mid", "0",
                                "media", "audio",
                                "packets-received", 300,
                                "lost", 2,
                                "lost-by-remote", 0,
                                "jitter-local", 7,
                                "jitter-remote", 1,
                                "rtt", 12,
                                "in-link-quality", 100),
                        Map.of("mid", "1", "media", "video", "packets-received", 50, "lost", 1));

        state.connection("a", 11L, 21L, null, MICROS, Map.of("connection", "hangup"));
        assertThat(state.summary().peerConnections()).isEmpty();
    }

    @Test
    void combinedStatsAListPerHandleAreEachStreamsAndTellAPeerConnectionIsUp() {
        // combine_media_stats: one event per handle, its event an array; no webrtcup seen before
        state.stats(
                "a",
                11L,
                21L,
                "late",
                List.of(
                        audio(10, 0, 0),
                        video("1", "video", 20, 0),
                        video("1", "video-sim1", 5, 0)));

        PeerConnection up = state.summary().peerConnections().get(0);
        assertThat(up.up()).isNull();
        assertThat(up.opaqueId()).isEqualTo("late");
        assertThat(up.media())
                .extracting(stream -> stream.get("media"))
                .containsExactly("audio", "video", "video-sim1");
    }

    @Test
    void videoRoomParticipantsJoinPublishUnpublishAndLeave() {
        videoRoom("a", "created", 1234, null, null);
        videoRoom("a", "joined", 1234, 7L, "alice");
        videoRoom("a", "joined", 1234, 8L, "bob");
        videoRoom("a", "published", 1234, 7L, "alice");
        assertThat(participants(0))
                .containsExactly(
                        new Participant(7L, "alice", true), new Participant(8L, "bob", false));

        videoRoom("a", "unpublished", 1234, 7L, null); // Janus sends no display: it is kept
        assertThat(participants(0)).first().isEqualTo(new Participant(7L, "alice", false));

        videoRoom("a", "updated", 1234, null, null); // a subscriber's: nobody joins
        videoRoom("a", "leaving", 1234, 7L, null);
        videoRoom("a", "kicked", 1234, 8L, null);
        assertThat(state.summary().rooms())
                .singleElement()
                .satisfies(
                        room -> {
                            assertThat(room.room()).isEqualTo(1234);
                            assertThat(room.participants()).isEmpty();
                        });

        videoRoom("a", "destroyed", 1234, null, null);
        assertThat(state.summary().rooms()).isEmpty();
    }

    @Test
    void roomsOfTwoJanusInstancesAreApartAndStringIdsWork() {
        videoRoom("a", "joined", 1234, 7L, "alice");
        videoRoom("b", "joined", 1234L, 7L, "carol");
        videoRoom("b", "joined", "lobby", "dave-1", "dave");

        assertThat(state.summary().rooms())
                .extracting(
                        room ->
                                room.emitter()
                                        + "/"
                                        + room.room()
                                        + "/"
                                        + room.participants().get(0).display())
                .containsExactly("a/1234/alice", "b/1234/carol", "b/lobby/dave");
    }

    @Test
    void aJanusThatStartsOrStopsIsForgottenAlone() {
        videoRoom("a", "joined", 1, 7L, null);
        videoRoom("b", "joined", 1, 7L, null);
        state.connection("a", 11L, 21L, null, MICROS, Map.of("connection", "webrtcup"));
        state.connection("b", 11L, 21L, null, MICROS, Map.of("connection", "webrtcup"));

        state.forget("a");

        assertThat(state.summary().rooms())
                .extracting(MonitorState.Room::emitter)
                .containsExactly("b");
        assertThat(state.summary().peerConnections())
                .extracting(PeerConnection::emitter)
                .containsExactly("b");
    }

    @Test
    void theSummaryLineIsOneJsonObject() throws Exception {
        videoRoom("a", "joined", 1234, 7L, "alice");
        state.connection("a", 11L, 21L, null, MICROS, Map.of("connection", "webrtcup"));
        state.stats("a", 11L, 21L, null, audio(100, 0, 3));

        String line = state.summaryLine();
        assertThat(line).doesNotContain("\n");
        JsonNode summary = new ObjectMapper().readTree(line);
        assertThat(summary.path("time").asText()).isNotBlank();
        JsonNode room = summary.path("rooms").path(0);
        assertThat(room.path("emitter").asText()).isEqualTo("a");
        assertThat(room.path("room").asLong()).isEqualTo(1234);
        assertThat(room.path("participants").path(0).path("display").asText()).isEqualTo("alice");
        JsonNode up = summary.path("peerConnections").path(0);
        assertThat(up.has("opaqueId")).isFalse(); // absent, not null
        assertThat(up.path("up").asText()).isEqualTo("2025-12-01T02:40:00Z");
        assertThat(up.path("media").path(0).path("jitter-local").asInt()).isEqualTo(3);
    }

    private List<Participant> participants(int room) {
        return state.summary().rooms().get(room).participants();
    }

    /**
     * Feeds a VideoRoom plugin event as Janus 1.1.2 sends it to event handlers: {@code
     * {"plugin":"janus.plugin.videoroom","data":{"event":...,"room":...,"id":...,"display":...}}},
     * without the fields given as null.
     */
    private void videoRoom(String emitter, String event, Object room, Object id, String display) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", event);
        data.put("room", room);
        if (id != null) {
            data.put("id", id);
        }
        if (display != null) {
            data.put("display", display);
        }
        state.videoRoom(emitter, Map.of("plugin", "janus.plugin.videoroom", "data", data));
    }

    /**
     * An audio stream's stats, with the fields of Janus 1.1.2's janus_ice_outgoing_stats_handle
     * (src/ice.c).
     */
    private static Map<String, Object> audio(int packets, int lost, int jitter) {
        return Map.ofEntries(
                Map.entry("mid", "0"),
                Map.entry("mindex", 0),
                Map.entry("media", "audio"),
                Map.entry("codec", "opus"),
                Map.entry("base", 48000),
                Map.entry("rtt", 12),
                Map.entry("lost", lost),
                Map.entry("lost-by-remote", 0),
                Map.entry("jitter-local", jitter),
                Map.entry("jitter-remote", 1),
                Map.entry("in-link-quality", 100),
                Map.entry("in-media-link-quality", 100),
                Map.entry("packets-received", packets),
                Map.entry("packets-sent", packets),
                Map.entry("bytes-received", packets * 100),
                Map.entry("bytes-sent", packets * 100));
    }

    private static Map<String, Object> video(String mid, String media, int packets, int lost) {
        return Map.of("mid", mid, "media", media, "packets-received", packets, "lost", lost);
    }
}
