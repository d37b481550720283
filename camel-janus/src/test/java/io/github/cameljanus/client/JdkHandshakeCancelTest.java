/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.transport.JanusTransport;
import io.github.cameljanus.client.transport.JanusTransportListener;
import io.github.cameljanus.client.transport.jdk.JdkWebSocketTransportFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A handshake cancelled while it runs (the client closed) must not leave a WebSocket open when the
 * server answers afterwards. The server here is a socket that answers the upgrade only once the
 * test says so.
 */
@ExtendWith(NoThreadLeaks.class)
class JdkHandshakeCancelTest {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Test
    void aHandshakeThatSucceedsAfterItsCancellationClosesTheSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<JanusTransport> opening =
                    new JdkWebSocketTransportFactory()
                            .connect(
                                    URI.create("ws://127.0.0.1:" + server.getLocalPort()),
                                    "janus-protocol",
                                    null,
                                    null,
                                    Duration.ofSeconds(5),
                                    new IgnoringListener());
            try (Socket socket = server.accept()) {
                String key = readUpgradeKey(socket.getInputStream());
                opening.cancel(false);
                answerUpgrade(socket.getOutputStream(), key);

                // The client must drop the connection: the server reads end of stream.
                socket.setSoTimeout(5000);
                InputStream in = socket.getInputStream();
                await().atMost(Duration.ofSeconds(5)).until(() -> in.read() == -1);
            }
            assertThat(opening).isCancelled();
        }
    }

    private static String readUpgradeKey(InputStream stream) throws Exception {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII));
        String key = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return key;
    }

    private static void answerUpgrade(OutputStream out, String key) throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SHA-1")
                        .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
        String answer =
                "HTTP/1.1 101 Switching Protocols\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: "
                        + Base64.getEncoder().encodeToString(digest)
                        + "\r\n"
                        + "Sec-WebSocket-Protocol: janus-protocol\r\n\r\n";
        out.write(answer.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static final class IgnoringListener implements JanusTransportListener {
        @Override
        public void onText(CharSequence fragment, boolean last) {}

        @Override
        public void onBinary(ByteBuffer fragment, boolean last) {}

        @Override
        public void onClose(int code, String reason) {}

        @Override
        public void onError(Throwable error) {}
    }
}
