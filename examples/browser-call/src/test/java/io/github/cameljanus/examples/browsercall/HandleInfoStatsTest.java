/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandleInfoStatsTest {

    /** The shape of Janus 1.1.2's handle_info during an EchoTest call, trimmed. */
    private static final String ECHO_CALL =
            """
            {"session_id": 1, "handle_id": 2, "info": {"plugin": "janus.plugin.echotest",
              "webrtc": {
                "dtls": {"stats": {"in": {"packets": 2, "bytes": 742},
                                   "out": {"packets": 2, "bytes": 784}}},
                "media": {
                  "0": {"type": "audio", "stats": {
                    "in": {"packets": 69, "bytes": 5106, "bytes_lastsec": 3703},
                    "out": {"packets": 68, "bytes": 4830, "bytes_lastsec": 3499, "nacks": 0}}},
                  "1": {"type": "video", "stats": {
                    "in": {"packets": 100, "bytes": 90000, "bytes_lastsec": 40000},
                    "out": {"packets": 99, "bytes": 89000, "bytes_lastsec": 39000}}}}}}}
            """;

    @Test
    void sumsTheRtpCountersOfEveryMediumAndLeavesDtlsOut() throws Exception {
        @SuppressWarnings("unchecked") // a JSON object reads as Map<String, Object>
        Map<String, Object> info = new ObjectMapper().readValue(ECHO_CALL, Map.class);
        assertThat(HandleInfoStats.summary(info))
                .containsEntry("bytesReceived", 95106L)
                .containsEntry("packetsReceived", 169L)
                .containsEntry("bytesSent", 93830L)
                .containsEntry("packetsSent", 167L);
    }

    @Test
    void aHandleWithoutPeerConnectionCountsZero() {
        assertThat(HandleInfoStats.summary(Map.of("info", Map.of("plugin", "x"))))
                .containsEntry("bytesReceived", 0L)
                .containsEntry("bytesSent", 0L);
    }
}
