/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What defines a connection: endpoints with equal keys share one. A key is the address list and the
 * values of the options the component metadata groups as connection or security (janus.json, the
 * one definition of which options split connections): consumer- and producer-only options
 * (eventTypes, operation, awaitEvent, requestTimeout, plugin, ...) are not part of it, and a new
 * connection option is without code here. SSLContextParameters compare by identity: endpoints
 * naming the same bean share.
 */
final class ConnectionKey {

    /** The connection options' names and getters, in metadata order. */
    private static final List<Method> GETTERS = connectionOptionGetters();

    private final List<URI> addresses;
    private final JanusConfiguration configuration;
    private final List<Object> values;

    private ConnectionKey(List<URI> addresses, JanusConfiguration configuration) {
        this.addresses = List.copyOf(addresses);
        this.configuration = configuration;
        List<Object> read = new ArrayList<>(GETTERS.size());
        for (Method getter : GETTERS) {
            try {
                read.add(getter.invoke(configuration));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read option " + getter.getName(), e);
            }
        }
        this.values = Collections.unmodifiableList(read);
    }

    /**
     * The key of an endpoint's connection.
     *
     * @param sslContextParameters the TLS settings in effect (the endpoint's, else the global ones)
     */
    static ConnectionKey of(
            List<URI> addresses, JanusConfiguration c, SSLContextParameters sslContextParameters) {
        JanusConfiguration copy = c.copy();
        copy.setSslContextParameters(sslContextParameters);
        return new ConnectionKey(addresses, copy);
    }

    /** The names of the options that define a connection (for tests and docs). */
    static List<String> optionNames() {
        return GETTERS.stream().map(ConnectionKey::optionName).toList();
    }

    List<URI> addresses() {
        return addresses;
    }

    /** The connection's options (a copy, not to be changed): read them with its getters. */
    JanusConfiguration configuration() {
        return configuration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionKey key
                && addresses.equals(key.addresses)
                && values.equals(key.values);
    }

    @Override
    public int hashCode() {
        return 31 * addresses.hashCode() + values.hashCode();
    }

    /** Secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "ConnectionKey" + addresses;
    }

    private static List<Method> connectionOptionGetters() {
        List<Method> getters = new ArrayList<>();
        ComponentMetadata.of("janus")
                .endpointOptions()
                .fields()
                .forEachRemaining(
                        option -> {
                            String group = option.getValue().path("group").asText();
                            if (group.startsWith("connection") || group.equals("security")) {
                                getters.add(getter(option.getKey()));
                            }
                        });
        if (getters.isEmpty()) {
            throw new IllegalStateException("The component metadata lists no connection option");
        }
        return List.copyOf(getters);
    }

    private static Method getter(String option) {
        String suffix = option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return JanusConfiguration.class.getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the other prefix; a boolean's getter is isX
            }
        }
        throw new IllegalStateException("JanusConfiguration has no getter for option " + option);
    }

    private static String optionName(Method getter) {
        String name = getter.getName().replaceFirst("^(get|is)", "");
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
