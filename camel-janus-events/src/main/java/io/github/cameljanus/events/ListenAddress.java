/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

/**
 * Where an endpoint listens: {@code host:port[/path]}, the path {@code /} when none. The host is
 * bound as given: all interfaces only when it says {@code 0.0.0.0}.
 */
record ListenAddress(String host, int port, String path) {

    static ListenAddress parse(String remaining) {
        String text = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int slash = text.indexOf('/');
        String hostPort = slash < 0 ? text : text.substring(0, slash);
        String path = slash < 0 ? "/" : text.substring(slash);
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException(
                    "janus-events needs host:port[/path], got '" + remaining + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "janus-events needs a port number, got '" + remaining + "'", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "janus-events needs a port between 1 and 65535, got " + port);
        }
        return new ListenAddress(host, port, path);
    }
}
