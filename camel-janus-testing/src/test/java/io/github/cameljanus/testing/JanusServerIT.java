/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JanusServerIT {

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(
                    JanusServer.builder()
                            .pluginConfig(
                                    "janus.plugin.videoroom",
                                    "general: {\n}\nroom-4321: {\n\tdescription = \"Mine\"\n}\n"));

    @Test
    void answersInfoWithVersionAndPlugins() throws Exception {
        JanusServer janus = JANUS.server();
        assertThat(janus.wsUrl()).isEqualTo("ws://127.0.0.1:" + janus.apiPort());
        try (TestSocket ws = TestSocket.janusApi(janus)) {
            Map<String, Object> info = ws.request("{\"janus\":\"info\"}");
            assertThat(info)
                    .containsEntry("janus", "server_info")
                    .containsEntry("version", 1102L)
                    .containsEntry("version_string", "1.1.2");
            assertThat(TestSocket.map(info.get("plugins")))
                    .containsKeys("janus.plugin.echotest", "janus.plugin.videoroom");
        }
    }

    @Test
    void adminPortAnswersPingAndListsSessions() throws Exception {
        JanusServer janus = JANUS.server();
        try (TestSocket admin =
                TestSocket.connect(janus.adminUrl(), "janus-admin-protocol", null)) {
            assertThat(admin.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");
        }
        try (TestSocket ws = TestSocket.janusApi(janus)) {
            Map<String, Object> created = ws.request("{\"janus\":\"create\"}");
            long id = ((Number) TestSocket.map(created.get("data")).get("id")).longValue();
            assertThat(janus.listSessions()).contains(id);
        }
    }

    @Test
    void appliesPluginConfigOverrides() {
        String reply =
                JANUS.server()
                        .adminRequest(
                                "{\"janus\":\"message_plugin\",\"plugin\":\"janus.plugin.videoroom\","
                                        + "\"request\":{\"request\":\"exists\",\"room\":4321}}");
        Map<String, Object> response = TestSocket.map(Json.parseObject(reply).get("response"));
        assertThat(response).containsEntry("exists", true);
    }

    @Test
    void writesItsConfigAndLogOutsideEtc() throws Exception {
        JanusServer janus = JANUS.server();
        assertThat(janus.configDir()).isNotEqualTo(java.nio.file.Path.of("/etc/janus"));
        assertThat(Files.readString(janus.configDir().resolve("janus.jcfg")))
                .contains("configs_folder = \"" + janus.configDir() + "\"");
        assertThat(janus.logFile()).exists();
        assertThat(Files.readString(janus.configDir().resolve("janus.plugin.streaming.jcfg")))
                .doesNotContain("rtp-sample");
    }
}
