/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import io.github.cameljanus.JanusAdminConfiguration;
import io.github.cameljanus.JanusConfiguration;
import java.util.HashSet;
import java.util.List;
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

    /** Object-typed options of janus-events:, when camel-janus-events is on the classpath. */
    private static final List<String> OPTIONAL_TYPES =
            List.of("io.github.cameljanus.events.JanusEventsConfiguration", "io.vertx.core.Vertx");

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new HashSet<>();
        pairs.add(new ConvertiblePair(String.class, JanusConfiguration.class));
        pairs.add(new ConvertiblePair(String.class, JanusAdminConfiguration.class));
        pairs.add(new ConvertiblePair(String.class, SSLContextParameters.class));
        for (String type : OPTIONAL_TYPES) {
            try {
                pairs.add(
                        new ConvertiblePair(
                                String.class,
                                Class.forName(type, false, getClass().getClassLoader())));
            } catch (ClassNotFoundException absent) {
                // that component is not on the classpath: nothing of it to convert
            }
        }
        return pairs;
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
