/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventHandlerIT {

    @Test
    void janusConnectsOutToTheEventBackend() throws Exception {
        try (ServerSocket backend =
                new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            // accept() blocks until Janus dials in; the timeout turns a no-show into a failure.
            backend.setSoTimeout(10_000);
            String url = "ws://127.0.0.1:" + backend.getLocalPort() + "/events";
            try (JanusServer janus =
                            JanusServer.builder().eventHandlerBackend(url).build().start();
                    Socket s = backend.accept()) {
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        s.getInputStream(), StandardCharsets.US_ASCII));
                StringBuilder request = new StringBuilder();
                for (String line = in.readLine();
                        line != null && !line.isEmpty();
                        line = in.readLine()) {
                    request.append(line).append('\n');
                }
                assertThat(request.toString())
                        .startsWith("GET /events HTTP/1.1")
                        .containsIgnoringCase("Sec-WebSocket-Protocol: janus-event-handlers");
                assertThat(janus.isRunning()).isTrue();
            }
        }
    }
}
