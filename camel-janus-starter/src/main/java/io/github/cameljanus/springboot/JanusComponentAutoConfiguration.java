/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.janus.*} properties to the {@code janus:} component through a
 * {@link ComponentCustomizer}, the way Camel's own starters do: Camel creates the component, the
 * customizer configures it. Off with {@code camel.component.janus.enabled=false} (or {@code
 * camel.component.enabled=false}); the customizer alone is off with {@code
 * camel.component.janus.customizer.enabled=false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, JanusComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({
    ComponentConfigurationProperties.class,
    JanusComponentConfiguration.class
})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.janus"})
public class JanusComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final JanusComponentConfiguration configuration;

    public JanusComponentAutoConfiguration(
            ApplicationContext applicationContext, JanusComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    /** The customizer that copies the properties onto every {@link JanusComponent}. */
    @Lazy
    @Bean
    public ComponentCustomizer configureJanusComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camelContext = target.getCamelContext();
                CamelPropertiesHelper.copyProperties(
                        camelContext, properties(camelContext, configuration), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext,
                                "camel.component.customizer",
                                "camel.component.janus.customizer")
                        && target instanceof JanusComponent;
            }
        };
    }

    /**
     * The non-null properties to copy, in the order they must be applied: {@code configuration}
     * first (it replaces the whole default configuration), then the flattened options; when a
     * {@code configuration} bean is given, only the flattened options set to other than their
     * default, so the bean's values are not reset to the defaults.
     */
    static Map<String, Object> properties(
            CamelContext camelContext, JanusComponentConfiguration configuration) {
        Map<String, Object> set =
                CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        Map<String, Object> ordered = new LinkedHashMap<>();
        Object bean = set.remove("configuration");
        if (bean == null) {
            ordered.putAll(set);
            return ordered;
        }
        ordered.put("configuration", bean);
        Map<String, Object> defaults =
                CamelPropertiesHelper.getNonNullProperties(
                        camelContext, new JanusComponentConfiguration());
        set.forEach(
                (key, value) -> {
                    if (!Objects.equals(value, defaults.get(key))) {
                        ordered.put(key, value);
                    }
                });
        return ordered;
    }
}
