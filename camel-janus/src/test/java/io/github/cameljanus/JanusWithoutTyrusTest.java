/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Tyrus is an optional dependency: without it on the classpath the default transport works, and
 * transport=tyrus fails at endpoint creation naming the artifact to add. Runs in a child JVM whose
 * classpath is this one without the Tyrus jars.
 */
class JanusWithoutTyrusTest {

    @Test
    void withoutTyrusTheDefaultWorksAndTyrusIsRefusedNamingTheArtifact() throws Exception {
        String classpath =
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.contains("tyrus"))
                        .collect(Collectors.joining(File.pathSeparator));
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                classpath,
                                Child.class.getName())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("tyrus absent: true", "jdk endpoint: created");
        assertThat(output)
                .contains("tyrus endpoint: failed")
                .contains("transport=tyrus")
                .contains(JanusTransportType.TYRUS_ARTIFACT);
    }

    /** Creates a jdk and a tyrus endpoint and says what happened. */
    static final class Child {
        private Child() {}

        public static void main(String[] args) throws Exception {
            boolean absent;
            try {
                Class.forName("org.glassfish.tyrus.client.ClientManager");
                absent = false;
            } catch (ClassNotFoundException e) {
                absent = true;
            }
            System.out.println("tyrus absent: " + absent);
            try (CamelContext context = new DefaultCamelContext()) {
                context.start();
                context.getEndpoint("janus:ws://127.0.0.1:1?transport=jdk");
                System.out.println("jdk endpoint: created");
                try {
                    context.getEndpoint("janus:ws://127.0.0.1:1?transport=tyrus");
                    System.out.println("tyrus endpoint: created");
                } catch (RuntimeException e) {
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                        if (root instanceof IllegalArgumentException) {
                            break;
                        }
                    }
                    System.out.println("tyrus endpoint: failed: " + root.getMessage());
                }
            }
        }
    }
}
