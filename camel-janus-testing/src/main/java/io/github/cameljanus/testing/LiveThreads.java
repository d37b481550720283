/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The live threads of this JVM, by name: what a test checks to show nothing outlived a stop. */
public final class LiveThreads {

    private LiveThreads() {}

    /** The names of the live threads whose name matches. */
    public static List<String> named(Predicate<String> name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name)
                .sorted()
                .toList();
    }

    /**
     * Waits until no live thread's name matches, failing after {@code within} with the names.
     *
     * @param what the threads, as the failure names them (for example "janus- threads")
     */
    public static void awaitNone(String what, Predicate<String> name, Duration within) {
        await().atMost(within)
                .untilAsserted(
                        () -> {
                            List<String> alive = named(name);
                            if (!alive.isEmpty()) {
                                throw new AssertionError(what + " still alive: " + alive);
                            }
                        });
    }
}
