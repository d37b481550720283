/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.client.JanusAdminOperation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
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

    private static void checkTables(Path file, JsonNode json, String operations) throws Exception {
        String doc = Files.readString(file);
        String expected = doc;
        expected =
                replaceSection(
                        expected, "component options", table(json.path("componentProperties")));
        expected = replaceSection(expected, "endpoint options", table(json.path("properties")));
        expected = replaceSection(expected, "headers", headers(json.path("headers")));
        if (operations != null) {
            expected = replaceSection(expected, "operations", operations);
        }
        if (Boolean.getBoolean("janus.docs.update")) {
            Files.writeString(file, expected);
            doc = expected;
        }
        assertThat(doc)
                .as(file + " is stale: rerun with -Djanus.docs.update=true")
                .isEqualTo(expected);
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
                    .append(operation.example() == null ? "–" : code(cell(operation.example())))
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

    private static String region(String source, String name) {
        String begin = "// docs:begin " + name + "\n";
        int start = source.indexOf(begin);
        int stop = source.indexOf("// docs:end " + name);
        assertThat(start).as(begin.trim()).isNotNegative();
        return source.substring(start + begin.length(), stop);
    }

    private static JsonNode metadata(String scheme) throws Exception {
        try (InputStream in =
                ComponentDocsTest.class.getResourceAsStream(
                        "/META-INF/io/github/cameljanus/" + scheme + ".json")) {
            assertThat(in).as("generated " + scheme + ".json on the classpath").isNotNull();
            return new ObjectMapper()
                    .readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String table(JsonNode options) {
        StringBuilder out = new StringBuilder();
        out.append("| option | group | default | type | description |\n");
        out.append("|---|---|---|---|---|\n");
        Iterator<Map.Entry<String, JsonNode>> fields = options.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode o = field.getValue();
            out.append("| `")
                    .append(field.getKey())
                    .append("` | ")
                    .append(o.path("group").asText())
                    .append(" | ")
                    .append(code(o.path("defaultValue").asText("")))
                    .append(" | ")
                    .append(o.path("type").asText())
                    .append(" | ")
                    .append(cell(o.path("description").asText()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder out = new StringBuilder();
        out.append("| header | for | type | description |\n");
        out.append("|---|---|---|---|\n");
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode h = field.getValue();
            out.append("| `")
                    .append(field.getKey())
                    .append("` | ")
                    .append(h.path("label").asText("common"))
                    .append(" | ")
                    .append(h.path("javaType").asText())
                    .append(" | ")
                    .append(cell(h.path("description").asText()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String code(String value) {
        return value.isEmpty() ? "" : "`" + value + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String replaceSection(String doc, String name, String content) {
        String begin = "<!-- BEGIN GENERATED: " + name + " -->\n";
        String end = "<!-- END GENERATED: " + name + " -->";
        int start = doc.indexOf(begin);
        int stop = doc.indexOf(end);
        assertThat(start).as("marker " + begin.trim()).isNotNegative();
        assertThat(stop).as("marker " + end).isGreaterThan(start);
        return doc.substring(0, start + begin.length()) + content + doc.substring(stop);
    }
}
