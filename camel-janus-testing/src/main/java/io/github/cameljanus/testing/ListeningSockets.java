/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which local addresses listen on a port (from /proc/PID/net/tcp*, which shows that process's
 * network namespace): the check that Janus listens on its one allowed address.
 */
final class ListeningSockets {

    private ListeningSockets() {}

    /**
     * Returns the hex local addresses (as in /proc/net/tcp*) of LISTEN sockets on {@code port} in
     * the network namespace of process {@code pid}.
     */
    static Set<String> listeners(long pid, int port) {
        Set<String> found = new java.util.TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path path = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.isReadable(path)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            found.addAll(listenersIn(lines, port));
        }
        return found;
    }

    /** Returns a dotted IPv4 address as /proc/net/tcp writes it (host byte order, x86). */
    static String hex(String ipv4) {
        String[] octets = ipv4.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("Not a dotted IPv4 address: " + ipv4);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 3; i >= 0; i--) {
            sb.append(String.format(Locale.ROOT, "%02X", Integer.parseInt(octets[i])));
        }
        return sb.toString();
    }

    /** Parses /proc/net/tcp-style lines; pure, for unit tests. */
    static Set<String> listenersIn(List<String> lines, int port) {
        Set<String> found = new java.util.TreeSet<>();
        String wantedPort = String.format(Locale.ROOT, "%04X", port);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+", -1);
            if (f.length < 4 || !"0A".equals(f[3])) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            if (colon > 0 && f[1].substring(colon + 1).equalsIgnoreCase(wantedPort)) {
                found.add(f[1].substring(0, colon).toUpperCase(Locale.ROOT));
            }
        }
        return found;
    }
}
