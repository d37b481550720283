/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace of the test's own, joined to the host by one veth pair: the only addresses a
 * real WebRTC call may use here.
 *
 * <p>Janus gathers ICE candidates on non-loopback interfaces only, so a call on loopback is not
 * possible; and media must not cross the machine's real interfaces. Run Janus inside this namespace
 * ({@link JanusServer.Builder#networkNamespace}) and the browser on the host: Janus's only
 * candidate is {@link #innerAddress()}, the browser reaches it from {@link #hostAddress()}, and the
 * namespace has no route anywhere else (no default route, IPv6 off), so checks from the browser's
 * other addresses get no answer and the selected pair is the veth pair's.
 *
 * <pre>{@code
 * try (NetworkNamespace ns = NetworkNamespace.create();
 *         JanusServer janus = JanusServer.builder().networkNamespace(ns).build()) {
 *     janus.start(); // janus.wsUrl() is ws://<ns.innerAddress()>:PORT
 * }
 * }</pre>
 *
 * <p>Needs root (CAP_NET_ADMIN) and iproute2's {@code ip}; without them {@link #create()} fails
 * with a message saying so, never skips. {@link #close()} deletes the namespace, which deletes the
 * veth pair with it; a namespace left by a JVM that was killed is deleted by the next {@code
 * create()} (its name carries the creating pid).
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NetworkNamespace.class.getName());

    /** The veth end inside the namespace; a namespace has its own interface names. */
    public static final String INNER_INTERFACE = "janus0";

    private static final String PREFIX = "cjanus-";
    private static final Pattern OWN_NAME = Pattern.compile(PREFIX + "(\\d+)-\\d+");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<NetworkNamespace> OPEN = ConcurrentHashMap.newKeySet();

    private final String name;
    private final String hostInterface;
    private final String hostAddress;
    private final String innerAddress;
    private boolean closed;

    private NetworkNamespace(
            String name, String hostInterface, String hostAddress, String innerAddress) {
        this.name = name;
        this.hostInterface = hostInterface;
        this.hostAddress = hostAddress;
        this.innerAddress = innerAddress;
    }

    /**
     * Creates a namespace with a veth pair on a free 10.x.y.0/30: the host end gets .1, the inner
     * end ({@link #INNER_INTERFACE}) .2; both up, IPv6 off on both, loopback up inside.
     *
     * @throws IllegalStateException without root, without {@code ip}, or when a step fails (the
     *     message names the command and what it printed); whatever was made is removed first
     */
    public static NetworkNamespace create() {
        requireRoot();
        removeStale();
        String id = ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        String name = PREFIX + id;
        String hostInterface = hostInterfaceOf(id);
        String subnet = freeSubnet();
        NetworkNamespace ns =
                new NetworkNamespace(name, hostInterface, subnet + ".1", subnet + ".2");
        Cleanup.registerHook();
        OPEN.add(ns);
        try {
            run("ip", "netns", "add", name);
            run(
                    "ip",
                    "link",
                    "add",
                    hostInterface,
                    "type",
                    "veth",
                    "peer",
                    "name",
                    INNER_INTERFACE,
                    "netns",
                    name);
            writeSysctl("net/ipv6/conf/" + hostInterface + "/disable_ipv6");
            run("ip", "addr", "add", ns.hostAddress + "/30", "dev", hostInterface);
            run("ip", "link", "set", hostInterface, "up");
            // through the shell, not sysctl: iproute2 is the only tool this class needs
            ns.runInside(
                    "sh",
                    "-c",
                    "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6"
                            + " && echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6");
            ns.runInside("ip", "addr", "add", ns.innerAddress + "/30", "dev", INNER_INTERFACE);
            ns.runInside("ip", "link", "set", INNER_INTERFACE, "up");
            ns.runInside("ip", "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
        LOG.log(
                INFO,
                "Network namespace {0}: host {1} ({2}) <-> inside {3} ({4})",
                name,
                ns.hostAddress,
                hostInterface,
                ns.innerAddress,
                INNER_INTERFACE);
        return ns;
    }

    /** Returns the namespace's name, as {@code ip netns} knows it. */
    public String name() {
        return name;
    }

    /** Returns the IPv4 address of the veth end on the host, for example 10.231.17.1. */
    public String hostAddress() {
        return hostAddress;
    }

    /** Returns the IPv4 address of the veth end inside the namespace, for example 10.231.17.2. */
    public String innerAddress() {
        return innerAddress;
    }

    /** Returns the name of the veth end on the host. */
    public String hostInterface() {
        return hostInterface;
    }

    /** Returns {@code command} prefixed so that it runs inside this namespace. */
    public List<String> commandInside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    /** Returns whether the namespace, or the host end of its veth pair, still exists. */
    public boolean exists() {
        return output("ip", "netns", "list")
                        .lines()
                        .anyMatch(l -> l.startsWith(name + " ") || l.equals(name))
                || output("ip", "-o", "link").contains(" " + hostInterface + "@");
    }

    /** Deletes the namespace and its veth pair; safe to call any number of times. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        // Deleting the namespace frees its veth pair only once the kernel has torn it down, later;
        // deleting the host end first removes both ends at once.
        try {
            deleteLink(hostInterface);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "Could not delete veth " + hostInterface, e);
        }
        try {
            run("ip", "netns", "del", name);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "Could not delete network namespace " + name, e);
        }
    }

    @Override
    public String toString() {
        return "NetworkNamespace[" + name + ", " + hostAddress + " <-> " + innerAddress + "]";
    }

    /** Deletes every namespace still open; the shutdown hook's part. */
    static void closeAllAtExit() {
        for (NetworkNamespace ns : new ArrayList<>(OPEN)) {
            ns.close();
        }
    }

    private void runInside(String... command) {
        run(commandInside(List.of(command)).toArray(String[]::new));
    }

    private static void requireRoot() {
        String uid = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    uid = line.substring(4).trim().split("\\s+", -1)[1];
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "NetworkNamespace needs Linux (/proc/self/status is unreadable: " + e + ")", e);
        }
        if (!"0".equals(uid)) {
            throw new IllegalStateException(
                    "NetworkNamespace needs root (CAP_NET_ADMIN) to create a network namespace and"
                            + " a veth pair, but runs as uid "
                            + uid
                            + ": run the tests as root (a WebRTC call cannot use loopback, and"
                            + " media must not cross the machine's own interfaces)");
        }
    }

    /**
     * Deletes namespaces of this class whose creating JVM is gone: first what still runs inside (a
     * Janus whose watchdog died with the JVM), then the host end of the veth pair, then the
     * namespace. (A JVM pid reused since is taken for alive: that namespace waits for the next
     * sweep.)
     */
    private static void removeStale() {
        for (String line : output("ip", "netns", "list").lines().toList()) {
            String ns = line.trim().split("\\s+", -1)[0];
            Matcher m = OWN_NAME.matcher(ns);
            if (m.matches()
                    && ProcessHandle.of(Long.parseLong(m.group(1)))
                            .filter(ProcessHandle::isAlive)
                            .isEmpty()) {
                LOG.log(INFO, "Deleting network namespace {0} left by a dead JVM", ns);
                for (String pid : output("ip", "netns", "pids", ns).lines().toList()) {
                    ProcessHandle.of(Long.parseLong(pid.trim()))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
                deleteLink(hostInterfaceOf(ns.substring(PREFIX.length())));
                run("ip", "netns", "del", ns);
            }
        }
    }

    /** The host end's name: made of the namespace's, so that a sweep finds it (15 chars max). */
    private static String hostInterfaceOf(String id) {
        return "cjh" + id.replace('-', 'x');
    }

    private static void deleteLink(String name) {
        if (output("ip", "-o", "link").contains(" " + name + "@")) {
            run("ip", "link", "del", name);
        }
    }

    /**
     * Picks 10.X.Y (for 10.X.Y.0/30, X in 231-239) not used by any address or route of the host.
     */
    private static String freeSubnet() {
        String used = output("ip", "-4", "-o", "addr") + output("ip", "-4", "route");
        for (int attempt = 0; attempt < 100; attempt++) {
            String subnet =
                    String.format(
                            Locale.ROOT, "10.%d.%d", 231 + RANDOM.nextInt(9), RANDOM.nextInt(256));
            if (!used.contains(subnet + ".")) {
                return subnet;
            }
        }
        throw new IllegalStateException("No free 10.231-239.x.0/30 subnet for a veth pair");
    }

    private static void writeSysctl(String key) {
        try {
            Files.writeString(Path.of("/proc/sys", key), "1");
        } catch (IOException e) {
            throw new IllegalStateException("Could not write /proc/sys/" + key + ": " + e, e);
        }
    }

    private static void run(String... command) {
        output(command);
    }

    /** Runs a command and returns what it printed; it must end within COMMAND_TIMEOUT. */
    private static String output(String... command) {
        String shown = String.join(" ", command);
        Path log;
        try {
            log = Files.createTempFile("netns-", ".out");
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + shown + ": " + e, e);
        }
        Process p = null;
        try {
            // output to a file: reading a pipe would wait for the command however long it hangs
            p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                            .redirectOutput(log.toFile())
                            .start();
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(shown + " did not finish in " + COMMAND_TIMEOUT);
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        shown + " failed with exit code " + p.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not run " + shown + " (is iproute2 installed?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + shown, e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                LOG.log(WARNING, "Could not delete " + log, e);
            }
        }
    }
}
