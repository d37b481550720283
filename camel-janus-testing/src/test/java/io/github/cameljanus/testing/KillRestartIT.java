/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KillRestartIT {

    @Test
    void killThenRestartComesBackOnTheSamePorts() throws Exception {
        try (JanusServer janus = JanusServer.builder().build().start()) {
            long firstPid = janus.pid();
            int apiPort = janus.apiPort();
            int adminPort = janus.adminPort();

            janus.kill();

            assertThat(janus.isRunning()).isFalse();
            assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThatThrownBy(() -> TestSocket.janusApi(janus)).isNotNull();

            janus.restart();

            assertThat(janus.isRunning()).isTrue();
            assertThat(janus.pid()).isNotEqualTo(firstPid);
            assertThat(janus.apiPort()).isEqualTo(apiPort);
            assertThat(janus.adminPort()).isEqualTo(adminPort);
            try (TestSocket ws = TestSocket.janusApi(janus)) {
                assertThat(ws.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");
            }
        }
    }

    @Test
    void stopIsIdempotentAndRestartWorksAfterIt() throws Exception {
        JanusServer janus = JanusServer.builder().build();
        janus.close(); // never started: nothing to do
        janus.start();
        long pid = janus.pid();
        janus.stop();
        janus.stop();
        assertThat(janus.isRunning()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(janus::freeze).isInstanceOf(IllegalStateException.class);
        janus.restart();
        assertThat(janus.isRunning()).isTrue();
        janus.close();
        janus.close();
        assertThat(janus.isRunning()).isFalse();
    }
}
