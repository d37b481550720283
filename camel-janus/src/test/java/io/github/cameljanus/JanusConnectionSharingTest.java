/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.fake.FakeJanus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections of one component: a slow close of one never stalls the routes of another. */
class JanusConnectionSharingTest {

    @AfterEach
    void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    @Test
    void aRouteStartsWhileAnotherConnectionWaitsForItsSessionsToBeDestroyed() throws Exception {
        try (FakeJanus fake = FakeJanus.start();
                CamelContext context = new DefaultCamelContext()) {
            fake.on("destroy", FakeJanus.SILENT); // the closing connection waits shutdownTimeout
            context.start();
            JanusEndpoint slow =
                    context.getEndpoint(
                            "janus:" + fake.uri() + "?shutdownTimeout=3s", JanusEndpoint.class);
            JanusEndpoint other =
                    context.getEndpoint(
                            "janus:" + fake.uri() + "?shutdownTimeout=3s&connectTimeout=9s",
                            JanusEndpoint.class);
            SharedConnection closing = slow.acquireConnection();
            await().atMost(Duration.ofSeconds(5)).until(() -> closing.client().isConnected());
            closing.client().createSession().get(5, TimeUnit.SECONDS); // destroyed at close

            // The last release closes the connection, which waits for the unanswered destroy.
            CompletableFuture<Void> released =
                    CompletableFuture.runAsync(() -> slow.releaseConnection(closing));
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.received("destroy").size() == 1);
            long started = System.nanoTime();
            SharedConnection opened = other.acquireConnection();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(released).isNotDone(); // still waiting for the destroy
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            other.releaseConnection(opened);
            released.get(10, TimeUnit.SECONDS);
        }
    }
}
