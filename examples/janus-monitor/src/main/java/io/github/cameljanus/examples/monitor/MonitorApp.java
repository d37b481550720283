/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import org.apache.camel.main.Main;

/**
 * The monitor: a Camel Main application that listens for the events Janus's WebSockets (or HTTP)
 * event handler pushes, keeps the VideoRoom participants, the PeerConnections that are up and their
 * media quality of every client of that Janus, and prints them as one JSON line every few seconds.
 * It needs no Janus API connection of its own: Janus connects to it. Configured by {@code
 * application.properties}, overridable by environment variables ({@code MONITOR_LISTEN_PORT}, ...).
 */
public final class MonitorApp {

    private MonitorApp() {}

    /** A Camel Main with the monitor's routes and state (bean {@code monitor}), not yet started. */
    public static Main newMain() {
        Main main = new Main();
        main.bind("monitor", new MonitorState());
        main.configure().addRoutesBuilder(new MonitorRoutes());
        return main;
    }

    /** Runs until Ctrl-C (or for camel.main.duration-max-seconds). */
    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }
}
