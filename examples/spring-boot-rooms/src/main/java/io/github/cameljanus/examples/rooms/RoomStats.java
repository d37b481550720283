/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import io.github.cameljanus.JanusConstants;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Live participant counts of the rooms this application created, kept from the joining and leaving
 * events their monitors receive. Events are delivered on the connection's dispatch threads, so
 * everything here is thread-safe.
 */
@Component("roomStats")
public class RoomStats {

    /** What one room's monitor has seen. */
    static final class Room {
        final long room;
        final long monitorSession;
        final long monitorHandle;
        final long monitorId;
        final Instant since = Instant.now();
        final Set<Long> participants = ConcurrentHashMap.newKeySet();
        final AtomicLong joins = new AtomicLong();
        final AtomicLong leaves = new AtomicLong();

        Room(long room, long monitorSession, long monitorHandle, long monitorId) {
            this.room = room;
            this.monitorSession = monitorSession;
            this.monitorHandle = monitorHandle;
            this.monitorId = monitorId;
        }
    }

    /** A room's statistics, as GET /rooms/{id}/stats shows them. */
    public record Stats(
            long room, int participants, long joins, long leaves, Instant monitoredSince) {}

    private final Map<Long, Room> byRoom = new ConcurrentHashMap<>();
    private final Map<Long, Room> byMonitorHandle = new ConcurrentHashMap<>();

    /** Registers the monitor of a room from its join reply (body {@code joined}, id headers). */
    public void monitorJoined(@Body Map<String, Object> joined, Message message) {
        Room room =
                new Room(
                        ((Number) joined.get("room")).longValue(),
                        message.getHeader(JanusConstants.SESSION_ID, Long.class),
                        message.getHeader(JanusConstants.HANDLE_ID, Long.class),
                        ((Number) joined.get("id")).longValue());
        byRoom.put(room.room, room);
        byMonitorHandle.put(room.monitorHandle, room);
    }

    /**
     * Forgets a destroyed room; sets the monitor's session id header (to destroy it), or removes it
     * when the room had no monitor.
     */
    public void forget(@Header("room") long roomId, Message message) {
        Room room = byRoom.remove(roomId);
        message.removeHeader(JanusConstants.HANDLE_ID);
        if (room == null) {
            message.removeHeader(JanusConstants.SESSION_ID);
            return;
        }
        byMonitorHandle.remove(room.monitorHandle);
        message.setHeader(JanusConstants.SESSION_ID, room.monitorSession);
    }

    /** A plugin event: counts joining/leaving/kicked seen by a monitor; ignores the rest. */
    public void onEvent(
            @Body Map<String, Object> event, @Header(JanusConstants.HANDLE_ID) Long handle) {
        Room room = handle == null ? null : byMonitorHandle.get(handle);
        if (room == null) {
            return;
        }
        if (event.get("joining") instanceof Map<?, ?> joining
                && joining.get("id") instanceof Number id) {
            room.participants.add(id.longValue());
            room.joins.incrementAndGet();
        }
        Object gone = event.containsKey("leaving") ? event.get("leaving") : event.get("kicked");
        if (gone instanceof Number id && room.participants.remove(id.longValue())) {
            room.leaves.incrementAndGet();
        }
        if ("destroyed".equals(event.get("videoroom"))) {
            byRoom.remove(room.room);
            byMonitorHandle.remove(room.monitorHandle);
        }
    }

    /** The room's statistics, if this application monitors it. */
    public Optional<Stats> stats(long roomId) {
        Room room = byRoom.get(roomId);
        return room == null
                ? Optional.empty()
                : Optional.of(
                        new Stats(
                                room.room,
                                room.participants.size(),
                                room.joins.get(),
                                room.leaves.get(),
                                room.since));
    }

    /** The participant id of the room's monitor, or 0 when it has none. */
    public long monitorId(long roomId) {
        Room room = byRoom.get(roomId);
        return room == null ? 0 : room.monitorId;
    }
}
