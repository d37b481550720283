/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.GeneratedPropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * The component's generated configurer, with each option's text checked first: Camel Main ({@code
 * camel.component.janus.*}), the Spring Boot starter and property binding set the component's
 * options through it, and Camel's own conversion would turn {@code maxReconnectAttempts=abc} into
 * 0.
 */
public final class CheckedComponentConfigurer
        implements GeneratedPropertyConfigurer, PropertyConfigurerGetter {

    private final PropertyConfigurer generated;
    private final ComponentMetadata metadata;

    public CheckedComponentConfigurer(PropertyConfigurer generated, ComponentMetadata metadata) {
        this.generated = generated;
        this.metadata = metadata;
    }

    @Override
    public boolean configure(
            CamelContext camelContext,
            Object target,
            String name,
            Object value,
            boolean ignoreCase) {
        OptionValues.check(metadata.componentOptions(), name, value);
        return generated.configure(camelContext, target, name, value, ignoreCase);
    }

    @Override
    public Class<?> getOptionType(String name, boolean ignoreCase) {
        return getter().getOptionType(name, ignoreCase);
    }

    @Override
    public Object getOptionValue(Object target, String name, boolean ignoreCase) {
        return getter().getOptionValue(target, name, ignoreCase);
    }

    @Override
    public Object getCollectionValueType(Object target, String name, boolean ignoreCase) {
        return getter().getCollectionValueType(target, name, ignoreCase);
    }

    @Override
    public String[] getAutowiredNames() {
        return getter().getAutowiredNames();
    }

    private PropertyConfigurerGetter getter() {
        return (PropertyConfigurerGetter) generated;
    }
}
