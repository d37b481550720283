/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import org.apache.camel.main.Main;

/**
 * The quickstart: a Camel Main application that creates a VideoRoom on Janus, joins it with a
 * monitor, and prints every event of the room as one JSON line (on stdout and in a file), while
 * built-in visitors join and leave every few seconds. Configured by {@code application.properties},
 * overridable by environment variables ({@code JANUS_URL}, {@code QUICKSTART_ROOM}, ...).
 */
public final class QuickstartApp {

    private QuickstartApp() {}

    /** A Camel Main with the quickstart's routes, not yet started. */
    public static Main newMain() {
        Main main = new Main();
        main.bind("quickstart", new QuickstartState());
        main.configure().addRoutesBuilder(new RoomRoutes());
        main.configure().addRoutesBuilder(new VisitorRoutes());
        return main;
    }

    /** Runs until Ctrl-C (or for camel.main.duration-max-seconds). */
    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }
}
