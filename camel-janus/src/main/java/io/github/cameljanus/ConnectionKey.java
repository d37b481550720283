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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What defines a connection: endpoints of one component with equal keys share one. A key is the
 * address list and the values of the options the component's metadata groups as connection or
 * security (janus.json, janus-admin.json: the one definition of which options split connections):
 * consumer- and producer-only options (eventTypes, operation, awaitEvent, requestTimeout, plugin,
 * ...) are not part of it, and a new connection option is without code here. SSLContextParameters
 * compare by identity: endpoints naming the same bean share.
 */
final class ConnectionKey {

    /** Each component's connection options' getters, in metadata order, by scheme. */
    private static final Map<String, List<Method>> GETTERS = new ConcurrentHashMap<>();

    private final List<URI> addresses;
    private final ConnectionOptions options;
    private final List<Object> values;

    private ConnectionKey(List<URI> addresses, ConnectionOptions options, List<Method> getters) {
        this.addresses = List.copyOf(addresses);
        this.options = options;
        List<Object> read = new ArrayList<>(getters.size());
        for (Method getter : getters) {
            try {
                read.add(getter.invoke(options));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read option " + getter.getName(), e);
            }
        }
        this.values = Collections.unmodifiableList(read);
    }

    /**
     * The key of an endpoint's connection.
     *
     * @param scheme the endpoint's component, whose metadata says which options are connection
     *     options
     * @param options a copy of the endpoint's options, kept by the key and not to be changed, with
     *     the TLS settings in effect (the endpoint's, else the global ones)
     */
    static ConnectionKey of(String scheme, List<URI> addresses, ConnectionOptions options) {
        return new ConnectionKey(addresses, options, getters(scheme, options.getClass()));
    }

    /** The names of the options that define a connection of this component (tests, docs). */
    static List<String> optionNames(String scheme, Class<? extends ConnectionOptions> type) {
        return getters(scheme, type).stream().map(ConnectionKey::optionName).toList();
    }

    List<URI> addresses() {
        return addresses;
    }

    /** The connection's options (a copy, not to be changed). */
    ConnectionOptions options() {
        return options;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionKey key
                && options.getClass() == key.options.getClass()
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

    private static List<Method> getters(String scheme, Class<?> type) {
        return GETTERS.computeIfAbsent(scheme, s -> connectionOptionGetters(s, type));
    }

    private static List<Method> connectionOptionGetters(String scheme, Class<?> type) {
        List<Method> getters = new ArrayList<>();
        ComponentMetadata.of(scheme)
                .endpointOptions()
                .fields()
                .forEachRemaining(
                        option -> {
                            String group = option.getValue().path("group").asText();
                            if (group.startsWith("connection") || group.equals("security")) {
                                getters.add(getter(type, option.getKey()));
                            }
                        });
        if (getters.isEmpty()) {
            throw new IllegalStateException(
                    "The metadata of " + scheme + " lists no connection option");
        }
        return List.copyOf(getters);
    }

    private static Method getter(Class<?> type, String option) {
        String suffix = option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return type.getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the other prefix; a boolean's getter is isX
            }
        }
        throw new IllegalStateException(
                type.getSimpleName() + " has no getter for option " + option);
    }

    private static String optionName(Method getter) {
        String name = getter.getName().replaceFirst("^(get|is)", "");
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
