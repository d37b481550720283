/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.docs.DrainRecipe;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.LambdaRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * janus-admin: the way routes use it, against a real Janus (one per test: some kill or freeze it):
 * the polling consumer and its failures, an event route asking about the event's handle with the
 * event's headers, one socket for endpoints with equal connection options, the draining recipe of
 * docs/operations.md, and the connection's faults.
 */
class JanusAdminRoutesIT {

    @RegisterExtension final JanusServerExtension janus = JanusServerExtension.create();

    private CamelContext context;

    @AfterEach
    void stopCamel() throws Exception {
        if (context != null) {
            context.close();
        }
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    private String admin(String query) {
        JanusServer server = janus.server();
        return "janus-admin:"
                + server.adminUrl()
                + "?adminSecret="
                + server.adminSecret()
                + (query.isEmpty() ? "" : "&" + query);
    }

    private String api(String query) {
        return "janus:" + janus.server().wsUrl() + (query.isEmpty() ? "" : "?" + query);
    }

    private CamelContext start(LambdaRouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        RouteBuilder.addRoutes(context, routes);
        context.start();
        return context;
    }

    private static long createSession(ProducerTemplate template, String uri) {
        Exchange created =
                template.request(
                        uri,
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "createSession"));
        assertThat(created.getException()).isNull();
        return created.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);
    }

    @Test
    void aPollingConsumerRoutesEachReplyAndSeesNewSessions() throws Exception {
        List<Exchange> polls = new CopyOnWriteArrayList<>();
        start(
                routes -> {
                    routes.from(admin("operation=listSessions&delay=100&initialDelay=0"))
                            .routeId("sessions")
                            .process(polls::add);
                    routes.from("direct:api").to(api(""));
                });
        long session = createSession(context.createProducerTemplate(), "direct:api");

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                polls.stream()
                                        .anyMatch(
                                                e ->
                                                        ((List<?>)
                                                                        e.getMessage()
                                                                                .getBody(
                                                                                        JanusBody
                                                                                                .class)
                                                                                .get("sessions"))
                                                                .contains(session)));
        assertThat(polls.get(0).getMessage().getBody(JanusBody.class))
                .doesNotContainKeys("janus", "transaction");
        assertThat(polls.get(0).getMessage().getHeader(JanusAdminConstants.ADMIN_OPERATION))
                .as("a polled reply does not steer the next janus-admin: endpoint")
                .isNull();
        assertThat(HealthCheckHelper.invokeReadiness(context))
                .filteredOn(r -> r.getCheck().getId().equals("consumer:sessions"))
                .singleElement()
                .extracting(HealthCheck.Result::getState)
                .isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void aFailedPollGoesToTheRouteWithBridgeErrorHandlerAndTheNextPollRuns() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        start(
                routes -> {
                    routes.onException(JanusException.class)
                            .handled(true)
                            .process(
                                    e ->
                                            failures.add(
                                                    e.getProperty(
                                                            Exchange.EXCEPTION_CAUGHT,
                                                            Throwable.class)));
                    routes.from(
                                    "janus-admin:"
                                            + janus.server().adminUrl()
                                            + "?adminSecret=wrong&operation=listSessions"
                                            + "&delay=100&initialDelay=0&bridgeErrorHandler=true")
                            .routeId("wrong-secret")
                            .log("not reached");
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> failures.size() >= 2);
        assertThat(failures.get(0))
                .isInstanceOfSatisfying(
                        JanusException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThat(context.getRouteController().getRouteStatus("wrong-secret").isStarted())
                .isTrue();
        assertThat(HealthCheckHelper.invokeReadiness(context))
                .filteredOn(r -> r.getCheck().getId().equals("consumer:wrong-secret"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN);
                            assertThat(r.getMessage())
                                    .hasValueSatisfying(
                                            m -> assertThat(m).contains("last poll failed", "403"));
                        });
    }

    @Test
    void withoutBridgingAFailedPollGoesToTheConsumersExceptionHandler() throws Exception {
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        ExceptionHandler handler =
                new ExceptionHandler() {
                    @Override
                    public void handleException(Throwable exception) {
                        handled.add(exception);
                    }

                    @Override
                    public void handleException(String message, Throwable exception) {
                        handled.add(exception);
                    }

                    @Override
                    public void handleException(
                            String message, Exchange exchange, Throwable exception) {
                        handled.add(exception);
                    }
                };
        context = new DefaultCamelContext();
        context.getRegistry().bind("countingHandler", handler);
        RouteBuilder.addRoutes(
                context,
                routes ->
                        routes.from(
                                        "janus-admin:"
                                                + janus.server().adminUrl()
                                                + "?adminSecret=wrong&operation=getStatus"
                                                + "&delay=100&initialDelay=0"
                                                + "&exceptionHandler=#countingHandler")
                                .log("not reached"));
        context.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() >= 2);
        assertThat(handled.get(0)).isInstanceOf(JanusException.class);
    }

    @Test
    void anEventRouteAsksAboutTheEventsHandleWithTheEventsHeaders() throws Exception {
        List<Exchange> infos = new CopyOnWriteArrayList<>();
        start(
                routes ->
                        routes.from(
                                        api(
                                                "plugin=janus.plugin.echotest"
                                                        + "&eventTypes=managedHandleCreated"))
                                // InOut: an event is InOnly, whose body a request keeps
                                .to(ExchangePattern.InOut, admin("operation=handleInfo"))
                                .process(infos::add));

        await().atMost(Duration.ofSeconds(10)).until(() -> infos.size() == 1);
        Exchange info = infos.get(0);
        assertThat(info.getException()).isNull();
        Map<?, ?> body = (Map<?, ?>) info.getMessage().getBody(JanusBody.class).get("info");
        assertThat(body.get("plugin")).isEqualTo("janus.plugin.echotest");
        assertThat(body.get("handle_id"))
                .isEqualTo(info.getMessage().getHeader(JanusConstants.HANDLE_ID));
        assertThat(info.getMessage().getHeader(JanusConstants.EVENT_TYPE))
                .as("the admin reply leaves the event's headers alone")
                .isEqualTo("managedHandleCreated");
    }

    @Test
    void endpointsWithEqualConnectionOptionsShareOneSocket() throws Exception {
        start(
                routes -> {
                    routes.from("direct:status").to(admin("operation=getStatus"));
                    routes.from("direct:sessions")
                            .to(admin("operation=listSessions&requestTimeout=3000"));
                    routes.from("direct:other").to(admin("operation=listSessions&pingInterval=0"));
                });
        ProducerTemplate template = context.createProducerTemplate();
        assertThat(template.requestBody("direct:status", null, JanusBody.class))
                .containsKey("status");
        assertThat(template.requestBody("direct:sessions", null, JanusBody.class))
                .containsKey("sessions");
        assertThat(template.requestBody("direct:other", null, JanusBody.class))
                .containsKey("sessions");

        JanusAdminComponent component =
                context.getComponent("janus-admin", JanusAdminComponent.class);
        assertThat(component.connections().size())
                .as("status and sessions share; pingInterval=0 is another connection")
                .isEqualTo(2);

        // what operators see: the dev console and each endpoint's MBean
        DevConsole console =
                context.getCamelContextExtension()
                        .getContextPlugin(DevConsoleRegistry.class)
                        .resolveById("janus");
        String text = String.valueOf(console.call(DevConsole.MediaType.TEXT));
        assertThat(text.lines().filter(l -> l.startsWith("Connection janus-admin "))).hasSize(2);
        assertThat(text).contains("state: CONNECTED").doesNotContain(janus.server().adminSecret());
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> endpoints =
                mbeans.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        List<Object> states = new ArrayList<>();
        for (ObjectName name : endpoints) {
            if (name.toString().contains("janus-admin")) {
                states.add(mbeans.getAttribute(name, "ConnectionState"));
                assertThat(mbeans.getAttribute(name, "PendingRequests")).isEqualTo(0);
            }
        }
        assertThat(states).hasSize(3).containsOnly("CONNECTED");
    }

    @Test
    void theDrainingRecipeRefusesNewSessionsAndStopsOnceTheLastOneEnded() throws Exception {
        List<String> drained = new CopyOnWriteArrayList<>();
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("janus.admin", janus.server().adminUrl());
        properties.setProperty("janus.adminSecret", janus.server().adminSecret());
        properties.setProperty("janus.drainPoll", "200");
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(new DrainRecipe()); // docs/janus-admin-component.md shows it
        RouteBuilder.addRoutes(
                context,
                routes -> {
                    routes.from("direct:drained")
                            .process(
                                    e ->
                                            drained.add(
                                                    e.getMessage()
                                                            .getHeader("drainedBy", String.class)));
                    routes.from("direct:api").to(api(""));
                });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        long session = createSession(template, "direct:api");

        template.sendBodyAndHeader(
                "direct:drain",
                null,
                "deadline",
                System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(1));
        Exchange refused =
                template.request(
                        "direct:api",
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "createSession"));
        assertThat(refused.getException())
                .isInstanceOfSatisfying(
                        JanusException.class, e -> assertThat(e.code()).isEqualTo(472));
        await().atMost(Duration.ofSeconds(10)).until(() -> polls("drain-watch") >= 3);
        assertThat(drained).as("a session is still there").isEmpty();

        Exchange destroyed =
                template.request(
                        "direct:api",
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "destroySession");
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, session);
                        });
        assertThat(destroyed.getException()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> drained.equals(List.of("empty")));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                context.getRouteController()
                                        .getRouteStatus("drain-watch")
                                        .isStopped());

        // the deadline ends a drain that sessions would keep going
        JanusServer server = janus.server();
        server.adminRequest("{\"janus\":\"accept_new_sessions\",\"accept\":true}");
        createSession(template, "direct:api");
        template.sendBodyAndHeader("direct:drain", null, "deadline", System.currentTimeMillis());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> drained.equals(List.of("empty", "deadline")));
        server.adminRequest("{\"janus\":\"accept_new_sessions\",\"accept\":true}");
    }

    /** How often the polling consumer of a route has polled. */
    private long polls(String routeId) {
        return ((ScheduledPollConsumer) context.getRoute(routeId).getConsumer()).getCounter();
    }

    @Test
    void whileJanusIsDownRequestsFailFastAndWorkAgainAfterItsRestart() throws Exception {
        start(
                routes ->
                        routes.from("direct:status")
                                .to(
                                        admin(
                                                "operation=getStatus&reconnectInitialDelay=50"
                                                        + "&reconnectMaxDelay=200")));
        ProducerTemplate template = context.createProducerTemplate();
        assertThat(template.requestBody("direct:status", null, JanusBody.class))
                .containsKey("status");

        janus.server().kill();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> template.request("direct:status", e -> {}).getException() != null);
        long start = System.nanoTime();
        Exchange down = template.request("direct:status", e -> {});
        assertThat(down.getException()).isNotNull().isNotInstanceOf(JanusTimeoutException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .as("fails fast, not at its deadline")
                .isLessThan(2_000);

        janus.server().restart();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> template.request("direct:status", e -> {}).getException() == null);
    }

    @Test
    void aFrozenJanusFailsEachRequestAtItsDeadline() throws Exception {
        start(
                routes ->
                        routes.from("direct:status")
                                .to(
                                        admin(
                                                "operation=getStatus&requestTimeout=500&pingInterval=0")));
        ProducerTemplate template = context.createProducerTemplate();
        assertThat(template.requestBody("direct:status", null, JanusBody.class))
                .containsKey("status");

        janus.server().freeze();
        try {
            long start = System.nanoTime();
            Exchange frozen = template.request("direct:status", e -> {});
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(frozen.getException()).isInstanceOf(JanusTimeoutException.class);
            assertThat(millis).isBetween(400L, 3_000L);
        } finally {
            janus.server().thaw();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> template.request("direct:status", e -> {}).getException() == null);
    }
}
