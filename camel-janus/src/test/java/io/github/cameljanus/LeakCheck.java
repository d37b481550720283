/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.NoThreadLeaks;
import io.github.cameljanus.testing.JanusServer;
import java.time.Duration;
import java.util.List;

/**
 * What a test must not leave behind: sessions on Janus and live threads of ours. Every thread this
 * project creates has "janus-" in its name.
 */
public final class LeakCheck {

    private LeakCheck() {}

    /** Returns the names of the live threads of ours. */
    public static List<String> janusThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.contains("janus-"))
                .toList();
    }

    /**
     * Waits until no thread of ours is alive, the JDK transports' HttpClient selector threads
     * included (their names are the JDK's, so they are found through the clients that own them).
     */
    public static void awaitNoJanusThreadAlive(Duration atMost) {
        await().atMost(atMost)
                .untilAsserted(
                        () -> {
                            assertThat(janusThreadsAlive()).isEmpty();
                            assertThat(NoThreadLeaks.reachableJdkHttpClients())
                                    .as("HttpClients of JDK transports still reachable")
                                    .isZero();
                        });
    }

    /**
     * Waits until Janus has no session left and no thread of ours is alive: the check after a test
     * class that shares one Janus among its tests.
     */
    public static void awaitNothingLeftBehind(JanusServer janus) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(janus.listSessions()).isEmpty());
        awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }
}
