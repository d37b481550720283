/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the configuration files of one throwaway Janus. Pure string work, so it can be unit
 * tested without a Janus.
 *
 * @param dir the instance's own config folder (also where the log goes)
 * @param libDir the install's module folder holding {@code plugins}, {@code transports}, ...
 * @param stockPluginConfigs the distribution's {@code janus.plugin.*.jcfg} files (name to text)
 * @param pluginOverrides configs given through the builder (name without {@code .jcfg} to text)
 * @param apiSecret {@code null} for none
 * @param eventBackend {@code null} to leave the WebSockets event handler off
 * @param json {@code null} to keep Janus's default formatting
 * @param certPem {@code null} unless wss
 * @param keyPem {@code null} unless wss
 * @param sampleBackend the HTTP event handler's backend URL, {@code null} to leave it off
 * @param jsonLogger true to run the JSON logger, writing {@link #JSON_LOG_FILE} in {@code dir}
 * @param handlers how the event handlers push (when one is on)
 * @param bindAddress where the API and Admin API listen: 127.0.0.1, or the inner address of a
 *     {@link NetworkNamespace} Janus runs in
 * @param iceInterface the only interface Janus gathers ICE candidates on ({@code
 *     ice_enforce_list}), {@code null} for Janus's own choice (every non-loopback one)
 */
record JanusConfig(
        Path dir,
        Path libDir,
        Map<String, String> stockPluginConfigs,
        Map<String, String> pluginOverrides,
        String serverName,
        String adminSecret,
        String apiSecret,
        boolean tokenAuth,
        int sessionTimeout,
        int reclaimSessionTimeout,
        int apiPort,
        int adminPort,
        int rtpPortMin,
        int rtpPortMax,
        boolean wss,
        Path certPem,
        Path keyPem,
        String eventBackend,
        String json,
        String sampleBackend,
        boolean jsonLogger,
        EventHandlerSettings handlers,
        String bindAddress,
        String iceInterface) {

    /**
     * How the event handlers push: which events ({@code events}: all, none, or a list such as
     * sessions,handles), grouped in arrays or one per message, gzip (HTTP), how often media stats
     * come (seconds, 0 for Janus's default) and whether a handle's stats are combined in one event.
     */
    record EventHandlerSettings(
            String events,
            boolean grouping,
            boolean compress,
            int statsPeriod,
            boolean combineMediaStats) {

        static final EventHandlerSettings DEFAULT =
                new EventHandlerSettings("all", false, false, 0, false);
    }

    static final String DISABLED_TRANSPORTS =
            "libjanus_http.so,libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,"
                    + "libjanus_rabbitmq.so";
    static final String OTHER_EVENT_HANDLERS =
            "libjanus_gelfevh.so,libjanus_mqttevh.so,libjanus_nanomsgevh.so,"
                    + "libjanus_rabbitmqevh.so";

    /** File name of the JSON logger's output, in the config folder. */
    static final String JSON_LOG_FILE = "janus-log.json";

    /** File name of the main configuration. */
    static final String MAIN_FILE = "janus.jcfg";

    /** File name of the log Janus writes. */
    static final String LOG_FILE = "janus.log";

    /** Returns every file to write into {@link #dir()}, by file name. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MAIN_FILE, mainConfig());
        files.put("janus.transport.websockets.jcfg", websocketsConfig());
        stockPluginConfigs.forEach(files::put);
        // The stock streaming config binds RTP mountpoints on all interfaces and fixed ports,
        // which both leaks off loopback and makes parallel instances collide.
        files.put("janus.plugin.streaming.jcfg", "general: {\n}\n");
        files.put("janus.plugin.sip.jcfg", sipConfig(true));
        files.put("janus.plugin.nosip.jcfg", sipConfig(false));
        if (eventBackend != null) {
            files.put("janus.eventhandler.wsevh.jcfg", wsevhConfig());
        }
        if (sampleBackend != null) {
            files.put("janus.eventhandler.sampleevh.jcfg", sampleevhConfig());
        }
        if (jsonLogger) {
            files.put(
                    "janus.logger.jsonlog.jcfg",
                    "general: {\n\tenabled = true\n\tjson = \"compact\"\n\tfilename = "
                            + q(dir.resolve(JSON_LOG_FILE).toString())
                            + "\n}\n");
        }
        pluginOverrides.forEach((name, text) -> files.put(name + ".jcfg", text));
        return files;
    }

    String mainConfig() {
        StringBuilder g = new StringBuilder();
        g.append("general: {\n");
        g.append("\tconfigs_folder = ").append(q(dir.toString())).append('\n');
        g.append("\tplugins_folder = ")
                .append(q(libDir.resolve("plugins").toString()))
                .append('\n');
        g.append("\ttransports_folder = ")
                .append(q(libDir.resolve("transports").toString()))
                .append('\n');
        g.append("\tevents_folder = ").append(q(libDir.resolve("events").toString())).append('\n');
        g.append("\tloggers_folder = ")
                .append(q(libDir.resolve("loggers").toString()))
                .append('\n');
        g.append("\tlog_to_stdout = false\n");
        g.append("\tlog_to_file = ").append(q(dir.resolve(LOG_FILE).toString())).append('\n');
        g.append("\tdebug_level = 4\n");
        g.append("\tdebug_colors = false\n");
        g.append("\tinterface = ").append(q(bindAddress)).append('\n');
        g.append("\tserver_name = ").append(q(serverName)).append('\n');
        g.append("\tsession_timeout = ").append(sessionTimeout).append('\n');
        g.append("\treclaim_session_timeout = ").append(reclaimSessionTimeout).append('\n');
        g.append("\tadmin_secret = ").append(q(adminSecret)).append('\n');
        if (apiSecret != null) {
            g.append("\tapi_secret = ").append(q(apiSecret)).append('\n');
        }
        if (tokenAuth) {
            g.append("\ttoken_auth = true\n");
        }
        g.append("}\n");
        g.append("certificates: {\n}\n");
        g.append("media: {\n\trtp_port_range = \"")
                .append(rtpPortMin)
                .append('-')
                .append(rtpPortMax)
                .append("\"\n}\n");
        g.append("nat: {\n");
        if (iceInterface != null) {
            g.append("\tice_enforce_list = ").append(q(iceInterface)).append('\n');
        } else {
            g.append("\tice_ignore_list = \"vmnet\"\n");
        }
        g.append("}\n");
        g.append("plugins: {\n}\n");
        g.append("transports: {\n\tdisable = ").append(q(DISABLED_TRANSPORTS)).append("\n}\n");
        g.append("loggers: {\n\tdisable = ")
                .append(q(jsonLogger ? "" : "libjanus_jsonlog.so"))
                .append("\n}\n");
        // Janus registers every handler it does not disable, enabled in its own file or not.
        String disabledHandlers = OTHER_EVENT_HANDLERS;
        if (eventBackend == null) {
            disabledHandlers += ",libjanus_wsevh.so";
        }
        if (sampleBackend == null) {
            disabledHandlers += ",libjanus_sampleevh.so";
        }
        g.append("events: {\n\tbroadcast = ")
                .append(eventBackend != null || sampleBackend != null)
                .append("\n\tdisable = ")
                .append(q(disabledHandlers))
                .append('\n');
        if (handlers.statsPeriod() > 0) {
            g.append("\tstats_period = ").append(handlers.statsPeriod()).append('\n');
        }
        if (handlers.combineMediaStats()) {
            g.append("\tcombine_media_stats = true\n");
        }
        g.append("}\n");
        return g.toString();
    }

    String websocketsConfig() {
        StringBuilder w = new StringBuilder();
        w.append("general: {\n");
        if (json != null) {
            w.append("\tjson = ").append(q(json)).append('\n');
        }
        if (wss) {
            w.append("\tws = false\n");
            w.append("\twss = true\n");
            w.append("\twss_ip = ").append(q(bindAddress)).append('\n');
            w.append("\twss_port = ").append(apiPort).append('\n');
        } else {
            w.append("\tws = true\n");
            w.append("\tws_ip = ").append(q(bindAddress)).append('\n');
            w.append("\tws_port = ").append(apiPort).append('\n');
            w.append("\twss = false\n");
        }
        w.append("}\n");
        w.append("admin: {\n");
        w.append("\tadmin_ws = true\n");
        w.append("\tadmin_ws_ip = ").append(q(bindAddress)).append('\n');
        w.append("\tadmin_ws_port = ").append(adminPort).append('\n');
        w.append("\tadmin_wss = false\n");
        w.append("}\n");
        w.append("cors: {\n}\n");
        w.append("certificates: {\n");
        if (wss) {
            w.append("\tcert_pem = ").append(q(certPem.toString())).append('\n');
            w.append("\tcert_key = ").append(q(keyPem.toString())).append('\n');
        }
        w.append("}\n");
        return w.toString();
    }

    private String sipConfig(boolean sip) {
        StringBuilder s = new StringBuilder("general: {\n");
        s.append("\tlocal_ip = ").append(q(bindAddress)).append('\n');
        s.append("\trtp_port_range = \"")
                .append(rtpPortMin)
                .append('-')
                .append(rtpPortMax)
                .append("\"\n");
        if (sip) {
            s.append("\tkeepalive_interval = 120\n");
            s.append("\tbehind_nat = false\n");
            s.append("\tregister_ttl = 3600\n");
            s.append("\tsip_timer_t1x64 = 32000\n");
        }
        return s.append("}\n").toString();
    }

    private String wsevhConfig() {
        StringBuilder e = new StringBuilder("general: {\n");
        e.append("\tenabled = true\n");
        e.append("\tevents = ").append(q(handlers.events())).append('\n');
        e.append("\tgrouping = ").append(handlers.grouping()).append('\n');
        if (json != null) {
            e.append("\tjson = ").append(q(json)).append('\n');
        }
        e.append("\tbackend = ").append(q(eventBackend)).append('\n');
        return e.append("}\n").toString();
    }

    private String sampleevhConfig() {
        StringBuilder e = new StringBuilder("general: {\n");
        e.append("\tenabled = true\n");
        e.append("\tevents = ").append(q(handlers.events())).append('\n');
        e.append("\tgrouping = ").append(handlers.grouping()).append('\n');
        e.append("\tcompress = ").append(handlers.compress()).append('\n');
        e.append("\tbackend = ").append(q(sampleBackend)).append('\n');
        return e.append("}\n").toString();
    }

    /** Quotes a libconfig string: it shares JSON's escapes for quote and backslash. */
    static String q(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20) {
                throw new IllegalArgumentException(
                        "Control characters are not allowed in config values");
            }
        }
        return Json.quote(s);
    }
}
