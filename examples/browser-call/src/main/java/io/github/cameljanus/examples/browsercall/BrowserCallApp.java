/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The browser call: a Camel Main application serving one page over platform-http (Vert.x), whose
 * routes signal the page's WebRTC calls through Janus. Configured by {@code
 * application.properties}, overridable by environment variables ({@code JANUS_URL}, {@code
 * BROWSER_CALL_HTTP_PORT}, ...).
 */
public final class BrowserCallApp {

    /** Name of the {@link Calls} bean the routes use. */
    public static final String CALLS = "calls";

    private BrowserCallApp() {}

    /** A Camel Main with the application's HTTP server, routes and state, not yet started. */
    public static Main newMain() {
        Main main = new Main();
        LiveUpdates live = new LiveUpdates();
        Calls calls = new Calls(live);
        live.currentState(calls::snapshot);
        main.bind(CALLS, calls);
        main.configure().addRoutesBuilder(new CallRoutes());
        main.addMainListener(
                new MainListenerSupport() {
                    @Override
                    public void afterConfigure(BaseMainSupport support) {
                        CamelContext context = support.getCamelContext();
                        VertxPlatformHttpServerConfiguration http =
                                new VertxPlatformHttpServerConfiguration();
                        http.setBindHost(
                                context.resolvePropertyPlaceholders("{{browser-call.http-host}}"));
                        int port =
                                port(
                                        "browser-call.http-port",
                                        context.resolvePropertyPlaceholders(
                                                "{{browser-call.http-port}}"));
                        http.setBindPort(port);
                        live.port(port);
                        try {
                            // the server first: the live updates register on its router
                            context.addService(new VertxPlatformHttpServer(http));
                            context.addService(live);
                        } catch (Exception e) {
                            throw new IllegalStateException("Could not add the HTTP server", e);
                        }
                    }
                });
        return main;
    }

    /** A port setting, or a failure naming the setting and the value. */
    static int port(String setting, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw new IllegalArgumentException(
                setting + " must be a port number (0-65535), got '" + value + "'");
    }

    /** Runs until Ctrl-C (or for camel.main.duration-max-seconds). */
    public static void main(String[] args) throws Exception {
        System.exit(newMain().run(args));
    }
}
