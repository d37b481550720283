/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class PerTestExtensionIT {

    private static final Set<Long> PIDS = new HashSet<>();

    @RegisterExtension
    final JanusServerExtension janus =
            JanusServerExtension.with(JanusServer.builder().sessionTimeout(5));

    @RepeatedTest(2)
    void eachTestGetsItsOwnJanus() {
        assertThat(janus.server().isRunning()).isTrue();
        PIDS.add(janus.server().pid());
    }

    @AfterAll
    static void twoDistinctJanusWereStartedAndAreGone() {
        assertThat(PIDS).hasSize(2);
        for (long pid : PIDS) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }
}
