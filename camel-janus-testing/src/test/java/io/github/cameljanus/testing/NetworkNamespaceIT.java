/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetworkNamespaceIT {

    @Test
    void janusRunsInsideTheNamespaceAndBothGoAwayAfterwards() throws Exception {
        NetworkNamespace ns = NetworkNamespace.create();
        try (ns;
                JanusServer janus = JanusServer.builder().networkNamespace(ns).build()) {
            assertThat(ip("netns", "list")).contains(ns.name());
            assertThat(ip("-4", "-o", "addr", "show", "dev", ns.hostInterface()))
                    .contains(ns.hostAddress() + "/30");
            janus.start();
            assertThat(janus.wsUrl()).startsWith("ws://" + ns.innerAddress() + ":");
            assertThat(Files.readSymbolicLink(Path.of("/proc", "" + janus.pid(), "ns", "net")))
                    .isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
            try (TestSocket ws = TestSocket.janusApi(janus)) {
                assertThat(ws.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");
            }
            assertThat(janus.listSessions()).isEmpty();
            assertThat(Files.readString(janus.configDir().resolve("janus.jcfg")))
                    .contains("ice_enforce_list = \"" + NetworkNamespace.INNER_INTERFACE + "\"");
        }
        assertThat(ns.exists()).isFalse();
    }

    @Test
    void aNamespaceLeftByADeadJvmIsRemovedByTheNextCreate() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String stale = "cjanus-" + gone.pid() + "-1";
        String staleVeth = "cjh" + gone.pid() + "x1";
        ip("netns", "add", stale);
        ip("link", "add", staleVeth, "type", "veth", "peer", "name", "janus0", "netns", stale);
        try (NetworkNamespace fresh = NetworkNamespace.create()) {
            assertThat(ip("netns", "list")).contains(fresh.name()).doesNotContain(stale);
            assertThat(ip("-o", "link")).doesNotContain(staleVeth);
        }
    }

    private static String ip(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ip %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
