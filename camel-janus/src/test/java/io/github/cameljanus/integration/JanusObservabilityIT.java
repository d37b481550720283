/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.integration.JanusRoutes.ECHOTEST;
import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.RouteChecks;
import io.github.cameljanus.testing.JanusServerExtension;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live connection's state and counters as Camel tooling sees them: the endpoint's JMX attributes
 * and the {@code janus} dev console, against a real Janus.
 */
class JanusObservabilityIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    @Test
    void jmxAndTheDevConsoleShowTheConnectionItsSessionsAndCounters() throws Exception {
        String echo = janusUri(JANUS.server().wsUrl(), ECHOTEST);
        try (CamelContext context =
                startContext(
                        routes -> {
                            routes.from(echo + "&eventTypes=event").routeId("events").to("log:e");
                            routes.from("direct:echo").to(echo);
                        })) {
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < 3; i++) {
                RouteChecks.assertEchoAnswersOk(template, "direct:echo");
            }
            long session = RouteChecks.createSession(template, "direct:echo");

            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> endpoints =
                    server.queryNames(
                            new ObjectName(
                                    "org.apache.camel:context="
                                            + context.getManagementName()
                                            + ",type=endpoints,*"),
                            null);
            ObjectName janus =
                    endpoints.stream()
                            .filter(name -> name.toString().contains("janus"))
                            .findFirst()
                            .orElseThrow();
            assertThat(server.getAttribute(janus, "ConnectionState")).isEqualTo("CONNECTED");
            // the managed session and the route's own
            assertThat((Integer) server.getAttribute(janus, "Sessions")).isGreaterThanOrEqualTo(2);
            assertThat(server.getAttribute(janus, "PendingRequests")).isEqualTo(0);
            assertThat(server.getAttribute(janus, "DroppedEvents")).isEqualTo(0L);
            assertThat(server.getAttribute(janus, "MalformedFrames")).isEqualTo(0L);
            assertThat(server.getAttribute(janus, "Reconnects")).isEqualTo(0L);

            DevConsole console =
                    context.getCamelContextExtension()
                            .getContextPlugin(DevConsoleRegistry.class)
                            .resolveById("janus");
            assertThat(console).isNotNull();
            @SuppressWarnings("unchecked") // the console's JSON: a map of lists of maps
            List<Map<String, Object>> connections =
                    (List<Map<String, Object>>)
                            ((Map<String, Object>) console.call(DevConsole.MediaType.JSON))
                                    .get("connections");
            assertThat(connections).hasSize(1);
            Map<String, Object> connection = connections.get(0);
            assertThat(connection).containsEntry("state", "CONNECTED");
            assertThat(connection.get("sessions").toString()).contains(Long.toString(session));
            assertThat(connection.get("managedHandles").toString())
                    .contains("janus.plugin.echotest")
                    .contains("attached=true");
            @SuppressWarnings("unchecked") // the counters map of the console's JSON
            Map<String, Object> counters = (Map<String, Object>) connection.get("counters");
            assertThat(counters).containsEntry("pendingRequests", 0).containsKey("lateReplies");
            assertThat(console.call(DevConsole.MediaType.TEXT).toString())
                    .contains("state: CONNECTED")
                    .contains("counters:");
        }
    }
}
