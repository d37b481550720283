/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.context.ApplicationContext;

/**
 * The customizers the auto-configurations of {@code janus:} and {@code janus-admin:} register, the
 * way Camel's own starters do: Camel creates the component, the customizer copies the {@code
 * camel.component.<scheme>.*} properties onto it.
 */
final class ComponentCustomizers {

    private ComponentCustomizers() {}

    /**
     * A customizer of the components of {@code type}, off with {@code
     * camel.component.<scheme>.customizer.enabled=false}.
     *
     * @param properties the bound properties
     * @param defaults a fresh properties object, holding each property's default
     */
    static ComponentCustomizer of(
            ApplicationContext applicationContext,
            String scheme,
            Class<? extends Component> type,
            Object properties,
            Supplier<Object> defaults) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camelContext = target.getCamelContext();
                CamelPropertiesHelper.copyProperties(
                        camelContext, ordered(camelContext, properties, defaults), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext,
                                "camel.component.customizer",
                                "camel.component." + scheme + ".customizer")
                        && type.isInstance(target);
            }
        };
    }

    /**
     * The non-null properties to copy, in the order they must be applied: {@code configuration}
     * first (it replaces the whole default configuration), then the flattened options; when a
     * {@code configuration} bean is given, only the flattened options set to other than their
     * default, so the bean's values are not reset to the defaults.
     */
    static Map<String, Object> ordered(
            CamelContext camelContext, Object properties, Supplier<Object> defaults) {
        Map<String, Object> set =
                CamelPropertiesHelper.getNonNullProperties(camelContext, properties);
        Map<String, Object> ordered = new LinkedHashMap<>();
        Object bean = set.remove("configuration");
        if (bean == null) {
            ordered.putAll(set);
            return ordered;
        }
        ordered.put("configuration", bean);
        Map<String, Object> defaultValues =
                CamelPropertiesHelper.getNonNullProperties(camelContext, defaults.get());
        set.forEach(
                (key, value) -> {
                    if (!Objects.equals(value, defaultValues.get(key))) {
                        ordered.put(key, value);
                    }
                });
        return ordered;
    }
}
