/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar (failsafe runs after package) ships the component's descriptor and services, and
 * none of the duplicates the build plugin writes besides them.
 */
class ComponentJarIT {

    @Test
    void theJarShipsTheDescriptorAndNoDuplicates() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar =
                    files.filter(
                                    file -> {
                                        String name = file.getFileName().toString();
                                        return name.startsWith("camel-janus-")
                                                && name.endsWith(".jar")
                                                && !name.contains("sources")
                                                && !name.contains("javadoc");
                                    })
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no camel-janus jar in target"));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> entries = file.stream().map(e -> e.getName()).toList();
            assertThat(entries)
                    .contains(
                            "META-INF/io/github/cameljanus/janus.json",
                            "META-INF/services/org/apache/camel/component/janus",
                            "META-INF/services/org/apache/camel/component.properties",
                            "META-INF/services/org/apache/camel/dev-console/janus")
                    .doesNotContain(
                            "janus.json",
                            "component.properties",
                            "META-INF/services/org/apache/camel/other.properties");
        }
    }
}
