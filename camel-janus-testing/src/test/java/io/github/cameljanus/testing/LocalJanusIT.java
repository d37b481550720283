/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The development Janus: fixed ports when asked, and arguments checked. */
class LocalJanusIT {

    @Test
    void listensOnThePortsItIsGiven() throws Exception {
        int api = freePort();
        int admin = freePort();
        JanusServer janus =
                LocalJanus.builder(
                                new String[] {
                                    "--api-port", String.valueOf(api),
                                    "--admin-port", String.valueOf(admin)
                                })
                        .build();
        try {
            janus.start();
            assertThat(janus.wsUrl()).isEqualTo("ws://127.0.0.1:" + api);
            assertThat(janus.adminPort()).isEqualTo(admin);
            try (TestSocket ws = TestSocket.janusApi(janus)) {
                assertThat(ws.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");
            }
        } finally {
            janus.close();
        }
    }

    @Test
    void anUnknownOrIncompleteArgumentIsRefusedNamingIt() {
        assertThatThrownBy(() -> LocalJanus.builder(new String[] {"--port", "1"}))
                .hasMessageContaining("'--port'");
        assertThatThrownBy(() -> LocalJanus.builder(new String[] {"--api-port", "x"}))
                .hasMessageContaining("--api-port")
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> LocalJanus.builder(new String[] {"--api-port"}))
                .hasMessageContaining("--api-port needs a value");
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
