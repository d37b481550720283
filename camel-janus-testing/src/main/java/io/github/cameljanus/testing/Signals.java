/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Process control: signals to the janus process and waiting for their effect. */
final class Signals {

    private Signals() {}

    static void signal(String signal, long pid, boolean required) {
        try {
            Process p =
                    new ProcessBuilder(
                                    "/bin/sh",
                                    "-c",
                                    "kill -" + signal + " \"$1\"",
                                    "signal",
                                    Long.toString(pid))
                            .redirectErrorStream(true)
                            .start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                if (required) {
                    throw new IllegalStateException(
                            "kill -" + signal + " " + pid + " failed: " + out.trim());
                }
            }
        } catch (IOException e) {
            if (required) {
                throw new UncheckedIOException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling Janus", e);
        }
    }

    static boolean waitForExit(Process p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /**
     * {@code kill -STOP} returns once the signal is queued; a thread of janus that is running on a
     * CPU stops a moment later. Waiting until every thread shows state T in /proc makes "frozen"
     * true when freeze() returns, even on a loaded machine.
     */
    static void awaitAllThreadsStopped(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (allStopped(tasks)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("Janus pid " + pid + " did not stop within 5 s of SIGSTOP");
    }

    static boolean allStopped(Path tasks) {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat = Files.readString(thread.resolve("stat"));
                // The state is the field after the parenthesised command name.
                char state = stat.charAt(stat.lastIndexOf(')') + 2);
                if (state != 'T' && state != 't') {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
