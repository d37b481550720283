/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwoInstancesIT {

    @Test
    void twoJanusRunSideBySide() throws Exception {
        try (JanusServer a = JanusServer.builder().build();
                JanusServer b = JanusServer.builder().build()) {
            a.start();
            b.start();
            assertThat(a.apiPort())
                    .isNotEqualTo(b.apiPort())
                    .isNotEqualTo(b.adminPort())
                    .isNotEqualTo(a.adminPort());
            assertThat(a.pid()).isNotEqualTo(b.pid());
            assertThat(a.configDir()).isNotEqualTo(b.configDir());
            assertThat(a.adminSecret()).isNotEqualTo(b.adminSecret());
            for (JanusServer janus : new JanusServer[] {a, b}) {
                try (TestSocket ws = TestSocket.janusApi(janus)) {
                    assertThat(ws.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");
                }
            }
        }
    }
}
