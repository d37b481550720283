/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.testing.JanusServerExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Admin API is the same engine with another dialect: a client built with {@code adminApi}
 * speaks janus-admin-protocol with admin_secret, against a real Janus.
 */
class JanusAdminClientIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    private static JanusClient admin(String secret) {
        return JanusClient.connect(
                JanusClientConfig.builder()
                        .address(URI.create(JANUS.server().adminUrl()))
                        .adminApi(secret)
                        .build());
    }

    private static ObjectNode request(
            JanusClient admin, String verb, long session, long handle, ObjectNode parameters)
            throws Exception {
        return admin.adminRequest(verb, session, handle, parameters, RequestOptions.defaults())
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void theAdminClientSeesTheSessionsAndHandlesOfAJanusApiClient() throws Exception {
        try (JanusClient admin = admin(JANUS.server().adminSecret());
                JanusClient api =
                        JanusClient.connect(
                                JanusClientConfig.builder()
                                        .address(URI.create(JANUS.server().wsUrl()))
                                        .build())) {
            assertThat(admin.serverInfo().path("janus").asText()).isEqualTo("server_info");
            JanusSession session = api.createSession().get(10, TimeUnit.SECONDS);
            JanusHandle handle =
                    session.attach("janus.plugin.echotest", "admin-it").get(10, TimeUnit.SECONDS);

            ObjectNode sessions = request(admin, "list_sessions", 0, 0, null);
            assertThat(ids(sessions.path("sessions"))).contains(session.id());
            ObjectNode handles = request(admin, "list_handles", session.id(), 0, null);
            assertThat(ids(handles.path("handles"))).containsExactly(handle.id());
            ObjectNode info = request(admin, "handle_info", session.id(), handle.id(), null);
            assertThat(info.path("info").path("plugin").asText())
                    .isEqualTo("janus.plugin.echotest");
            assertThat(info.path("info").path("opaque_id").asText()).isEqualTo("admin-it");

            ObjectNode level = Frames.MAPPER.createObjectNode().put("level", 4);
            assertThat(request(admin, "set_log_level", 0, 0, level).path("level").asInt())
                    .isEqualTo(4);
            assertThat(admin.sessions()).isEmpty(); // an Admin API client owns no session
        }
    }

    @Test
    void aWrongSecretFailsWith403AndAJanusApiClientCannotSendAdminRequests() throws Exception {
        try (JanusClient admin = admin("not-the-secret")) {
            assertThatThrownBy(() -> request(admin, "list_sessions", 0, 0, null))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(JanusException.class)
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(403));
        }
        try (JanusClient api =
                JanusClient.connect(
                        JanusClientConfig.builder()
                                .address(URI.create(JANUS.server().wsUrl()))
                                .build())) {
            assertThatThrownBy(() -> request(api, "list_sessions", 0, 0, null))
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Admin API");
        }
    }

    @Test
    void catalogueOperationsCheckWhatTheyNeedAndRun() throws Exception {
        try (JanusClient admin = admin(JANUS.server().adminSecret())) {
            for (JanusAdminOperation operation :
                    List.of(
                            JanusAdminOperation.info,
                            JanusAdminOperation.ping,
                            JanusAdminOperation.getStatus,
                            JanusAdminOperation.listSessions,
                            JanusAdminOperation.loopsInfo)) {
                assertThat(operation(admin, operation, 0, 0, null).path("janus").asText())
                        .as(operation.name())
                        .isIn("success", "server_info", "pong");
            }
            ObjectNode status = operation(admin, JanusAdminOperation.getStatus, 7, 9, null);
            assertThat(status.path("status").has("log_level")).isTrue(); // ids dropped: global

            ObjectNode list = Frames.MAPPER.createObjectNode();
            list.put("plugin", "janus.plugin.videoroom");
            list.putObject("request").put("request", "list");
            assertThat(
                            operation(admin, JanusAdminOperation.messagePlugin, 0, 0, list)
                                    .path("response")
                                    .path("videoroom")
                                    .asText())
                    .isEqualTo("success");

            assertThatThrownBy(() -> operation(admin, JanusAdminOperation.setLogLevel, 0, 0, null))
                    .cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'level'");
            assertThatThrownBy(() -> operation(admin, JanusAdminOperation.handleInfo, 1, 0, null))
                    .cause()
                    .hasMessageContaining("handle id");
            // token_auth is off in this Janus: its token requests answer 490
            assertThatThrownBy(() -> operation(admin, JanusAdminOperation.listTokens, 0, 0, null))
                    .cause()
                    .isInstanceOf(JanusException.class)
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(490));
        }
    }

    private static ObjectNode operation(
            JanusClient admin,
            JanusAdminOperation operation,
            long session,
            long handle,
            ObjectNode parameters)
            throws Exception {
        return admin.adminRequest(operation, session, handle, parameters, RequestOptions.defaults())
                .get(10, TimeUnit.SECONDS);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }
}
