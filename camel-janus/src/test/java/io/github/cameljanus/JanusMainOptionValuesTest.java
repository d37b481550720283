/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/**
 * {@code camel.component.janus.*} in Camel Main is checked like a URI option: a bad value fails the
 * start naming the option and the text, for every typed option of the component's metadata.
 */
class JanusMainOptionValuesTest {

    private static final Set<String> CHECKED = Set.of("boolean", "integer", "duration", "enum");

    private static List<String> typedComponentOptions(String scheme) throws Exception {
        try (InputStream in =
                JanusMainOptionValuesTest.class.getResourceAsStream(
                        "/META-INF/io/github/cameljanus/" + scheme + ".json")) {
            JsonNode options = JanusJson.MAPPER.readTree(in).path("componentProperties");
            List<String> names = new ArrayList<>();
            options.fields()
                    .forEachRemaining(
                            option -> {
                                if (CHECKED.contains(option.getValue().path("type").asText())) {
                                    names.add(option.getKey());
                                }
                            });
            return names;
        }
    }

    private static Main mainWith(Map<String, String> properties) {
        Main main = new Main();
        properties.forEach(main::addInitialProperty);
        return main;
    }

    @Test
    void everyTypedComponentOptionRejectsTextThatIsNotOfItsType() throws Exception {
        List<String> options = typedComponentOptions("janus");
        assertThat(options).contains("maxReconnectAttempts", "keepAliveInterval", "transport");
        rejectAbc("janus", options);
        List<String> admin = typedComponentOptions("janus-admin");
        assertThat(admin).contains("operation", "sessionId", "reconnect", "transport");
        rejectAbc("janus-admin", admin);
    }

    private static void rejectAbc(String scheme, List<String> options) {
        for (String name : options) {
            Main main = mainWith(Map.of("camel.component." + scheme + "." + name, "abc"));
            try {
                assertThatThrownBy(main::start)
                        .as(name)
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(name)
                        .hasMessageContaining("'abc'");
            } finally {
                main.stop();
            }
        }
    }

    /** The nested form binds through Camel's reflection, which fails the start naming both too. */
    @Test
    void theNestedConfigurationFormFailsNamingTheOptionAndTheText() throws Exception {
        Main main =
                mainWith(Map.of("camel.component.janus.configuration.maxReconnectAttempts", "abc"));
        try {
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(main::start);
            assertThat(failure).isNotNull();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains("maxReconnectAttempts").contains("abc");
        } finally {
            main.stop();
        }
    }

    @Test
    void dashedNamesAreCheckedAndValidValuesBind() throws Exception {
        Main bad = mainWith(Map.of("camel.component.janus.reconnect-max-delay", "2x"));
        try {
            assertThatThrownBy(bad::start)
                    .rootCause()
                    .hasMessageContaining("reconnectMaxDelay")
                    .hasMessageContaining("'2x'");
        } finally {
            bad.stop();
        }

        Main good =
                mainWith(
                        Map.of(
                                "camel.component.janus.max-reconnect-attempts", "3",
                                "camel.component.janus.keepAliveInterval", "20s",
                                "camel.component.janus.reconnect", "false"));
        try {
            good.start();
            JanusConfiguration configuration =
                    good.getCamelContext()
                            .getComponent("janus", JanusComponent.class)
                            .getConfiguration();
            assertThat(configuration.getMaxReconnectAttempts()).isEqualTo(3);
            assertThat(configuration.getKeepAliveInterval()).isEqualTo(20_000);
            assertThat(configuration.isReconnect()).isFalse();
        } finally {
            good.stop();
        }
    }
}
