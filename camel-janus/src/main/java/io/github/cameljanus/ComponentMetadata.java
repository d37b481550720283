/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * A component's generated metadata ({@code META-INF/<its package>/<scheme>.json}): the one
 * definition of its options' types, groups and secret flags, read by the option checks, the
 * connection key and the sensitive-key registration of every component of this project. Public for
 * the project's components in other packages (janus-events); not an API for applications.
 */
public final class ComponentMetadata {

    private static final Map<String, ComponentMetadata> LOADED = new ConcurrentHashMap<>();

    private final JsonNode componentOptions;
    private final JsonNode endpointOptions;

    private ComponentMetadata(JsonNode root) {
        this.componentOptions = root.path("componentProperties");
        this.endpointOptions = root.path("properties");
    }

    /** The metadata of the component with this scheme ({@code janus}, {@code janus-admin}). */
    static ComponentMetadata of(String scheme) {
        return of(ComponentMetadata.class, scheme);
    }

    /** The metadata of the component with this scheme, generated in {@code type}'s package. */
    public static ComponentMetadata of(Class<?> type, String scheme) {
        String resource =
                "/META-INF/" + type.getPackageName().replace('.', '/') + "/" + scheme + ".json";
        return LOADED.computeIfAbsent(resource, r -> load(type, r));
    }

    /** The component-level options (set on the component: Camel Main, the starter). */
    public JsonNode componentOptions() {
        return componentOptions;
    }

    /** The endpoint options (the URI's). */
    public JsonNode endpointOptions() {
        return endpointOptions;
    }

    /** The names of the options marked secret, lower-case (apisecret, token, ...). */
    public Set<String> secretOptions() {
        Set<String> secrets = new TreeSet<>();
        endpointOptions
                .fields()
                .forEachRemaining(
                        option -> {
                            if (option.getValue().path("secret").asBoolean(false)) {
                                secrets.add(option.getKey().toLowerCase(Locale.ROOT));
                            }
                        });
        return secrets;
    }

    /**
     * Makes Camel treat the secret options as sensitive wherever it prints configuration (Camel
     * Main's startup summary, the dev console): its built-in list knows {@code token} but not
     * {@code apiSecret}. What the application added stays.
     */
    public void registerSecrets(CamelContext camelContext) {
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        Set<String> keywords = new TreeSet<>(secretOptions());
        String existing = extension.getAdditionalSensitiveKeywords();
        if (existing != null && !existing.isBlank()) {
            keywords.addAll(Arrays.asList(existing.split(",")));
        }
        extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
    }

    private static ComponentMetadata load(Class<?> type, String resource) {
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The component metadata " + resource + " is missing");
            }
            return new ComponentMetadata(JanusJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
