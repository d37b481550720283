/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The readiness probe: a starting Janus is ready when it answers {@code ping} on its API and its
 * admin port listens; and it may listen on its one address only (loopback, or the inner address of
 * its network namespace).
 */
final class ReadinessProbe {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private ReadinessProbe() {}

    /**
     * Waits until Janus is ready.
     *
     * @param failure makes the exception to throw (with Janus's log tail) from a message
     */
    static void await(
            Process process,
            HttpClient http,
            URI uri,
            String bindAddress,
            int adminPort,
            Function<String, IllegalStateException> failure) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastProblem = "no attempt";
        while (true) {
            if (!process.isAlive()) {
                throw failure.apply(
                        "Janus exited with code " + process.exitValue() + " while starting");
            }
            try {
                String tx = AdminApi.newTransaction();
                String reply =
                        WsClient.request(
                                http,
                                uri,
                                "janus-protocol",
                                "{\"janus\":\"ping\",\"transaction\":" + Json.quote(tx) + "}",
                                tx,
                                PROBE_TIMEOUT);
                // The admin listener starts a moment after the API one; without /proc (not
                // Linux) there is no way to look, and the loopback check is skipped as well.
                if ("pong".equals(Json.string(Json.parseObject(reply), "janus"))
                        && (!Files.isReadable(Path.of("/proc/net/tcp"))
                                || ListeningSockets.listeners(process.pid(), adminPort)
                                        .contains(ListeningSockets.hex(bindAddress)))) {
                    return;
                }
                lastProblem = "no pong or admin port not listening yet";
            } catch (IOException | TimeoutException | RuntimeException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.apply("Interrupted while waiting for Janus");
            }
            if (System.nanoTime() > deadline) {
                throw failure.apply(
                        "Janus did not answer ping on "
                                + uri
                                + " within "
                                + READY_TIMEOUT.toSeconds()
                                + " s (last problem: "
                                + lastProblem
                                + ")");
            }
            JanusServer.pause(Duration.ofMillis(50));
        }
    }

    /**
     * Fails unless every socket of process {@code pid}'s network namespace listening on these ports
     * is bound to {@code bindAddress} (127.0.0.1, or a test namespace's inner address).
     */
    static void checkListensOnlyOn(
            long pid,
            String bindAddress,
            int[] ports,
            Function<String, IllegalStateException> failure) {
        String wanted = ListeningSockets.hex(bindAddress);
        for (int port : ports) {
            for (String address : ListeningSockets.listeners(pid, port)) {
                if (!wanted.equals(address)) {
                    throw failure.apply(
                            "Janus listens on port "
                                    + port
                                    + " at "
                                    + address
                                    + " (in /proc/"
                                    + pid
                                    + "/net/tcp*); only "
                                    + bindAddress
                                    + " is allowed");
                }
            }
        }
    }
}
