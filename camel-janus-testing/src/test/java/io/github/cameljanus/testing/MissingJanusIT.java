/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MissingJanusIT {

    @Test
    void startFailsWithAnInstallHintWhenJanusIsNotOnPath() {
        JanusServer janus = JanusServer.builder().executable("janus-does-not-exist-42").build();
        assertThatThrownBy(janus::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Janus is not installed")
                .hasMessageContaining("janus-does-not-exist-42")
                .hasMessageContaining("scripts/install-janus.sh")
                .hasMessageContaining("apt-get install janus");
    }

    @Test
    void emptyPathMeansMissingToo() {
        JanusServer janus = JanusServer.builder().searchPath("/nonexistent-dir").build();
        assertThatThrownBy(janus::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scripts/install-janus.sh");
    }
}
