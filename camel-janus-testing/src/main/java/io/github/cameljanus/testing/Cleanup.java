/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Shutdown hook registration and temp folder removal. */
final class Cleanup {

    private Cleanup() {}

    private static final Set<Path> DIRS = ConcurrentHashMap.newKeySet();
    private static boolean registered;

    static synchronized void registerHook() {
        if (!registered) {
            registered = true;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(Cleanup::atExit, "camel-janus-testing-shutdown"));
        }
    }

    static void deleteAtExit(Path dir) {
        DIRS.add(dir);
    }

    private static void atExit() {
        JanusServer.stopAllAtExit();
        NetworkNamespace.closeAllAtExit();
        for (Path dir : DIRS) {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Collections.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    // Best effort at exit: a leftover temp file is harmless.
                                }
                            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit.
        }
    }
}
