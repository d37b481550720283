/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusAdminConfiguration;
import io.github.cameljanus.JanusConfiguration;
import java.util.Set;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Turns {@code #bean:name} (or {@code #name}) in the object-typed properties ({@code
 * camel.component.janus.configuration}, {@code camel.component.janus-admin.configuration}, {@code
 * camel.component.janus.ssl-context-parameters}, ...) into the Spring bean of that name.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class JanusComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public JanusComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(
                new ConvertiblePair(String.class, JanusConfiguration.class),
                new ConvertiblePair(String.class, JanusAdminConfiguration.class),
                new ConvertiblePair(String.class, SSLContextParameters.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name =
                ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
