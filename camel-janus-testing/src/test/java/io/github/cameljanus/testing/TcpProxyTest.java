/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The proxy relays bytes both ways, cuts connections on demand and refuses when asked. */
class TcpProxyTest {

    /** A one-connection echo server on loopback. */
    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread =
                new Thread(
                        () -> {
                            while (!server.isClosed()) {
                                try (Socket s = server.accept();
                                        InputStream in = s.getInputStream();
                                        OutputStream out = s.getOutputStream()) {
                                    for (int b = in.read(); b >= 0; b = in.read()) {
                                        out.write(b);
                                        out.flush();
                                    }
                                } catch (IOException e) {
                                    // next connection, or the server was closed
                                }
                            }
                        },
                        "janus-test-echo");
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    @Test
    void relaysBytesAndCutsConnections() throws Exception {
        try (ServerSocket echo = echoServer();
                TcpProxy proxy = TcpProxy.start(echo.getLocalPort());
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write('x');
            assertThat(socket.getInputStream().read()).isEqualTo('x');
            assertThat(proxy.openConnections()).isEqualTo(1);

            proxy.cutAll();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(2)).until(() -> proxy.openConnections() == 0);
        }
    }

    @Test
    void refusingClosesNewConnectionsUntilReleased() throws Exception {
        try (ServerSocket echo = echoServer();
                TcpProxy proxy = TcpProxy.start(echo.getLocalPort())) {
            proxy.refuse(true);
            try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            proxy.refuse(false);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                socket.getOutputStream().write('y');
                assertThat(socket.getInputStream().read()).isEqualTo('y');
            }
            assertThat(proxy.acceptedConnections()).isEqualTo(1);
        }
    }
}
