/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of a janus-admin: handleInfo reply the page shows: RTP bytes and packets Janus
 * received and sent on the handle's PeerConnection, summed over its media. Janus 1.1.2 keeps them
 * per medium, by mid: {@code info.webrtc.media.<mid>.stats.in} and {@code .out}, each with {@code
 * packets} and {@code bytes} (the DTLS counters beside them are left out).
 */
public final class HandleInfoStats {

    private HandleInfoStats() {}

    /**
     * {@code {"bytesReceived", "packetsReceived", "bytesSent", "packetsSent"}} from a handleInfo
     * reply body; zeros while the handle has no PeerConnection.
     */
    public static Map<String, Object> summary(Map<String, Object> handleInfo) {
        long bytesIn = 0;
        long packetsIn = 0;
        long bytesOut = 0;
        long packetsOut = 0;
        for (Object medium :
                map(map(map(handleInfo.get("info")).get("webrtc")).get("media")).values()) {
            Map<?, ?> stats = map(map(medium).get("stats"));
            bytesIn += number(map(stats.get("in")).get("bytes"));
            packetsIn += number(map(stats.get("in")).get("packets"));
            bytesOut += number(map(stats.get("out")).get("bytes"));
            packetsOut += number(map(stats.get("out")).get("packets"));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("bytesReceived", bytesIn);
        summary.put("packetsReceived", packetsIn);
        summary.put("bytesSent", bytesOut);
        summary.put("packetsSent", packetsOut);
        return summary;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
