/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health checks report DOWN, with the reason, while the connection is down. */
class JanusHealthCheckTest {

    /** Every thread of ours ends with the test's CamelContext. */
    @AfterEach
    void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void consumerIsDownWhileJanusIsUnreachableAndTheContextStillStarts() throws Exception {
        String url = "ws://127.0.0.1:" + closedPort();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus:" + url + "?plugin=janus.plugin.echotest&connectTimeout=1s")
                                    .routeId("events")
                                    .to("log:events");
                        }
                    });
            context.start();

            assertThat(context.isStarted()).isTrue();
            RouteChecks.assertThatEventsReadiness(context)
                    .satisfies(
                            r -> {
                                // Camel's id for a route's consumer: the route id, no prefix
                                assertThat(r.getCheck().getId()).isEqualTo("consumer:events");
                                assertThat(
                                                ((HealthCheckAware)
                                                                context.getRoute("events")
                                                                        .getConsumer())
                                                        .getHealthCheck()
                                                        .getId())
                                        .isEqualTo("consumer:events");
                                assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                                assertThat(r.getMessage())
                                        .hasValueSatisfying(
                                                m -> assertThat(m).contains("Not connected"));
                            });
        }
    }
}
