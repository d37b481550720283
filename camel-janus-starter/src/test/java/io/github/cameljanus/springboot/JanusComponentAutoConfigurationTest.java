/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.JanusComponent;
import io.github.cameljanus.JanusConfiguration;
import io.github.cameljanus.JanusEndpoint;
import io.github.cameljanus.JanusOperation;
import io.github.cameljanus.JanusTransportType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The properties, the conditions and what reaches the component and its endpoints. */
class JanusComponentAutoConfigurationTest {

    private static final String ENDPOINT = "janus:ws://127.0.0.1:1";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    CamelAutoConfiguration.class,
                                    JanusComponentConverter.class,
                                    JanusComponentAutoConfiguration.class));

    @Test
    void flattenedPropertiesReachTheComponentAndItsEndpoints() {
        runner.withPropertyValues(
                        "camel.component.janus.api-secret=s3cret",
                        "camel.component.janus.token=tok",
                        "camel.component.janus.plugin=janus.plugin.videoroom",
                        "camel.component.janus.opaque-id=op-1",
                        "camel.component.janus.request-timeout=3000",
                        "camel.component.janus.connect-timeout=2s",
                        "camel.component.janus.keep-alive-interval=0",
                        "camel.component.janus.ping-interval=1m",
                        "camel.component.janus.reconnect-initial-delay=250ms",
                        "camel.component.janus.reconnect-max-delay=5s",
                        "camel.component.janus.shutdown-timeout=1500",
                        "camel.component.janus.max-reconnect-attempts=7",
                        "camel.component.janus.event-types=event,hangup",
                        "camel.component.janus.event-queue-size=42",
                        "camel.component.janus.max-pending-requests=43",
                        "camel.component.janus.max-message-size=44",
                        "camel.component.janus.operation=info",
                        "camel.component.janus.await-event=false",
                        "camel.component.janus.fail-on-plugin-error=false",
                        "camel.component.janus.reconnect=false",
                        "camel.component.janus.reclaim=false",
                        "camel.component.janus.destroy-sessions-on-stop=false",
                        "camel.component.janus.origin=http://example.invalid",
                        "camel.component.janus.transport=tyrus",
                        "camel.component.janus.lazy-start-producer=true",
                        "camel.component.janus.bridge-error-handler=true",
                        "camel.component.janus.health-check-consumer-enabled=false",
                        "camel.component.janus.health-check-producer-enabled=false",
                        "camel.component.janus.use-global-ssl-context-parameters=true")
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            assertThat(context).hasSingleBean(ComponentCustomizer.class);
                            CamelContext camel = context.getBean(CamelContext.class);
                            JanusComponent component =
                                    camel.getComponent("janus", JanusComponent.class);
                            assertThat(component.isLazyStartProducer()).isTrue();
                            assertThat(component.isBridgeErrorHandler()).isTrue();
                            assertThat(component.isHealthCheckConsumerEnabled()).isFalse();
                            assertThat(component.isHealthCheckProducerEnabled()).isFalse();
                            assertThat(component.isUseGlobalSslContextParameters()).isTrue();

                            JanusConfiguration c =
                                    camel.getEndpoint(ENDPOINT, JanusEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getApiSecret()).isEqualTo("s3cret");
                            assertThat(c.getToken()).isEqualTo("tok");
                            assertThat(c.getPlugin()).isEqualTo("janus.plugin.videoroom");
                            assertThat(c.getOpaqueId()).isEqualTo("op-1");
                            assertThat(c.getRequestTimeout()).isEqualTo(3000);
                            assertThat(c.getConnectTimeout()).isEqualTo(2000);
                            assertThat(c.getKeepAliveInterval()).isZero();
                            assertThat(c.getPingInterval()).isEqualTo(60_000);
                            assertThat(c.getReconnectInitialDelay()).isEqualTo(250);
                            assertThat(c.getReconnectMaxDelay()).isEqualTo(5000);
                            assertThat(c.getShutdownTimeout()).isEqualTo(1500);
                            assertThat(c.getMaxReconnectAttempts()).isEqualTo(7);
                            assertThat(c.getEventTypes()).isEqualTo("event,hangup");
                            assertThat(c.getEventQueueSize()).isEqualTo(42);
                            assertThat(c.getMaxPendingRequests()).isEqualTo(43);
                            assertThat(c.getMaxMessageSize()).isEqualTo(44);
                            assertThat(c.getOperation()).isEqualTo(JanusOperation.info);
                            assertThat(c.isAwaitEvent()).isFalse();
                            assertThat(c.isFailOnPluginError()).isFalse();
                            assertThat(c.isReconnect()).isFalse();
                            assertThat(c.isReclaim()).isFalse();
                            assertThat(c.isDestroySessionsOnStop()).isFalse();
                            assertThat(c.getOrigin()).isEqualTo("http://example.invalid");
                            assertThat(c.getTransport()).isEqualTo(JanusTransportType.tyrus);
                        });
    }

    @Test
    void withoutPropertiesTheComponentKeepsItsDefaults() {
        runner.run(
                context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    JanusConfiguration c =
                            camel.getEndpoint(ENDPOINT, JanusEndpoint.class).getConfiguration();
                    JanusConfiguration defaults = new JanusConfiguration();
                    assertThat(c)
                            .usingRecursiveComparison()
                            .ignoringFields("sslContextParameters")
                            .isEqualTo(defaults);
                    assertThat(context.getBean(JanusComponentConfiguration.class).getApiSecret())
                            .isNull();
                });
    }

    @Test
    void endpointUriOptionsOverrideTheProperties() {
        runner.withPropertyValues(
                        "camel.component.janus.request-timeout=3s",
                        "camel.component.janus.api-secret=from-boot")
                .run(
                        context -> {
                            JanusConfiguration c =
                                    context.getBean(CamelContext.class)
                                            .getEndpoint(
                                                    ENDPOINT + "?requestTimeout=1234",
                                                    JanusEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getRequestTimeout()).isEqualTo(1234);
                            assertThat(c.getApiSecret()).isEqualTo("from-boot");
                        });
    }

    /**
     * Every typed option of the component's metadata: Spring's binder refuses text not of the
     * property's type at start; text it takes (eventTypes is a String in Spring) the component
     * refuses when the properties are applied to it, which is when it is first used.
     */
    @Test
    void aBadValueFailsNamingThePropertyAndTheText() throws Exception {
        JsonNode options;
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/io/github/cameljanus/janus.json")) {
            options = new ObjectMapper().readTree(in).path("componentProperties");
        }
        List<String> typed = new ArrayList<>();
        options.fields()
                .forEachRemaining(
                        option -> {
                            String type = option.getValue().path("type").asText();
                            if (Set.of("boolean", "integer", "duration", "enum").contains(type)) {
                                typed.add(option.getKey());
                            }
                        });
        assertThat(typed).contains("maxReconnectAttempts", "keepAliveInterval", "eventTypes");
        for (String name : typed) {
            String property =
                    "camel.component.janus."
                            + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                                    .toLowerCase(Locale.ROOT);
            runner.withPropertyValues(property + "=abc")
                    .run(
                            context -> {
                                Throwable failure =
                                        context.getStartupFailure() != null
                                                ? context.getStartupFailure()
                                                : catchThrowable(
                                                        () ->
                                                                context.getBean(CamelContext.class)
                                                                        .getEndpoint(ENDPOINT));
                                assertThat(failure).as(name).isNotNull();
                                StringBuilder messages = new StringBuilder();
                                for (Throwable t = failure; t != null; t = t.getCause()) {
                                    messages.append(t.getMessage()).append('\n');
                                }
                                assertThat(messages.toString())
                                        .as(name)
                                        .containsAnyOf(property, name)
                                        .contains("abc");
                            });
        }
    }

    /**
     * What docs/spring-boot.md and docs/operations.md say: an environment variable sets a secret by
     * Spring's rule (dots to underscores, dashes dropped), the legacy form with the dash as an
     * underscore too.
     */
    @Test
    void theApiSecretBindsFromTheEnvironment() {
        for (String variable :
                List.of("CAMEL_COMPONENT_JANUS_APISECRET", "CAMEL_COMPONENT_JANUS_API_SECRET")) {
            runner.withInitializer(
                            context ->
                                    context.getEnvironment()
                                            .getPropertySources()
                                            .addFirst(
                                                    new SystemEnvironmentPropertySource(
                                                            "test-systemEnvironment",
                                                            Map.of(variable, "from-env"))))
                    .run(
                            context -> {
                                JanusConfiguration c =
                                        context.getBean(CamelContext.class)
                                                .getEndpoint(ENDPOINT, JanusEndpoint.class)
                                                .getConfiguration();
                                assertThat(c.getApiSecret()).as(variable).isEqualTo("from-env");
                            });
        }
    }

    @Test
    void disabledWithEnabledFalse() {
        runner.withPropertyValues(
                        "camel.component.janus.enabled=false",
                        "camel.component.janus.api-secret=ignored")
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            assertThat(context)
                                    .doesNotHaveBean(JanusComponentAutoConfiguration.class)
                                    .doesNotHaveBean(ComponentCustomizer.class);
                            JanusConfiguration c =
                                    context.getBean(CamelContext.class)
                                            .getEndpoint(ENDPOINT, JanusEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getApiSecret()).isNull();
                        });
    }

    @Test
    void disabledWithAllComponentsOff() {
        runner.withPropertyValues("camel.component.enabled=false")
                .run(
                        context ->
                                assertThat(context)
                                        .doesNotHaveBean(JanusComponentAutoConfiguration.class));
    }

    @Test
    void enabledForJanusEvenWhenAllComponentsOff() {
        runner.withPropertyValues(
                        "camel.component.enabled=false", "camel.component.janus.enabled=true")
                .run(
                        context ->
                                assertThat(context)
                                        .hasSingleBean(JanusComponentAutoConfiguration.class));
    }

    @Test
    void customizerDisabledLeavesTheComponentAlone() {
        runner.withPropertyValues(
                        "camel.component.janus.customizer.enabled=false",
                        "camel.component.janus.api-secret=ignored")
                .run(
                        context -> {
                            assertThat(context).hasSingleBean(ComponentCustomizer.class);
                            JanusConfiguration c =
                                    context.getBean(CamelContext.class)
                                            .getEndpoint(ENDPOINT, JanusEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getApiSecret()).isNull();
                        });
    }

    @Test
    void withoutCamelTheAutoConfigurationBacksOff() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(
                                JanusComponentConverter.class,
                                JanusComponentAutoConfiguration.class))
                .run(
                        context ->
                                assertThat(context)
                                        .hasNotFailed()
                                        .doesNotHaveBean(JanusComponentAutoConfiguration.class));
    }

    @Test
    void configurationBeanIsTheBaseAndSetPropertiesOverrideIt() {
        JanusConfiguration base = new JanusConfiguration();
        base.setApiSecret("from-bean");
        base.setPingInterval(1234);
        base.setRequestTimeout(4321);
        SSLContextParameters tls = new SSLContextParameters();
        runner.withBean("janusDefaults", JanusConfiguration.class, () -> base)
                .withBean("janusTls", SSLContextParameters.class, () -> tls)
                .withPropertyValues(
                        "camel.component.janus.configuration=#bean:janusDefaults",
                        "camel.component.janus.request-timeout=2s",
                        "camel.component.janus.ssl-context-parameters=#janusTls")
                .run(
                        context -> {
                            assertThat(context).hasNotFailed();
                            JanusConfiguration c =
                                    context.getBean(CamelContext.class)
                                            .getEndpoint(ENDPOINT, JanusEndpoint.class)
                                            .getConfiguration();
                            assertThat(c.getApiSecret()).isEqualTo("from-bean");
                            assertThat(c.getPingInterval()).isEqualTo(1234);
                            assertThat(c.getRequestTimeout()).isEqualTo(2000);
                            assertThat(c.getSslContextParameters()).isSameAs(tls);
                        });
    }
}
