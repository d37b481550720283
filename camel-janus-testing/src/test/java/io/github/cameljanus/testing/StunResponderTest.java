/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The responder answers hand-built Binding requests as RFC 5389 says, ignores anything else and
 * leaves no thread behind.
 */
class StunResponderTest {

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int RECEIVE_TIMEOUT_MILLIS = 5000;

    private final Random random = new Random(5389);

    @Test
    void answersBindingRequestWithTheSendersAddress() throws Exception {
        try (StunResponder stun = StunResponder.start();
                DatagramSocket client = client()) {
            byte[] transaction = transactionId();

            byte[] bytes = exchange(client, stun, bindingRequest(transaction));

            ByteBuffer response = ByteBuffer.wrap(bytes);
            assertThat(Short.toUnsignedInt(response.getShort(0))).isEqualTo(0x0101);
            assertThat(Short.toUnsignedInt(response.getShort(2)))
                    .isEqualTo(response.remaining() - 20);
            assertThat(response.getInt(4)).isEqualTo(MAGIC_COOKIE);
            assertThat(Arrays.copyOfRange(bytes, 8, 20)).isEqualTo(transaction);
            Map<Integer, ByteBuffer> attributes = attributes(response);
            InetSocketAddress self =
                    new InetSocketAddress(ipv4(127, 0, 0, 1), client.getLocalPort());
            assertThat(xorMappedAddress(attributes.get(0x0020))).isEqualTo(self);
            assertThat(mappedAddress(attributes.get(0x0001))).isEqualTo(self);
            assertThat(stun.requests()).isEqualTo(1);
            assertThat(stun.ignored()).isZero();
        }
    }

    @Test
    void reportsTheConfiguredAddressInsteadOfTheSender() throws Exception {
        InetSocketAddress reported = new InetSocketAddress(ipv4(192, 0, 2, 7), 40000);
        try (StunResponder stun = StunResponder.start(reported);
                DatagramSocket client = client()) {
            byte[] response = exchange(client, stun, bindingRequest(transactionId()));

            Map<Integer, ByteBuffer> attributes = attributes(ByteBuffer.wrap(response));
            assertThat(xorMappedAddress(attributes.get(0x0020))).isEqualTo(reported);
            assertThat(mappedAddress(attributes.get(0x0001))).isEqualTo(reported);
        }
    }

    @Test
    void refusesAnUnresolvedReportedAddress() {
        assertThatThrownBy(() -> StunResponder.start(InetSocketAddress.createUnresolved("x", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresInvalidDatagramsAndStillAnswersTheNextRequest() throws Exception {
        try (StunResponder stun = StunResponder.start();
                DatagramSocket client = client()) {
            byte[] wrongCookie = bindingRequest(transactionId());
            ByteBuffer.wrap(wrongCookie).putInt(4, 0xDEADBEEF);
            byte[] notBinding = bindingRequest(transactionId());
            ByteBuffer.wrap(notBinding).putShort(0, (short) 0x0011);
            byte[] wrongLength = bindingRequest(transactionId());
            ByteBuffer.wrap(wrongLength).putShort(2, (short) 8);
            for (byte[] invalid : new byte[][] {{1, 2, 3}, wrongCookie, notBinding, wrongLength}) {
                send(client, stun, invalid);
            }
            byte[] transaction = transactionId();

            byte[] response = exchange(client, stun, bindingRequest(transaction));

            assertThat(Arrays.copyOfRange(response, 8, 20)).isEqualTo(transaction);
            assertThat(stun.ignored()).isEqualTo(4);
            assertThat(stun.requests()).isEqualTo(1);
        }
    }

    @Test
    void closeEndsTheThread() throws Exception {
        StunResponder stun = StunResponder.start();
        assertThat(stunThreadAlive()).isTrue();
        assertThat(stun.host()).isEqualTo("127.0.0.1");

        stun.close();

        assertThat(stunThreadAlive()).isFalse();
    }

    private static boolean stunThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("janus-test-stun-responder"));
    }

    private static InetAddress ipv4(int a, int b, int c, int d) throws IOException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static DatagramSocket client() throws IOException {
        DatagramSocket client = new DatagramSocket(new InetSocketAddress(ipv4(127, 0, 0, 1), 0));
        client.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        return client;
    }

    private byte[] transactionId() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        return id;
    }

    /** A Binding request without attributes: type, zero length, magic cookie, transaction id. */
    private static byte[] bindingRequest(byte[] transaction) {
        return ByteBuffer.allocate(20)
                .putShort((short) 0x0001)
                .putShort((short) 0)
                .putInt(MAGIC_COOKIE)
                .put(transaction)
                .array();
    }

    private static void send(DatagramSocket client, StunResponder stun, byte[] datagram)
            throws IOException {
        InetSocketAddress target = new InetSocketAddress(ipv4(127, 0, 0, 1), stun.port());
        client.send(new DatagramPacket(datagram, datagram.length, target));
    }

    private static byte[] exchange(DatagramSocket client, StunResponder stun, byte[] request)
            throws IOException {
        send(client, stun, request);
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        client.receive(packet);
        assertThat(packet.getPort()).isEqualTo(stun.port());
        return Arrays.copyOf(buffer, packet.getLength());
    }

    /** The attributes after the header, by type; each value is the attribute's value only. */
    private static Map<Integer, ByteBuffer> attributes(ByteBuffer message) {
        Map<Integer, ByteBuffer> attributes = new HashMap<>();
        int offset = 20;
        while (offset + 4 <= message.limit()) {
            int type = Short.toUnsignedInt(message.getShort(offset));
            int length = Short.toUnsignedInt(message.getShort(offset + 2));
            attributes.put(type, message.slice(offset + 4, length));
            offset += 4 + (length + 3) / 4 * 4;
        }
        assertThat(offset).isEqualTo(message.limit());
        return attributes;
    }

    private static InetSocketAddress mappedAddress(ByteBuffer value) throws IOException {
        return address(value, 0, 0);
    }

    private static InetSocketAddress xorMappedAddress(ByteBuffer value) throws IOException {
        return address(value, MAGIC_COOKIE >>> 16, MAGIC_COOKIE);
    }

    private static InetSocketAddress address(ByteBuffer value, int portMask, int addressMask)
            throws IOException {
        assertThat(value).isNotNull();
        assertThat(value.remaining()).isEqualTo(8);
        assertThat(value.get(1)).as("family IPv4").isEqualTo((byte) 0x01);
        int port = Short.toUnsignedInt(value.getShort(2)) ^ portMask;
        byte[] ip = ByteBuffer.allocate(4).putInt(value.getInt(4) ^ addressMask).array();
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    }
}
