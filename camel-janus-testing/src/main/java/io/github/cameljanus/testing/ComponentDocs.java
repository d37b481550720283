/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The generated tables of the components' docs: options and headers rendered from a component's
 * generated metadata, between {@code <!-- BEGIN GENERATED: name -->} and {@code <!-- END GENERATED:
 * name -->} markers. Each component's docs test renders its file and fails when the file differs;
 * with {@code -Djanus.docs.update=true} it rewrites it instead.
 */
public final class ComponentDocs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComponentDocs() {}

    /** A component's generated metadata, read from the classpath of {@code anchor}. */
    public static JsonNode metadata(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options, their group, default, type and description. */
    public static String optionsTable(JsonNode options) {
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

    /** The headers, what they are for, their type and description. */
    public static String headersTable(JsonNode headers) {
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

    /** The component options, endpoint options and headers sections of a doc, rendered. */
    public static String withMetadataTables(String doc, JsonNode metadata) {
        String expected =
                replaceSection(
                        doc,
                        "component options",
                        optionsTable(metadata.path("componentProperties")));
        expected =
                replaceSection(
                        expected, "endpoint options", optionsTable(metadata.path("properties")));
        return replaceSection(expected, "headers", headersTable(metadata.path("headers")));
    }

    /**
     * Renders a doc's generated sections: with {@code -Djanus.docs.update=true} writes them into
     * the file; returns what the file must be and what it is, for the test to compare.
     */
    public static String[] expectedAndActual(Path file, UnaryOperator<String> render) {
        try {
            String doc = Files.readString(file);
            String expected = render.apply(doc);
            if (Boolean.getBoolean("janus.docs.update")) {
                Files.writeString(file, expected);
                doc = expected;
            }
            return new String[] {expected, doc};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A markdown table cell: its text, with pipes escaped and on one line. */
    public static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** A value as inline code, nothing when empty. */
    public static String code(String value) {
        return value.isEmpty() ? "" : "`" + value + "`";
    }

    /**
     * Replaces what stands between the markers of section {@code name}.
     *
     * @throws IllegalStateException when the doc lacks the markers
     */
    public static String replaceSection(String doc, String name, String content) {
        String begin = "<!-- BEGIN GENERATED: " + name + " -->\n";
        String end = "<!-- END GENERATED: " + name + " -->";
        int start = doc.indexOf(begin);
        int stop = doc.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalStateException("The doc has no generated section '" + name + "'");
        }
        return doc.substring(0, start + begin.length()) + content + doc.substring(stop);
    }
}
