/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JanusConfigTest {

    private static final Path DIR = Path.of("/tmp/janus-123");
    private static final Path LIB = Path.of("/usr/lib/x86_64-linux-gnu/janus");

    private static JanusConfig config(
            String apiSecret, boolean tokenAuth, boolean wss, String evh, String json) {
        return new JanusConfig(
                DIR,
                LIB,
                Map.of(
                        "janus.plugin.streaming.jcfg", "rtp-sample: { audioport = 5002 }\n",
                        "janus.plugin.echotest.jcfg", "general: {\n}\n"),
                Map.of("janus.plugin.videoroom", "general: {\n}\nroom-1: {\n}\n"),
                "test-janus",
                "adm\"in",
                apiSecret,
                tokenAuth,
                30,
                8,
                40001,
                40002,
                12000,
                12019,
                wss,
                wss ? DIR.resolve("cert.pem") : null,
                wss ? DIR.resolve("key.pem") : null,
                evh,
                json,
                null,
                false,
                JanusConfig.EventHandlerSettings.DEFAULT,
                "127.0.0.1",
                null);
    }

    @Test
    void inANamespaceJanusListensOnItsAddressAndGathersOnItsVethOnly() {
        JanusConfig base = config(null, false, false, null, null);
        JanusConfig inside =
                new JanusConfig(
                        base.dir(),
                        base.libDir(),
                        base.stockPluginConfigs(),
                        base.pluginOverrides(),
                        base.serverName(),
                        base.adminSecret(),
                        null,
                        false,
                        30,
                        8,
                        40001,
                        40002,
                        12000,
                        12019,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        JanusConfig.EventHandlerSettings.DEFAULT,
                        "10.231.5.2",
                        "janus0");
        assertThat(inside.mainConfig())
                .contains("interface = \"10.231.5.2\"")
                .contains("ice_enforce_list = \"janus0\"")
                .doesNotContain("127.0.0.1");
        assertThat(inside.websocketsConfig())
                .contains("ws_ip = \"10.231.5.2\"")
                .contains("admin_ws_ip = \"10.231.5.2\"")
                .doesNotContain("127.0.0.1");
        assertThat(base.mainConfig()).doesNotContain("ice_enforce_list");
    }

    @Test
    void mainConfigPointsAtItsOwnFolderAndTheInstalledModules() {
        String main = config(null, false, false, null, null).mainConfig();
        assertThat(main)
                .contains("configs_folder = \"/tmp/janus-123\"")
                .contains("plugins_folder = \"" + LIB.resolve("plugins") + "\"")
                .contains("transports_folder = \"" + LIB.resolve("transports") + "\"")
                .contains("events_folder = \"" + LIB.resolve("events") + "\"")
                .contains("loggers_folder = \"" + LIB.resolve("loggers") + "\"")
                .contains("log_to_file = \"/tmp/janus-123/janus.log\"")
                .contains("interface = \"127.0.0.1\"")
                .contains("server_name = \"test-janus\"")
                .contains("debug_colors = false")
                .contains("session_timeout = 30")
                .contains("reclaim_session_timeout = 8")
                .contains("admin_secret = \"adm\\\"in\"")
                .contains("rtp_port_range = \"12000-12019\"")
                .contains(
                        "disable = \"libjanus_http.so,libjanus_mqtt.so,libjanus_nanomsg.so,"
                                + "libjanus_pfunix.so,libjanus_rabbitmq.so\"")
                .contains("disable = \"libjanus_jsonlog.so\"")
                .contains("broadcast = false")
                .contains("libjanus_wsevh.so")
                .doesNotContain("api_secret")
                .doesNotContain("token_auth")
                .doesNotContain("/etc/janus");
    }

    @Test
    void secretsAndTokensAppearOnlyWhenAsked() {
        String main = config("s3", true, false, null, null).mainConfig();
        assertThat(main).contains("api_secret = \"s3\"").contains("token_auth = true");
    }

    @Test
    void websocketsBindLoopbackOnlyAndKeepJanusJsonDefault() {
        String ws = config(null, false, false, null, null).websocketsConfig();
        assertThat(ws)
                .contains("ws = true")
                .contains("ws_ip = \"127.0.0.1\"")
                .contains("ws_port = 40001")
                .contains("wss = false")
                .contains("admin_ws = true")
                .contains("admin_ws_ip = \"127.0.0.1\"")
                .contains("admin_ws_port = 40002")
                .doesNotContain("json =");
        assertThat(config(null, false, false, null, "compact").websocketsConfig())
                .contains("json = \"compact\"");
    }

    @Test
    void wssUsesTheGeneratedCertificateOnTheApiPort() {
        String ws = config(null, false, true, null, null).websocketsConfig();
        assertThat(ws)
                .contains("ws = false")
                .contains("wss = true")
                .contains("wss_ip = \"127.0.0.1\"")
                .contains("wss_port = 40001")
                .contains("cert_pem = \"/tmp/janus-123/cert.pem\"")
                .contains("cert_key = \"/tmp/janus-123/key.pem\"");
    }

    @Test
    void pluginConfigsAreSanitisedAndOverridable() {
        Map<String, String> files = config(null, false, false, null, null).files();
        assertThat(files.get("janus.plugin.streaming.jcfg")).doesNotContain("rtp-sample");
        assertThat(files.get("janus.plugin.sip.jcfg")).contains("local_ip = \"127.0.0.1\"");
        assertThat(files.get("janus.plugin.nosip.jcfg")).contains("local_ip = \"127.0.0.1\"");
        assertThat(files.get("janus.plugin.echotest.jcfg")).isEqualTo("general: {\n}\n");
        assertThat(files.get("janus.plugin.videoroom.jcfg")).contains("room-1");
        assertThat(files).doesNotContainKey("janus.eventhandler.wsevh.jcfg");
    }

    @Test
    void eventHandlerBackendEnablesWsevhOnly() {
        JanusConfig c = config(null, false, false, "ws://127.0.0.1:9/evh", null);
        assertThat(c.mainConfig())
                .contains("broadcast = true")
                .doesNotContain("libjanus_wsevh.so")
                .contains("libjanus_sampleevh.so");
        assertThat(c.files().get("janus.eventhandler.wsevh.jcfg"))
                .contains("enabled = true")
                .contains("events = \"all\"")
                .contains("grouping = false")
                .contains("backend = \"ws://127.0.0.1:9/evh\"");
    }

    @Test
    void controlCharactersCannotBreakOutOfAValue() {
        assertThatThrownBy(() -> config("a\nb = 1", false, false, null, null).mainConfig())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
