/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameljanus.client.engine.Frames;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is Janus 1.1.2's Admin API: the request names of janus.c, as listed in the protocol
 * reference (its section 8), each once.
 */
class JanusAdminOperationTest {

    /** The Admin requests of Janus 1.1.2 (janus.c, janus_admin_handler). */
    private static final List<String> JANUS_1_1_2 =
            List.of(
                    "info",
                    "ping",
                    "get_status",
                    "set_session_timeout",
                    "set_log_level",
                    "set_log_timestamps",
                    "set_log_colors",
                    "set_locking_debug",
                    "set_refcount_debug",
                    "set_libnice_debug",
                    "set_min_nack_queue",
                    "set_nack_optimizations",
                    "set_no_media_timer",
                    "set_slowlink_threshold",
                    "accept_new_sessions",
                    "message_plugin",
                    "query_transport",
                    "query_eventhandler",
                    "query_logger",
                    "custom_event",
                    "custom_logline",
                    "list_sessions",
                    "add_token",
                    "allow_token",
                    "disallow_token",
                    "list_tokens",
                    "remove_token",
                    "resolve_address",
                    "test_stun",
                    "loops_info",
                    "destroy_session",
                    "list_handles",
                    "handle_info",
                    "start_pcap",
                    "stop_pcap",
                    "start_text2pcap",
                    "stop_text2pcap",
                    "hangup_webrtc",
                    "detach_handle");

    @Test
    void everyAdminRequestOfJanusHasOneOperation() {
        assertThat(Arrays.stream(JanusAdminOperation.values()).map(JanusAdminOperation::verb))
                .containsExactlyInAnyOrderElementsOf(JANUS_1_1_2);
    }

    @Test
    void scopesAndParametersFollowTheReference() {
        assertThat(JanusAdminOperation.messagePlugin.scope())
                .isEqualTo(JanusAdminOperation.Scope.GLOBAL);
        // janus.c requires the plugin; request is optional (an empty response without it)
        assertThat(JanusAdminOperation.messagePlugin.required()).containsExactly("plugin");
        assertThat(JanusAdminOperation.handleInfo.scope())
                .isEqualTo(JanusAdminOperation.Scope.HANDLE);
        assertThat(JanusAdminOperation.listHandles.scope())
                .isEqualTo(JanusAdminOperation.Scope.SESSION);
        assertThat(JanusAdminOperation.setSessionTimeout.scope())
                .isEqualTo(JanusAdminOperation.Scope.GLOBAL_OR_SESSION);
        assertThat(JanusAdminOperation.startText2pcap.verb()).isEqualTo("start_text2pcap");
    }

    @Test
    void everyExampleIsAJsonObjectNamingEveryRequiredParameter() throws Exception {
        for (JanusAdminOperation operation : JanusAdminOperation.values()) {
            if (operation.example() == null) {
                assertThat(operation.required()).as(operation.name()).isEmpty();
                continue;
            }
            JsonNode example = Frames.MAPPER.readTree(operation.example());
            assertThat(example.isObject()).as(operation.name()).isTrue();
            for (String parameter : operation.required()) {
                assertThat(example.has(parameter)).as(operation + " " + parameter).isTrue();
            }
        }
    }
}
