/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.testing.JanusServerExtension;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start, health and stop of janus: endpoints against a real Janus. */
class JanusLifecycleIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    /** Leak check: no session left on Janus and no thread of ours alive after the class. */
    @AfterAll
    static void nothingLeftBehind() {
        await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(JANUS.server().listSessions()).isEmpty());
        await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(JanusThreads.alive()).isEmpty());
    }

    @Test
    void stoppingTheContextDestroysItsSessionsAndEndsItsThreads() throws Exception {
        CamelContext context = new DefaultCamelContext();
        String url = JANUS.server().wsUrl();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("janus:" + url + "?plugin=janus.plugin.echotest").to("log:events");
                        from("direct:echo").to("janus:" + url + "?plugin=janus.plugin.echotest");
                    }
                });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("direct:echo", "{\"audio\":true}");
        long routeSession =
                template.request(
                                "direct:echo",
                                e ->
                                        e.getMessage()
                                                .setHeader(
                                                        JanusConstants.OPERATION, "createSession"))
                        .getMessage()
                        .getHeader(JanusConstants.SESSION_ID, Long.class);
        assertThat(JANUS.server().listSessions()).contains(routeSession).hasSize(2);
        assertThat(JanusThreads.alive()).isNotEmpty();

        context.stop();

        assertThat(JANUS.server().listSessions()).isEmpty();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(JanusThreads.alive()).isEmpty());
    }

    @Test
    void healthIsUpWhenConnectedAndTheManagedHandleIsAttached() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            String url = JANUS.server().wsUrl();
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus:" + url + "?plugin=janus.plugin.echotest")
                                    .routeId("events")
                                    .to("log:events");
                        }
                    });
            context.start();

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () ->
                                    assertThat(HealthCheckHelper.invokeReadiness(context))
                                            .filteredOn(
                                                    r -> r.getCheck().getId().contains("events"))
                                            .singleElement()
                                            .extracting(HealthCheck.Result::getState)
                                            .isEqualTo(HealthCheck.State.UP));
        }
    }

    @Test
    void routesCanStopAndStartAgain() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            String url = JANUS.server().wsUrl();
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:echo")
                                    .routeId("echo")
                                    .to("janus:" + url + "?plugin=janus.plugin.echotest");
                        }
                    });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            assertThat(template.requestBody("direct:echo", "{\"audio\":true}", JanusBody.class))
                    .containsEntry("result", "ok");

            context.getRouteController().stopRoute("echo");
            context.getRouteController().startRoute("echo");

            assertThat(template.requestBody("direct:echo", "{\"audio\":true}", JanusBody.class))
                    .containsEntry("result", "ok");
        }
    }
}
