/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static io.github.cameljanus.client.JanusClientIT.configFor;
import static io.github.cameljanus.client.JanusClientIT.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Session keepalive against a Janus whose sessions expire after 5 s (about 7-9 s in practice). */
@ExtendWith(NoThreadLeaks.class)
class JanusSessionLifetimeIT {

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(JanusServer.builder().sessionTimeout(5));

    @Test
    void keepaliveKeepsASessionAliveWhileAnIdleOneTimesOut() throws Exception {
        String url = JANUS.server().wsUrl();
        try (JanusClient keptAlive = JanusClient.connect(configFor(url).build());
                JanusClient idle =
                        JanusClient.connect(
                                configFor(url).keepAliveInterval(Duration.ZERO).build())) {
            JanusSession living = get(keptAlive.createSession());
            JanusSession dying = get(idle.createSession());
            get(dying.attach("janus.plugin.echotest", null));
            List<String> types = new CopyOnWriteArrayList<>();
            idle.addEventListener(event -> types.add(event.type()));
            long start = System.nanoTime();

            List<String> frames;
            try (LogCapture log = new LogCapture(org.apache.logging.log4j.Level.TRACE)) {
                await().atMost(Duration.ofSeconds(12)).until(() -> types.contains("sessionLost"));
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> true);
                frames = log.lines().stream().filter(l -> l.contains("<<<")).toList();
            }
            System.out.println("[lifetime] events on timeout: " + types + " frames " + frames);
            assertThat(types).containsSubsequence("timeout", "sessionLost");
            // Every detached Janus sent reaches the client's listeners. (Janus usually sends the
            // handle's detached before the timeout; under load it was once seen sending neither
            // the plugin's last event nor detached: events of a session being destroyed are
            // dropped by Janus.)
            assertThat(types.stream().filter("detached"::equals).count())
                    .isEqualTo(
                            frames.stream()
                                    .filter(frame -> frame.contains("\"janus\":\"detached\""))
                                    .count());
            assertThat(dying.isClosed()).isTrue();
            assertThat(dying.handles()).isEmpty();

            Duration rest = Duration.ofSeconds(15).minusNanos(System.nanoTime() - start);
            await().during(rest).atMost(rest.plusSeconds(5)).until(() -> !living.isClosed());
            assertThat(JANUS.server().listSessions()).contains(living.id());
            get(living.attach("janus.plugin.echotest", null));
        }
    }
}
