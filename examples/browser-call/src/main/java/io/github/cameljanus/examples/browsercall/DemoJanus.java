/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.LocalJanus;
import io.github.cameljanus.testing.NetworkNamespace;

/**
 * A throwaway Janus for the browser call, started through {@link JanusServer} (the tests' config
 * generator) inside a {@link NetworkNamespace} of its own: Janus gathers ICE candidates on
 * non-loopback interfaces only, and the call's media must cross nothing but the namespace's veth
 * pair. Its HTTP event handler POSTs every WebRTC and media event (stats each second) to the
 * application's janus-events: listener on the host end of that pair. It prints the settings the
 * application needs as {@code KEY=value} lines ({@code JANUS_URL} last; never the admin secret),
 * and stops Janus and removes the namespace when stopped (Ctrl-C) or when its parent ends. Needs
 * root.
 *
 * <pre>
 * java -cp ... io.github.cameljanus.examples.browsercall.DemoJanus [events-port]
 * </pre>
 */
public final class DemoJanus {

    private DemoJanus() {}

    /** The Janus the example and its test run: in {@code ns}, pushing to the host end. */
    static JanusServer.Builder builder(NetworkNamespace ns, int eventsPort) {
        return JanusServer.builder()
                .networkNamespace(ns)
                .json("compact")
                .serverName("browser-call-demo")
                .sampleEventHandlerBackend(
                        "http://" + ns.hostAddress() + ":" + eventsPort + "/janus-events")
                .eventHandlerEvents("webrtc,media")
                .statsPeriod(1);
    }

    /**
     * Starts Janus in a new namespace and waits until the parent process ends (the script, also
     * when it is killed), then stops Janus and removes the namespace. The admin secret comes from
     * {@code JANUS_ADMIN_SECRET} when set (the script makes one) and is never printed.
     */
    public static void main(String[] args) throws Exception {
        int eventsPort =
                args.length > 0 ? BrowserCallApp.port("the events port argument", args[0]) : 8099;
        String adminSecret = System.getenv("JANUS_ADMIN_SECRET");
        NetworkNamespace ns = NetworkNamespace.create();
        JanusServer.Builder builder = builder(ns, eventsPort);
        if (adminSecret != null && !adminSecret.isEmpty()) {
            builder.adminSecret(adminSecret);
        }
        JanusServer janus = builder.build().start();
        System.err.println("DemoJanus: Janus pid " + janus.pid() + " in " + ns);
        System.out.println("JANUS_ADMIN_URL=" + janus.adminUrl());
        System.out.println("BROWSER_CALL_EVENTS_HOST=" + ns.hostAddress());
        System.out.println("BROWSER_CALL_EVENTS_PORT=" + eventsPort);
        System.out.println("JANUS_URL=" + janus.wsUrl()); // last: a reader waits for this line
        System.out.flush();
        LocalJanus.awaitParentExit();
        janus.close();
        ns.close();
        System.exit(0);
    }
}
