/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class: waits until no thread a client (or Tyrus/Grizzly under it) created is alive.
 * Every test must have closed its clients and fakes by then.
 */
public final class NoThreadLeaks implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(
                        () ->
                                org.assertj.core.api.Assertions.assertThat(leakedThreads())
                                        .as("threads alive after every client was closed")
                                        .isEmpty());
    }

    /** Returns the names of live threads that belong to a client or its WebSocket library. */
    public static List<String> leakedThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(
                        name ->
                                name.startsWith("janus-")
                                        || name.toLowerCase(java.util.Locale.ROOT).contains("tyrus")
                                        || name.toLowerCase(java.util.Locale.ROOT)
                                                .contains("grizzly"))
                .sorted()
                .toList();
    }
}
