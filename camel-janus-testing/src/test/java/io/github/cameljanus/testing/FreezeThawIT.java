/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FreezeThawIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @Test
    void frozenJanusDoesNotAnswerUntilThawed() throws Exception {
        JanusServer janus = JANUS.server();
        try (TestSocket ws = TestSocket.janusApi(janus)) {
            assertThat(ws.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");

            janus.freeze();
            String tx = ws.send("{\"janus\":\"ping\"}");
            // atMost is generous: on a loaded machine the poller itself may be late.
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> ws.reply(tx), Optional::isEmpty);
            assertThat(janus.isRunning()).isTrue();

            janus.thaw();
            await().atMost(Duration.ofSeconds(5)).until(() -> ws.reply(tx), Optional::isPresent);
            assertThat(ws.reply(tx).orElseThrow()).containsEntry("janus", "pong");
        }
    }

    @Test
    void stopWorksOnAFrozenJanus() {
        JanusServer janus = JanusServer.builder().build().start();
        long pid = janus.pid();
        janus.freeze();
        janus.stop();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
