/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.events.JanusEventsComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.janus-events.*} properties to the {@code janus-events:}
 * component through a {@link ComponentCustomizer}, the way Camel's own starters do: Camel creates
 * the component, the customizer configures it. Off with {@code
 * camel.component.janus-events.enabled=false} (or {@code camel.component.enabled=false}); the
 * customizer alone is off with {@code camel.component.janus-events.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, JanusComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnClass(name = "io.github.cameljanus.events.JanusEventsComponent")
@EnableConfigurationProperties({
    ComponentConfigurationProperties.class,
    JanusEventsComponentConfiguration.class
})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.janus-events"})
public class JanusEventsComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final JanusEventsComponentConfiguration configuration;

    public JanusEventsComponentAutoConfiguration(
            ApplicationContext applicationContext,
            JanusEventsComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    /** The customizer that copies the properties onto every {@link JanusEventsComponent}. */
    @Lazy
    @Bean
    public ComponentCustomizer configureJanusEventsComponent() {
        return ComponentCustomizers.of(
                applicationContext,
                "janus-events",
                JanusEventsComponent.class,
                configuration,
                JanusEventsComponentConfiguration::new);
    }
}
