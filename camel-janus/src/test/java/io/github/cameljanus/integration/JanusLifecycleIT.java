/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.RouteChecks.assertEchoAnswersOk;
import static io.github.cameljanus.RouteChecks.awaitEventsReadiness;
import static io.github.cameljanus.RouteChecks.createSession;
import static io.github.cameljanus.integration.JanusRoutes.ECHOTEST;
import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.testing.JanusServerExtension;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start, health and stop of janus: endpoints against a real Janus. */
class JanusLifecycleIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    /** Leak check: no session left on Janus and no thread of ours alive after the class. */
    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    @Test
    void stoppingTheContextDestroysItsSessionsAndEndsItsThreads() throws Exception {
        String echotest = janusUri(JANUS.server().wsUrl(), ECHOTEST);
        CamelContext context =
                startContext(
                        routes -> {
                            routes.from(echotest).to("log:events");
                            routes.from("direct:echo").to(echotest);
                        });
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBody("direct:echo", "{\"audio\":true}");
        long routeSession = createSession(template, "direct:echo");
        assertThat(JANUS.server().listSessions()).contains(routeSession).hasSize(2);
        assertThat(LeakCheck.janusThreadsAlive()).isNotEmpty();

        context.stop();

        assertThat(JANUS.server().listSessions()).isEmpty();
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(5));
    }

    @Test
    void healthIsUpWhenConnectedAndTheManagedHandleIsAttached() throws Exception {
        String echotest = janusUri(JANUS.server().wsUrl(), ECHOTEST);
        try (CamelContext context =
                startContext(routes -> routes.from(echotest).routeId("events").to("log:events"))) {
            awaitEventsReadiness(context, HealthCheck.State.UP, Duration.ofSeconds(5));
        }
    }

    @Test
    void routesCanStopAndStartAgain() throws Exception {
        String echotest = janusUri(JANUS.server().wsUrl(), ECHOTEST);
        try (CamelContext context =
                startContext(routes -> routes.from("direct:echo").routeId("echo").to(echotest))) {
            ProducerTemplate template = context.createProducerTemplate();
            assertEchoAnswersOk(template, "direct:echo");

            context.getRouteController().stopRoute("echo");
            context.getRouteController().startRoute("echo");

            assertEchoAnswersOk(template, "direct:echo");
        }
    }
}
