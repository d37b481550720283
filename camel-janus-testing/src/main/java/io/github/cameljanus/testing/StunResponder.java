/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STUN (RFC 5389) Binding responder on 127.0.0.1, so that the Janus Admin API request {@code
 * test_stun} can be tested without reaching any STUN server outside the machine. Each valid Binding
 * request is answered to its sender, and only to it, with both XOR-MAPPED-ADDRESS and
 * MAPPED-ADDRESS (libnice and Janus may read either); anything else is ignored and counted, so a
 * test can tell a malformed request from a lost one. One daemon thread, {@code
 * janus-test-stun-responder}, ended by {@link #close()}.
 */
public final class StunResponder implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int MAPPED_ADDRESS = 0x0001;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;
    private static final int HEADER_LENGTH = 20;
    private static final int TRANSACTION_ID_LENGTH = 12;
    private static final System.Logger LOG = System.getLogger(StunResponder.class.getName());
    private static final String THREAD_NAME = "janus-test-stun-responder";
    private static final int FAMILY_IPV4 = 0x01;
    private static final int ADDRESS_ATTRIBUTE_LENGTH = 8;
    private static final long JOIN_MILLIS = 5000;

    private final DatagramSocket socket;
    private final Thread thread;
    // null: each response reports the request's sender, as a real STUN server does.
    private final InetSocketAddress reported;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();
    private volatile boolean closed;

    private StunResponder(InetSocketAddress reported) throws IOException {
        this.reported = reported;
        InetAddress loopback = InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        this.socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.thread = new Thread(this::serve, THREAD_NAME);
        thread.setDaemon(true);
    }

    /**
     * Starts a responder on a free UDP port of 127.0.0.1 that reports each sender's own address,
     * which is what Janus should then return from {@code test_stun}.
     *
     * @return the running responder
     * @throws IOException when the UDP socket cannot be opened
     */
    public static StunResponder start() throws IOException {
        return begin(new StunResponder(null));
    }

    /**
     * Starts a responder that reports {@code reported} instead of the sender, so that a test can
     * tell the address Janus returns came from this server and not from its own socket.
     *
     * @param reported the IPv4 address and port every response carries
     * @return the running responder
     * @throws IOException when the UDP socket cannot be opened
     * @throws IllegalArgumentException when {@code reported} is unresolved or not IPv4
     */
    public static StunResponder start(InetSocketAddress reported) throws IOException {
        Objects.requireNonNull(reported, "reported");
        if (!(reported.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException("Not a resolved IPv4 address: " + reported);
        }
        return begin(new StunResponder(reported));
    }

    private static StunResponder begin(StunResponder responder) {
        responder.thread.start();
        return responder;
    }

    /** Returns the UDP port to configure as Janus' STUN server port. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Returns {@code 127.0.0.1}, the address to configure as Janus' STUN server. */
    public String host() {
        return HOST;
    }

    /**
     * Returns how many Binding requests were answered, so a test can prove the answer came from
     * here. A request is counted before its response is sent: a client holding the response sees it
     * counted.
     */
    public int requests() {
        return requests.get();
    }

    /**
     * Returns how many datagrams were not valid Binding requests and got no answer, so a test can
     * tell a malformed request from one that never arrived. Counted before the next datagram is
     * read.
     */
    public int ignored() {
        return ignored.get();
    }

    /** Closes the socket and waits (boundedly) for the thread to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            LOG.log(WARNING, "{0} did not end within {1} ms", THREAD_NAME, JOIN_MILLIS);
        }
    }

    private void serve() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(WARNING, THREAD_NAME + " stopped: cannot receive", e);
                }
                return;
            }
            InetSocketAddress sender = (InetSocketAddress) packet.getSocketAddress();
            ByteBuffer request = ByteBuffer.wrap(buffer, 0, packet.getLength());
            if (!sender.getAddress().isLoopbackAddress() || !isBindingRequest(request)) {
                ignored.incrementAndGet();
                LOG.log(
                        DEBUG,
                        "Ignored a {0}-byte datagram from {1}: not a STUN Binding request",
                        packet.getLength(),
                        sender);
                continue;
            }
            byte[] response = response(buffer, reported == null ? sender : reported);
            requests.incrementAndGet();
            try {
                socket.send(new DatagramPacket(response, response.length, sender));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(WARNING, "Could not answer the STUN Binding request of " + sender, e);
                }
            }
        }
    }

    /** RFC 5389 section 6: 20-byte header, top two bits zero, length matching, magic cookie. */
    private static boolean isBindingRequest(ByteBuffer datagram) {
        int size = datagram.remaining();
        if (size < HEADER_LENGTH) {
            return false;
        }
        int type = Short.toUnsignedInt(datagram.getShort(0));
        int length = Short.toUnsignedInt(datagram.getShort(2));
        return type == BINDING_REQUEST
                && length % 4 == 0
                && length == size - HEADER_LENGTH
                && datagram.getInt(4) == MAGIC_COOKIE;
    }

    /** A Binding success response carrying {@code mapped}, with the request's transaction id. */
    private static byte[] response(byte[] request, InetSocketAddress mapped) {
        int attributes = 2 * (4 + ADDRESS_ATTRIBUTE_LENGTH);
        ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + attributes);
        out.putShort((short) BINDING_SUCCESS);
        out.putShort((short) attributes);
        out.putInt(MAGIC_COOKIE);
        out.put(request, 8, TRANSACTION_ID_LENGTH);
        InetAddress address = mapped.getAddress();
        int ip = ByteBuffer.wrap(address.getAddress()).getInt();
        int port = mapped.getPort();
        putAddress(out, XOR_MAPPED_ADDRESS, port ^ (MAGIC_COOKIE >>> 16), ip ^ MAGIC_COOKIE);
        putAddress(out, MAPPED_ADDRESS, port, ip);
        return out.array();
    }

    private static void putAddress(ByteBuffer out, int attribute, int port, int ip) {
        out.putShort((short) attribute);
        out.putShort((short) ADDRESS_ATTRIBUTE_LENGTH);
        out.put((byte) 0);
        out.put((byte) FAMILY_IPV4);
        out.putShort((short) port);
        out.putInt(ip);
    }
}
