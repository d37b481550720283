/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy for fault tests: clients connect to {@link #port()} and are relayed to a
 * target port on 127.0.0.1. {@link #cutAll()} drops every relayed connection at once (both sides
 * see the TCP connection end, as with a network failure), {@link #refuse(boolean)} makes new
 * connections fail while keeping the port, and {@link #close()} ends everything. Two threads per
 * relayed connection, named {@code janus-proxy-...}, all ended by {@code cutAll()} or {@code
 * close()}.
 */
public final class TcpProxy implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final int targetPort;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean closed;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.acceptor =
                new Thread(this::acceptLoop, "janus-proxy-accept-" + NAMES.incrementAndGet());
        acceptor.setDaemon(true);
    }

    /**
     * Starts a proxy on a free port of 127.0.0.1 relaying to {@code 127.0.0.1:targetPort}.
     *
     * @param targetPort the port to relay to
     * @return the running proxy
     * @throws IOException when the listening socket cannot be opened
     */
    public static TcpProxy start(int targetPort) throws IOException {
        TcpProxy proxy = new TcpProxy(targetPort);
        proxy.acceptor.start();
        return proxy;
    }

    /** Returns the port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Returns {@code ws://127.0.0.1:PORT}, the proxy's address for a WebSocket client.
     *
     * @return the URL
     */
    public String wsUrl() {
        return "ws://127.0.0.1:" + port();
    }

    /** Returns how many client connections were accepted and relayed so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Returns how many relayed connections are open now. */
    public int openConnections() {
        return relays.size();
    }

    /**
     * While refusing, each new client connection is closed at once without reaching the target.
     *
     * @param refuse true to refuse new connections, false to relay them again
     */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** Drops every relayed connection now; new connections are still accepted. */
    public void cutAll() {
        for (Relay relay : relays) {
            relay.close();
        }
    }

    /** Stops listening and drops every connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cutAll();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (refusing) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                accepted.incrementAndGet();
                Relay relay = new Relay(client, target);
                relays.add(relay);
                relay.start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the peer may already be gone, which is the point.
        }
    }

    /** One relayed connection: a pump each way; closing it closes both sockets. */
    private final class Relay {
        private final Socket client;
        private final Socket target;
        private final Thread up;
        private final Thread down;

        Relay(Socket client, Socket target) {
            this.client = client;
            this.target = target;
            int id = NAMES.incrementAndGet();
            this.up = new Thread(() -> pump(client, target), "janus-proxy-up-" + id);
            this.down = new Thread(() -> pump(target, client), "janus-proxy-down-" + id);
            up.setDaemon(true);
            down.setDaemon(true);
        }

        void start() {
            up.start();
            down.start();
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // The other pump or cutAll() closed the sockets.
            } catch (IOException e) {
                // A reset from either side ends the relay like a closed socket.
            } finally {
                close();
            }
        }

        void close() {
            relays.remove(this);
            closeQuietly(client);
            closeQuietly(target);
        }
    }
}
