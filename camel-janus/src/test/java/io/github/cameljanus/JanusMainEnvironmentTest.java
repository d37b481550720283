/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * What docs/operations.md says for Camel Main: a secret comes from the environment through a
 * placeholder ({@code camel.component.janus.apiSecret = {{env:JANUS_API_SECRET}}}), and a value
 * taken that way is checked like any other. Camel Main 4.22 does not bind {@code CAMEL_COMPONENT_*}
 * variables by itself (it filters the environment with the lower-case prefix), which the last case
 * pins so that the docs change when Camel does. Camel Main reads the real environment, so each case
 * runs in a child JVM.
 */
class JanusMainEnvironmentTest {

    private static final String SECRET = "s3cret-from-the-environment";

    @Test
    void thePlaceholderTakesTheApiSecretFromTheEnvironment() throws Exception {
        assertThat(runChild("{{env:JANUS_API_SECRET}}", "JANUS_API_SECRET", SECRET))
                .contains("bound=true");
    }

    @Test
    void aBadValueFromTheEnvironmentFailsNamingTheOption() throws Exception {
        assertThat(
                        runChild(
                                null,
                                "JANUS_ATTEMPTS",
                                "abc",
                                "camel.component.janus.maxReconnectAttempts={{env:JANUS_ATTEMPTS}}"))
                .contains("maxReconnectAttempts")
                .contains("'abc'");
    }

    @Test
    void camelMainDoesNotBindComponentVariablesByItself() throws Exception {
        assertThat(runChild(null, "CAMEL_COMPONENT_JANUS_APISECRET", SECRET))
                .contains("bound=false");
    }

    private static String runChild(
            String apiSecret, String variable, String value, String... properties)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Child.class.getName());
        if (apiSecret != null) {
            command.add("camel.component.janus.apiSecret=" + apiSecret);
        }
        command.addAll(List.of(properties));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(variable, value);
        builder.redirectErrorStream(true);
        Process child = builder.start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }

    /** Starts Camel Main (no routes) and says whether the secret reached the component. */
    static final class Child {
        private Child() {}

        public static void main(String[] args) throws Exception {
            Main main = new Main();
            for (String property : args) {
                int equals = property.indexOf('=');
                main.addInitialProperty(
                        property.substring(0, equals), property.substring(equals + 1));
            }
            try {
                main.start();
                String bound =
                        main.getCamelContext()
                                .getComponent("janus", JanusComponent.class)
                                .getConfiguration()
                                .getApiSecret();
                System.out.println("bound=" + SECRET.equals(bound));
            } catch (Exception e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    System.out.println("failed: " + t.getMessage());
                }
            } finally {
                main.stop();
            }
        }
    }
}
