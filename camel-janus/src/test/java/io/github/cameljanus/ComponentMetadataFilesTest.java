/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the jar ships for Camel tooling: the component's descriptor, and not the "other" descriptor
 * the build plugin writes besides it (tooling would list janus twice, once as a non-component), nor
 * its root copy of component.properties.
 */
class ComponentMetadataFilesTest {

    @Test
    void theComponentDescriptorShipsAndTheOtherDescriptorDoesNot() throws Exception {
        ClassLoader loader = JanusComponent.class.getClassLoader();

        assertThat(ours(loader, "janus.json")).isEmpty();
        assertThat(ours(loader, "META-INF/services/org/apache/camel/other.properties")).isEmpty();
        assertThat(ours(loader, "component.properties")).isEmpty();
        assertThat(ours(loader, "META-INF/services/org/apache/camel/component.properties"))
                .hasSize(1);
        try (InputStream descriptor =
                loader.getResourceAsStream("META-INF/io/github/cameljanus/janus.json")) {
            assertThat(descriptor).isNotNull();
            assertThat(new String(descriptor.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"kind\": \"component\"");
        }
        assertThat(ours(loader, "META-INF/services/org/apache/camel/component/janus")).hasSize(1);
    }

    /** The resources of this name that this module ships (other jars have their own). */
    private static List<URL> ours(ClassLoader loader, String name) throws Exception {
        String location =
                JanusComponent.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        return Collections.list(loader.getResources(name)).stream()
                .filter(url -> url.toString().contains(location))
                .toList();
    }
}
