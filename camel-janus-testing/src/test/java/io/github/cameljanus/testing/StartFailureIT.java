/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartFailureIT {

    @Test
    void aJanusThatDiesAtStartFailsFastWithItsOutput(@TempDir Path prefix) throws Exception {
        // A fake install: a "janus" that complains and exits, next to the module folders the
        // launcher expects.
        Files.createDirectories(prefix.resolve("lib/janus/plugins"));
        Files.createDirectories(prefix.resolve("lib/janus/transports"));
        Path fake = Files.createDirectories(prefix.resolve("bin")).resolve("janus");
        Files.writeString(fake, "#!/bin/sh\necho 'fake janus: cannot parse config'\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));

        JanusServer janus = JanusServer.builder().executable(fake.toString()).build();

        assertThatThrownBy(janus::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Janus exited with code 3 while starting")
                .hasMessageContaining("fake janus: cannot parse config");
    }

    @Test
    void aBinaryWithoutItsPluginsIsReportedClearly(@TempDir Path prefix) throws Exception {
        Path fake = Files.createDirectories(prefix.resolve("bin")).resolve("janus");
        Files.writeString(fake, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));

        JanusServer janus = JanusServer.builder().executable(fake.toString()).build();

        assertThatThrownBy(janus::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not its plugins and transports")
                .hasMessageContaining("scripts/install-janus.sh");
    }
}
