/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameljanus.client.JanusAdminOperation;
import io.github.cameljanus.testing.ComponentDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The options and headers tables of docs/janus-component.md and docs/janus-admin-component.md are
 * rendered from the generated component metadata, and the operations table of the latter from the
 * operation catalogue; this test fails when they drift. Run it with -Djanus.docs.update=true to
 * rewrite them.
 */
class ComponentDocsTest {

    private static final Path DOC = Path.of("..", "docs", "janus-component.md");
    private static final Path ADMIN_DOC = Path.of("..", "docs", "janus-admin-component.md");

    @Test
    void metadataDocumentsEveryOptionAndHeader() throws Exception {
        for (String scheme : new String[] {"janus", "janus-admin"}) {
            JsonNode json = metadata(scheme);
            for (String section : new String[] {"componentProperties", "properties", "headers"}) {
                assertThat(json.path(section).size()).as(scheme + " " + section).isPositive();
                json.path(section)
                        .fields()
                        .forEachRemaining(
                                field ->
                                        assertThat(field.getValue().path("description").asText())
                                                .as(scheme + " " + section + "." + field.getKey())
                                                .isNotBlank());
            }
        }
        JsonNode json = metadata("janus");
        assertThat(json.path("properties").path("apiSecret").path("secret").asBoolean()).isTrue();
        assertThat(json.path("properties").path("token").path("secret").asBoolean()).isTrue();
        assertThat(json.path("headers").has(JanusConstants.OPERATION)).isTrue();
        JsonNode admin = metadata("janus-admin");
        assertThat(admin.path("properties").path("adminSecret").path("secret").asBoolean())
                .isTrue();
        assertThat(admin.path("properties").path("operation").path("enum").size())
                .isEqualTo(JanusAdminOperation.values().length);
    }

    @Test
    void docsTablesMatchTheMetadata() throws Exception {
        checkTables(DOC, metadata("janus"), null);
        checkTables(ADMIN_DOC, metadata("janus-admin"), operations());
    }

    private static void checkTables(Path file, JsonNode json, String operations) {
        String[] expectedAndActual =
                ComponentDocs.expectedAndActual(
                        file,
                        doc -> {
                            String rendered = ComponentDocs.withMetadataTables(doc, json);
                            return operations == null
                                    ? rendered
                                    : ComponentDocs.replaceSection(
                                            rendered, "operations", operations);
                        });
        assertThat(expectedAndActual[1])
                .as(file + " is stale: rerun with -Djanus.docs.update=true")
                .isEqualTo(expectedAndActual[0]);
    }

    /** The Admin API operations: their request, what they address, parameters, an example. */
    private static String operations() {
        StringBuilder out = new StringBuilder();
        out.append(
                "| operation | Janus request | addresses | required parameters | example body |\n");
        out.append("|---|---|---|---|---|\n");
        for (JanusAdminOperation operation : JanusAdminOperation.values()) {
            String addresses =
                    switch (operation.scope()) {
                        case GLOBAL -> "Janus";
                        case GLOBAL_OR_SESSION -> "Janus, or one session";
                        case SESSION -> "a session";
                        case HANDLE -> "a handle";
                    };
            out.append("| `")
                    .append(operation.name())
                    .append("` | `")
                    .append(operation.verb())
                    .append("` | ")
                    .append(addresses)
                    .append(" | ")
                    .append(
                            operation.required().isEmpty()
                                    ? "–"
                                    : "`" + String.join("`, `", operation.required()) + "`")
                    .append(" | ")
                    .append(
                            operation.example() == null
                                    ? "–"
                                    : ComponentDocs.code(ComponentDocs.cell(operation.example())))
                    .append(" |\n");
        }
        return out.toString();
    }

    @Test
    void docsShowTheExamplesThatRun() throws Exception {
        String doc = Files.readString(DOC);
        String java =
                region(
                        Files.readString(
                                Path.of("src/test/java/io/github/cameljanus/docs/RoomEvents.java")),
                        "java-dsl");
        String yaml = Files.readString(Path.of("src/test/resources/docs/room-events.yaml"));

        assertThat(doc)
                .as("the Java DSL example must be RoomEvents (run by DocsExamplesIT)")
                .contains("```java\n" + java + "```\n");
        assertThat(doc)
                .as("the YAML DSL example must be room-events.yaml (run by DocsExamplesIT)")
                .contains("```yaml\n" + yaml + "```\n");
    }

    @Test
    void theAdminDocShowsTheDrainingRecipeThatRuns() throws Exception {
        String recipe =
                region(
                        Files.readString(
                                Path.of(
                                        "src/test/java/io/github/cameljanus/docs/DrainRecipe.java")),
                        "drain");
        assertThat(Files.readString(ADMIN_DOC))
                .as("the draining recipe must be DrainRecipe (run by JanusAdminRoutesIT)")
                .contains("```java\n" + recipe + "```\n");
    }

    private static String region(String source, String name) {
        String begin = "// docs:begin " + name + "\n";
        int start = source.indexOf(begin);
        int stop = source.indexOf("// docs:end " + name);
        assertThat(start).as(begin.trim()).isNotNegative();
        return source.substring(start + begin.length(), stop);
    }

    private static JsonNode metadata(String scheme) {
        return ComponentDocs.metadata(
                ComponentDocsTest.class, "/META-INF/io/github/cameljanus/" + scheme + ".json");
    }
}
