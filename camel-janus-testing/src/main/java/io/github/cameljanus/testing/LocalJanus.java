/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A throwaway Janus that stays up while you develop: started through {@link JanusServer} (its
 * generated config, 127.0.0.1 only), it prints {@code JANUS_URL=ws://127.0.0.1:PORT} and the admin
 * URL (never a secret: give the admin secret with {@code --admin-secret}), and stops Janus when it
 * is stopped (Ctrl-C, SIGTERM) or its parent process ends.
 *
 * <pre>
 * java -cp ... io.github.cameljanus.testing.LocalJanus [--api-port 18188] [--admin-port 17188]
 *     [--admin-secret S] [--server-name NAME]
 * </pre>
 *
 * Without ports, free ones are picked; with them, the address stays the same from run to run.
 */
public final class LocalJanus {

    private LocalJanus() {}

    /**
     * Starts Janus and waits.
     *
     * @param args {@code --api-port N}, {@code --admin-port N}, {@code --admin-secret S}, {@code
     *     --server-name NAME}
     * @throws Exception when Janus cannot start
     */
    public static void main(String[] args) throws Exception {
        JanusServer janus = builder(args).build();
        Runtime.getRuntime().addShutdownHook(new Thread(janus::close, "local-janus-stop"));
        janus.start();
        System.err.println("LocalJanus: Janus pid " + janus.pid() + ", log " + janus.logFile());
        System.out.println("JANUS_URL=" + janus.wsUrl());
        System.out.println("JANUS_ADMIN_URL=" + janus.adminUrl());
        System.out.flush();
        awaitParentExit();
        janus.close();
        System.exit(0);
    }

    /**
     * Blocks until this process's parent ends (forever when it has none): how a throwaway Janus
     * started by a script ends with the script, even when the script is killed outright.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public static void awaitParentExit() throws InterruptedException {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isPresent()) {
            parent.get().onExit().join();
        } else {
            new CountDownLatch(1).await();
        }
    }

    /** The server the arguments describe (compact JSON, as a production Janus would use). */
    static JanusServer.Builder builder(String[] args) {
        int apiPort = 0;
        int adminPort = 0;
        String serverName = "camel-janus-local";
        String adminSecret = null;
        for (int i = 0; i < args.length; i += 2) { // each argument is a name and its value
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--api-port" -> apiPort = port(args[i], value);
                case "--admin-port" -> adminPort = port(args[i], value);
                case "--server-name" -> serverName = required(args[i], value);
                case "--admin-secret" -> adminSecret = required(args[i], value);
                default ->
                        throw new IllegalArgumentException(
                                "Unknown argument '"
                                        + args[i]
                                        + "'; use --api-port N, --admin-port N, --admin-secret S,"
                                        + " --server-name NAME");
            }
        }
        JanusServer.Builder builder =
                JanusServer.builder()
                        .json("compact")
                        .serverName(serverName)
                        .ports(apiPort, adminPort);
        return adminSecret == null ? builder : builder.adminSecret(adminSecret);
    }

    private static int port(String option, String value) {
        try {
            return Integer.parseInt(required(option, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    option + " needs a port number, got '" + value + "'", e);
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
