/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import io.github.cameljanus.testing.JanusServer;
import java.util.concurrent.CountDownLatch;

/**
 * A throwaway Janus to try the monitor with: started through {@link JanusServer} (the tests' config
 * generator, 127.0.0.1 only) with its WebSockets event handler pushing to the monitor, and grouping
 * on, as Janus ships it. It prints {@code JANUS_URL=...} for a client that makes the events (the
 * quickstart), and stops Janus when it is stopped (Ctrl-C).
 *
 * <pre>
 * java -cp ... io.github.cameljanus.examples.monitor.DemoJanus [ws://127.0.0.1:8099/janus-events]
 * </pre>
 */
public final class DemoJanus {

    /** The monitor's address with its default properties. */
    static final String DEFAULT_BACKEND = "ws://127.0.0.1:8099/janus-events";

    private DemoJanus() {}

    /** A Janus whose event handler pushes to {@code backend}; the IT runs the same one. */
    static JanusServer.Builder builder(String backend) {
        return JanusServer.builder()
                .json("compact")
                .serverName("janus-monitor-demo")
                .eventHandlerBackend(backend)
                .eventHandlerGrouping(true);
    }

    /** Starts Janus and waits; camel-janus-testing's shutdown hook stops Janus on Ctrl-C. */
    public static void main(String[] args) throws Exception {
        JanusServer janus = builder(args.length > 0 ? args[0] : DEFAULT_BACKEND).build().start();
        System.err.println("DemoJanus: Janus pid " + janus.pid() + ", log " + janus.logFile());
        System.out.println("JANUS_URL=" + janus.wsUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
