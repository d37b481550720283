/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * The generated spring-configuration-metadata.json has one described property per component option
 * of janus.json and janus-admin.json (the components' own metadata), plus enabled and
 * customizer.enabled for each.
 */
class ConfigurationMetadataTest {

    private static final String[] SCHEMES = {"janus", "janus-admin", "janus-events"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionHasADescribedProperty() throws IOException {
        for (String scheme : SCHEMES) {
            everyComponentOptionHasADescribedProperty(scheme);
        }
    }

    private void everyComponentOptionHasADescribedProperty(String scheme) throws IOException {
        String prefix = "camel.component." + scheme + ".";
        JsonNode component = read(metadataOf(scheme));
        TreeSet<String> expected = new TreeSet<>();
        component
                .path("componentProperties")
                .fieldNames()
                .forEachRemaining(name -> expected.add(prefix + kebab(name)));
        expected.add(prefix + "enabled");
        expected.add(prefix + "customizer.enabled");

        Map<String, JsonNode> properties = new TreeMap<>();
        for (JsonNode metadata : readAll("META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : metadata.path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith(prefix)) {
                    properties.put(name, property);
                }
            }
        }

        assertThat(properties.keySet()).containsExactlyElementsOf(expected);
        properties.forEach(
                (name, property) ->
                        assertThat(property.path("description").asText())
                                .as("description of %s", name)
                                .isNotBlank());
        if (!scheme.equals("janus-events")) {
            assertThat(properties.get(prefix + "request-timeout").path("defaultValue").asText())
                    .isEqualTo("10s");
        }
        String secret =
                switch (scheme) {
                    case "janus" -> "api-secret";
                    case "janus-admin" -> "admin-secret";
                    default -> "secret";
                };
        assertThat(properties.get(prefix + secret).path("type").asText())
                .isEqualTo("java.lang.String");
    }

    /**
     * The component's metadata is the one definition of each option: the starter's description
     * starts with the component's (it may add how to give a bean in Spring) and its default is the
     * same value (a duration as Spring writes it, 10s for 10000 ms).
     */
    @Test
    void descriptionsAndDefaultsAreTheComponents() throws IOException {
        for (String scheme : SCHEMES) {
            descriptionsAndDefaultsAreTheComponents(scheme);
        }
    }

    private void descriptionsAndDefaultsAreTheComponents(String scheme) throws IOException {
        String prefix = "camel.component." + scheme + ".";
        JsonNode component = read(metadataOf(scheme)).path("componentProperties");
        Map<String, JsonNode> properties = new TreeMap<>();
        for (JsonNode metadata : readAll("META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : metadata.path("properties")) {
                properties.put(property.path("name").asText(), property);
            }
        }
        component
                .fields()
                .forEachRemaining(
                        option -> {
                            String name = option.getKey();
                            JsonNode expected = option.getValue();
                            JsonNode property = properties.get(prefix + kebab(name));
                            assertThat(property).as(name).isNotNull();
                            assertThat(property.path("description").asText())
                                    .as("description of %s", name)
                                    .startsWith(expected.path("description").asText());
                            assertThat(defaultOf(property, expected.path("type").asText()))
                                    .as("default of %s", name)
                                    .isEqualTo(expected.path("defaultValue").asText(""));
                        });
    }

    /** The starter's default in the component's notation: durations in milliseconds. */
    private static String defaultOf(JsonNode property, String componentType) {
        String value = property.path("defaultValue").asText("");
        if (!"duration".equals(componentType) || value.isEmpty()) {
            return value;
        }
        return Long.toString(
                DurationStyle.detectAndParse(value, java.time.temporal.ChronoUnit.MILLIS)
                        .toMillis());
    }

    /**
     * docs/spring-boot.md's tables are the generated metadata (rewritten with janus.docs.update).
     */
    @Test
    void theDocsTablesAreTheMetadata() throws IOException {
        for (String scheme : SCHEMES) {
            theDocsTableIsTheMetadata(scheme);
        }
    }

    private void theDocsTableIsTheMetadata(String scheme) throws IOException {
        String prefix = "camel.component." + scheme + ".";
        Map<String, JsonNode> properties = new TreeMap<>();
        for (JsonNode metadata : readAll("META-INF/spring-configuration-metadata.json")) {
            for (JsonNode property : metadata.path("properties")) {
                String name = property.path("name").asText();
                if (name.startsWith(prefix)) {
                    properties.put(name, property);
                }
            }
        }
        StringBuilder table = new StringBuilder("| property | type | default | description |\n");
        table.append("|---|---|---|---|\n");
        properties.forEach(
                (name, property) -> {
                    String type = property.path("type").asText();
                    String value = property.path("defaultValue").asText("");
                    table.append("| `")
                            .append(name)
                            .append("` | ")
                            .append(type.substring(type.lastIndexOf('.') + 1))
                            .append(" | ")
                            .append(value.isEmpty() ? "" : "`" + value + "`")
                            .append(" | ")
                            .append(property.path("description").asText().replace("|", "\\|"))
                            .append(" |\n");
                });
        java.nio.file.Path doc = java.nio.file.Path.of("..", "docs", "spring-boot.md");
        String text = java.nio.file.Files.readString(doc);
        String section = scheme.equals("janus") ? "starter properties" : scheme + " properties";
        String begin = "<!-- BEGIN GENERATED: " + section + " -->\n";
        String end = "<!-- END GENERATED: " + section + " -->";
        int start = text.indexOf(begin);
        int stop = text.indexOf(end);
        assertThat(start).as(begin.trim()).isNotNegative();
        assertThat(stop).as(end).isGreaterThan(start);
        String expected = text.substring(0, start + begin.length()) + table + text.substring(stop);
        if (Boolean.getBoolean("janus.docs.update")) {
            java.nio.file.Files.writeString(doc, expected);
            text = expected;
        }
        assertThat(text)
                .as("docs/spring-boot.md is stale: rerun with -Djanus.docs.update=true")
                .isEqualTo(expected);
    }

    @Test
    void autoConfigurationIsRegistered() throws IOException {
        String imports;
        try (InputStream in =
                getClass()
                        .getClassLoader()
                        .getResourceAsStream(
                                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(in).isNotNull();
            imports = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(imports.lines().map(String::trim))
                .contains(
                        JanusComponentAutoConfiguration.class.getName(),
                        JanusAdminComponentAutoConfiguration.class.getName(),
                        JanusEventsComponentAutoConfiguration.class.getName(),
                        JanusComponentConverter.class.getName());
    }

    /** Where a component's generated metadata is: beside its component class. */
    private static String metadataOf(String scheme) {
        return scheme.equals("janus-events")
                ? "META-INF/io/github/cameljanus/events/janus-events.json"
                : "META-INF/io/github/cameljanus/" + scheme + ".json";
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in =
                ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static List<JsonNode> readAll(String resource) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (URL url :
                Collections.list(
                        ConfigurationMetadataTest.class.getClassLoader().getResources(resource))) {
            try (InputStream in = url.openStream()) {
                all.add(JSON.readTree(in));
            }
        }
        return all;
    }
}
