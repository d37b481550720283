/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusAdminComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.janus-admin.*} properties to the {@code janus-admin:}
 * component through a {@link ComponentCustomizer}, the way Camel's own starters do: Camel creates
 * the component, the customizer configures it. Off with {@code
 * camel.component.janus-admin.enabled=false} (or {@code camel.component.enabled=false}); the
 * customizer alone is off with {@code camel.component.janus-admin.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, JanusComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({
    ComponentConfigurationProperties.class,
    JanusAdminComponentConfiguration.class
})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.janus-admin"})
public class JanusAdminComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final JanusAdminComponentConfiguration configuration;

    public JanusAdminComponentAutoConfiguration(
            ApplicationContext applicationContext, JanusAdminComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    /** The customizer that copies the properties onto every {@link JanusAdminComponent}. */
    @Lazy
    @Bean
    public ComponentCustomizer configureJanusAdminComponent() {
        return ComponentCustomizers.of(
                applicationContext,
                "janus-admin",
                JanusAdminComponent.class,
                configuration,
                JanusAdminComponentConfiguration::new);
    }
}
