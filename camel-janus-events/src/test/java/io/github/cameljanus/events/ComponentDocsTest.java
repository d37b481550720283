/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameljanus.testing.ComponentDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The options and headers tables of docs/janus-events-component.md are rendered from the generated
 * metadata; this test fails when they drift (-Djanus.docs.update=true rewrites them).
 */
class ComponentDocsTest {

    private static final Path DOC = Path.of("..", "docs", "janus-events-component.md");

    private static JsonNode metadata() {
        return ComponentDocs.metadata(
                ComponentDocsTest.class, "/META-INF/io/github/cameljanus/events/janus-events.json");
    }

    @Test
    void everyOptionAndHeaderIsDescribedAndTheSecretsAreMarked() {
        JsonNode json = metadata();
        for (String section : new String[] {"componentProperties", "properties", "headers"}) {
            json.path(section)
                    .fields()
                    .forEachRemaining(
                            field ->
                                    assertThat(field.getValue().path("description").asText())
                                            .as(section + "." + field.getKey())
                                            .isNotBlank());
        }
        for (String secret : new String[] {"secret", "username", "password"}) {
            assertThat(json.path("properties").path(secret).path("secret").asBoolean())
                    .as(secret)
                    .isTrue();
        }
    }

    @Test
    void docsTablesMatchTheMetadata() {
        String[] expectedAndActual =
                ComponentDocs.expectedAndActual(
                        DOC, doc -> ComponentDocs.withMetadataTables(doc, metadata()));
        assertThat(expectedAndActual[1])
                .as(DOC + " is stale: rerun with -Djanus.docs.update=true")
                .isEqualTo(expectedAndActual[0]);
    }
}
