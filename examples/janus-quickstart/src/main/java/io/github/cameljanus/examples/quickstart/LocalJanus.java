/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import io.github.cameljanus.testing.JanusServer;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A throwaway Janus on 127.0.0.1 for {@code scripts/run-example.sh}, through {@link JanusServer}
 * (the config generator the tests use): prints {@code JANUS_URL=ws://127.0.0.1:PORT} on stdout,
 * then keeps Janus running until this JVM gets SIGTERM/SIGINT or its parent process (the script)
 * exits, and stops Janus then. If this JVM is killed outright, JanusServer's watchdog ends Janus.
 */
public final class LocalJanus {

    private LocalJanus() {}

    public static void main(String[] args) throws Exception {
        JanusServer janus =
                JanusServer.builder().json("compact").serverName("camel-janus-quickstart").build();
        Runtime.getRuntime().addShutdownHook(new Thread(janus::close, "local-janus-stop"));
        janus.start();
        System.err.println("LocalJanus: Janus pid " + janus.pid() + ", log " + janus.logFile());
        System.out.println("JANUS_URL=" + janus.wsUrl());
        System.out.flush();
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isPresent()) {
            parent.get().onExit().join();
        } else {
            new CountDownLatch(1).await();
        }
        janus.close();
        System.exit(0);
    }
}
