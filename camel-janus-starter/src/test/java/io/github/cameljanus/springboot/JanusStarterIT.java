/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusEndpoint;
import io.github.cameljanus.testing.JanusServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A Spring Boot application on the starter against a real Janus that needs an API secret: the
 * {@code camel.component.janus.*} properties reach the endpoints, a route round-trips VideoRoom
 * requests, and the consumer's health check shows in the actuator's health endpoint.
 */
@SpringBootTest(
        classes = JanusStarterIT.App.class,
        properties = {
            "camel.component.janus.api-secret=" + JanusStarterIT.SECRET,
            "camel.component.janus.plugin=janus.plugin.videoroom",
            "camel.component.janus.request-timeout=7s",
            "camel.component.janus.shutdown-timeout=2s",
            "camel.health.exposure-level=full",
            "management.endpoint.health.show-details=always",
            "management.endpoints.web.exposure.include=health"
        })
@DirtiesContext
class JanusStarterIT {

    static final String SECRET = "it-secret";

    @Autowired CamelContext camelContext;
    @Autowired ProducerTemplate template;
    @Autowired HealthEndpoint health;

    /**
     * The test's Janus is a bean: started before the routes resolve {{janus.url}}, closed when the
     * application context closes, after Camel has stopped (Camel stops first, on the context's
     * closed event) so its sessions are destroyed while Janus still answers.
     */
    @SpringBootApplication
    static class App {
        @Bean(destroyMethod = "close")
        JanusServer janus() {
            return JanusServer.builder().apiSecret(SECRET).build().start();
        }

        @Bean
        DynamicPropertyRegistrar janusUrl(JanusServer janus) {
            return registry -> registry.add("janus.url", janus::wsUrl);
        }

        @Bean
        RouteBuilder routes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:videoroom").routeId("videoroom").to("janus:{{janus.url}}");
                    from("janus:{{janus.url}}?eventTypes=event").routeId("events").to("log:events");
                }
            };
        }
    }

    @Test
    void propertiesReachTheEndpoints() {
        for (Endpoint endpoint : camelContext.getEndpoints()) {
            if (endpoint instanceof JanusEndpoint janusEndpoint) {
                assertThat(janusEndpoint.getConfiguration().getApiSecret()).isEqualTo(SECRET);
                assertThat(janusEndpoint.getConfiguration().getPlugin())
                        .isEqualTo("janus.plugin.videoroom");
                assertThat(janusEndpoint.getConfiguration().getRequestTimeout()).isEqualTo(7000);
            }
        }
        assertThat(camelContext.getEndpoints())
                .filteredOn(JanusEndpoint.class::isInstance)
                .hasSize(2);
    }

    @Test
    void routeRoundTripsVideoRoomRequests() {
        JanusBody created =
                template.requestBody(
                        "direct:videoroom",
                        Map.of("request", "create", "notify_joining", true, "publishers", 4),
                        JanusBody.class);
        assertThat(created).containsEntry("videoroom", "created");
        Object room = created.get("room");

        JanusBody exists =
                template.requestBody(
                        "direct:videoroom",
                        Map.of("request", "exists", "room", room),
                        JanusBody.class);
        assertThat(exists).containsEntry("exists", true);

        JanusBody list =
                template.requestBody("direct:videoroom", "{\"request\":\"list\"}", JanusBody.class);
        assertThat((List<?>) list.get("list"))
                .anySatisfy(r -> assertThat(((Map<?, ?>) r).get("room")).isEqualTo(room));

        JanusBody destroyed =
                template.requestBody(
                        "direct:videoroom",
                        Map.of("request", "destroy", "room", room),
                        JanusBody.class);
        assertThat(destroyed).containsEntry("videoroom", "destroyed");
    }

    @Test
    void consumerHealthShowsInTheActuatorHealthEndpoint() {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> {
                            HealthDescriptor camel = health.healthForPath("camelHealth");
                            assertThat(camel).isNotNull();
                            assertThat(camel.getStatus()).isEqualTo(Status.UP);
                            Map<String, Object> details =
                                    ((IndicatedHealthDescriptor) camel).getDetails();
                            // the consumer's check is the component's JanusHealthCheck
                            assertThat(details).containsEntry("consumer:events", "UP");
                            assertThat(details.get("consumer:events.data").toString())
                                    .contains("address=");
                        });
    }
}
