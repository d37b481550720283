/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.transport.jdk.JdkWebSocketTransportFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class: waits until no thread a client (or Tyrus/Grizzly under it) created is alive,
 * and until no HttpClient a JDK transport created is still reachable. Every test must have closed
 * its clients and fakes by then. The JDK 17 HttpClient names its selector thread itself ({@code
 * HttpClient-n-SelectorManager}, so it is not matched by name: the test harness's JanusServer has
 * one too) and ends it only once the client is unreachable; a closed transport that still holds its
 * client (a real leak) keeps it reachable and fails the check.
 */
public final class NoThreadLeaks implements BeforeAllCallback, AfterAllCallback {

    private static final java.util.regex.Pattern TYRUS_SERVER_THREAD =
            java.util.regex.Pattern.compile("tyrus-\\d+-thread-\\d+");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoThreadLeaks.class);

    /**
     * Threads already alive when the class starts are not its leaks: a leak is charged to the class
     * that made it, not to every class after it.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked") // put by beforeAll with exactly this type
        Set<Thread> before = (Set<Thread>) context.getStore(NAMESPACE).get("before", Set.class);
        Set<Thread> existing = before == null ? Set.of() : before;
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> {
                            org.assertj.core.api.Assertions.assertThat(leakedThreads(existing))
                                    .as("threads alive after every client was closed")
                                    .isEmpty();
                            System.gc(); // weak references to unreachable clients clear
                            org.assertj.core.api.Assertions.assertThat(
                                            JdkWebSocketTransportFactory.reachableHttpClients())
                                    .as("HttpClients of JDK transports still reachable")
                                    .isZero();
                        });
    }

    /**
     * Returns how many HttpClients made by JDK transports are still reachable after a GC: each
     * holds a selector thread (HttpClient-n-SelectorManager) until it is collected on Java 17.
     */
    public static int reachableJdkHttpClients() {
        System.gc(); // weak references to unreachable clients clear
        return JdkWebSocketTransportFactory.reachableHttpClients();
    }

    /** Returns the names of live threads that belong to a client or its WebSocket library. */
    public static List<String> leakedThreads() {
        return leakedThreads(Set.of());
    }

    private static List<String> leakedThreads(Set<Thread> existing) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !existing.contains(thread))
                .map(Thread::getName)
                // tyrus-N-thread-M: the Tyrus server executor of the fake Janus (a test server,
                // which Tyrus ends lazily); the client's Tyrus transport names its threads
                // janus-ws-n
                .filter(name -> !TYRUS_SERVER_THREAD.matcher(name).matches())
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
