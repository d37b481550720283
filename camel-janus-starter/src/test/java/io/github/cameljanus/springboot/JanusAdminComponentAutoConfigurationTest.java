/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.JanusAdminConfiguration;
import io.github.cameljanus.JanusAdminEndpoint;
import io.github.cameljanus.client.JanusAdminOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The camel.component.janus-admin.* properties reach the janus-admin: component's endpoints. */
class JanusAdminComponentAutoConfigurationTest {

    private static final String ENDPOINT = "janus-admin:ws://127.0.0.1:1";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    CamelAutoConfiguration.class,
                                    JanusComponentConverter.class,
                                    JanusAdminComponentAutoConfiguration.class));

    @Test
    void flattenedPropertiesReachTheComponentAndItsEndpoints() {
        runner.withPropertyValues(
                        "camel.component.janus-admin.admin-secret=s3cret",
                        "camel.component.janus-admin.operation=listSessions",
                        "camel.component.janus-admin.request-timeout=3s",
                        "camel.component.janus-admin.reconnect-max-delay=5s",
                        "camel.component.janus-admin.session-id=12",
                        "camel.component.janus-admin.parameters={\"level\": 4}")
                .run(
                        context -> {
                            JanusAdminConfiguration c =
                                    context.getBean(CamelContext.class)
                                            .getEndpoint(ENDPOINT, JanusAdminEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getAdminSecret()).isEqualTo("s3cret");
                            assertThat(c.getOperation())
                                    .isEqualTo(JanusAdminOperation.listSessions);
                            assertThat(c.getRequestTimeout()).isEqualTo(3000);
                            assertThat(c.getReconnectMaxDelay()).isEqualTo(5000);
                            assertThat(c.getSessionId()).isEqualTo(12);
                            assertThat(c.getParameters()).isEqualTo("{\"level\": 4}");
                        });
    }

    @Test
    void aBadValueFailsTheStartNamingThePropertyAndTheText() {
        runner.withPropertyValues("camel.component.janus-admin.operation=explode")
                .run(
                        context ->
                                assertThat(context)
                                        .hasFailed()
                                        .getFailure()
                                        .hasStackTraceContaining("operation")
                                        .hasStackTraceContaining("explode"));
    }

    @Test
    void withoutPropertiesTheComponentKeepsItsDefaults() {
        runner.run(
                context -> {
                    JanusAdminConfiguration c =
                            context.getBean(CamelContext.class)
                                    .getEndpoint(ENDPOINT, JanusAdminEndpoint.class)
                                    .getConfiguration();
                    assertThat(c)
                            .usingRecursiveComparison()
                            .ignoringFields("sslContextParameters")
                            .isEqualTo(new JanusAdminConfiguration());
                });
    }
}
