/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A real Janus WebRTC Server (the installed {@code janus} binary) running on 127.0.0.1 for tests,
 * or inside a {@link NetworkNamespace} of the test's own for a real WebRTC call.
 *
 * <p>Each instance gets its own generated configuration in a fresh temporary folder (the system's
 * {@code /etc/janus} is only read, never used directly), free ports for the Janus API and the Admin
 * API, both bound to loopback only (in a namespace: to its inner address only), and a small range
 * of RTP ports. Typical use:
 *
 * <pre>{@code
 * try (JanusServer janus = JanusServer.builder().apiSecret("s3cret").build()) {
 *     janus.start();
 *     connect(janus.wsUrl());
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests, prefer {@link JanusServerExtension}. A started Janus never outlives the JVM:
 * a shutdown hook stops it, and a watchdog process ends it if the JVM is killed outright.
 *
 * <p>When the {@code janus} binary is not on {@code PATH}, {@link #start()} fails (it never skips)
 * with a message pointing at {@code scripts/install-janus.sh}.
 *
 * <p>Instances are thread-safe.
 *
 * <p>Its parts: {@link JanusConfig} writes the configuration, {@link JanusInstall} finds the
 * installed Janus, {@link Signals} controls the process, {@link ListeningSockets} checks it listens
 * on its one address only, {@link ReadinessProbe} waits for a starting Janus, {@link AdminApi} is
 * the admin helper, {@link Cleanup} ends what a test forgot. Over 400 lines still because of the
 * public {@link Builder}: one documented method per option, which must stay nested (its API is
 * public).
 */
public final class JanusServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JanusServer.class.getName());

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;
    private static final int RTP_PORTS = 20;
    private static final Pattern CONFIG_NAME =
            Pattern.compile("janus\\.(plugin|eventhandler|logger)\\.[A-Za-z0-9_-]+");
    private static final Set<String> JSON_FORMATS = Set.of("indented", "plain", "compact");

    private static final InetAddress LOOPBACK_ADDRESS = loopback();
    private static final Set<JanusServer> RUNNING = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Runs janus in place of this shell (so the Process and {@link #pid()} are janus itself) after
     * forking a watchdog that ends janus once the JVM's pid is gone. The watchdog exits as soon as
     * janus does, so a restart leaves nothing behind. $1 is the JVM pid, the rest is the janus
     * command line.
     */
    private static final String WATCHDOG_SCRIPT =
            """
            jvm=$1; shift; self=$$
            (
              while kill -0 "$self" 2>/dev/null; do
                if ! kill -0 "$jvm" 2>/dev/null; then
                  kill -TERM "$self" 2>/dev/null; kill -CONT "$self" 2>/dev/null
                  i=0
                  while [ $i -lt 10 ] && kill -0 "$self" 2>/dev/null; do sleep 0.5; i=$((i+1)); done
                  kill -KILL "$self" 2>/dev/null
                  exit 0
                fi
                sleep 0.5
              done
            ) </dev/null >/dev/null 2>&1 &
            exec "$@"
            """;

    private final Builder settings;
    private final String adminSecret;

    private Path configDir;
    private Path executable;
    private int apiPort;
    private int adminPort;
    private SelfSignedTls tls;
    private HttpClient http;
    private volatile Process process;

    private JanusServer(Builder builder) {
        this.settings = builder.copy();
        this.adminSecret = builder.adminSecret != null ? builder.adminSecret : randomHex(24);
    }

    /** Returns a builder with defaults: no API secret, no tokens, ws, Janus's own timeouts. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates the configuration (on the first call), launches Janus and waits until it answers a
     * {@code ping} on the API port.
     *
     * @return this server, for chaining
     * @throws IllegalStateException if Janus is not installed, is already running, does not become
     *     ready within 15 s (the message then carries the end of the Janus log), or listens on
     *     anything but 127.0.0.1 (in a network namespace: anything but its inner address)
     */
    public synchronized JanusServer start() {
        if (isRunning()) {
            throw new IllegalStateException("Janus is already running (pid " + pid() + ")");
        }
        if (configDir == null) {
            prepare();
        }
        launch();
        return this;
    }

    /**
     * Stops Janus if it runs, then starts it again with the same configuration on the same ports
     * and waits until it is ready. Works after {@link #kill()} too.
     *
     * @throws IllegalStateException as for {@link #start()}
     */
    public synchronized void restart() {
        if (configDir == null) {
            start();
            return;
        }
        stop();
        launch();
    }

    /**
     * Asks Janus to shut down (SIGTERM), and kills it (SIGKILL) if it is still there after 5 s.
     * Does nothing if it is not running. A frozen Janus is thawed first so it can exit cleanly.
     */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            p.destroy();
            // SIGTERM stays pending on a stopped process; SIGCONT lets it be handled.
            Signals.signal("CONT", p.pid(), false);
            if (!Signals.waitForExit(p, STOP_GRACE)) {
                LOG.log(
                        WARNING,
                        "Janus pid {0} ignored SIGTERM for 5 s, killing it",
                        String.valueOf(p.pid()));
                p.destroyForcibly();
                Signals.waitForExit(p, STOP_GRACE);
            }
            LOG.log(DEBUG, "Janus pid {0} stopped", String.valueOf(p.pid()));
        }
        RUNNING.remove(this);
    }

    /** Kills Janus with SIGKILL, as a crash would, and waits until the process is gone. */
    public synchronized void kill() {
        Process p = requireProcess();
        p.destroyForcibly();
        if (!Signals.waitForExit(p, STOP_GRACE)) {
            throw new IllegalStateException("Janus pid " + p.pid() + " survived SIGKILL");
        }
        RUNNING.remove(this);
    }

    /**
     * Suspends Janus with SIGSTOP: sockets stay open but nothing is answered, like a hung server.
     */
    public synchronized void freeze() {
        long pid = requireRunning().pid();
        Signals.signal("STOP", pid, true);
        Signals.awaitAllThreadsStopped(pid);
    }

    /** Resumes a Janus suspended by {@link #freeze()} (SIGCONT). */
    public synchronized void thaw() {
        Signals.signal("CONT", requireRunning().pid(), true);
    }

    /** Returns whether the Janus process is alive (a frozen Janus counts as running). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Same as {@link #stop()}; safe to call any number of times. */
    @Override
    public synchronized void close() {
        stop();
    }

    /**
     * Returns the Janus API URL, {@code ws://127.0.0.1:PORT} or, with {@link Builder#wss(boolean)},
     * {@code wss://127.0.0.1:PORT}. Clients must offer the {@code janus-protocol} subprotocol. In a
     * {@link Builder#networkNamespace network namespace}, the host is the namespace's inner
     * address.
     */
    public synchronized String wsUrl() {
        return (settings.wss ? "wss" : "ws") + "://" + bindAddress() + ":" + apiPort();
    }

    /** Returns the Janus API port (stays the same across {@link #restart()}). */
    public synchronized int apiPort() {
        requirePrepared();
        return apiPort;
    }

    /**
     * Returns the Admin API URL, {@code ws://127.0.0.1:PORT} (always plain ws; in a network
     * namespace, its inner address). Clients must offer the {@code janus-admin-protocol}
     * subprotocol and send {@link #adminSecret()}.
     */
    public synchronized String adminUrl() {
        return "ws://" + bindAddress() + ":" + adminPort();
    }

    /** Returns the Admin API port (stays the same across {@link #restart()}). */
    public synchronized int adminPort() {
        requirePrepared();
        return adminPort;
    }

    /** Returns the admin secret: the one given to the builder, or a random one. */
    public String adminSecret() {
        return adminSecret;
    }

    /** Returns the API secret every Janus API request must carry, or {@code null} if none. */
    public String apiSecret() {
        return settings.apiSecret;
    }

    /** Returns the pid of the janus process itself (the latest one after a restart). */
    public synchronized long pid() {
        return requireProcess().pid();
    }

    /** Returns the Janus log file; it is appended to across restarts. */
    public synchronized Path logFile() {
        return configDir().resolve(JanusConfig.LOG_FILE);
    }

    /** Returns the generated configuration folder (deleted when the JVM exits). */
    public synchronized Path configDir() {
        requirePrepared();
        return configDir;
    }

    /**
     * Returns the PKCS12 trust store holding the self-signed certificate of a wss Janus.
     *
     * @throws IllegalStateException unless built with {@code wss(true)} and started
     */
    public synchronized Path trustStore() {
        return requireTls().trustStore;
    }

    /**
     * Returns the password of {@link #trustStore()}.
     *
     * @throws IllegalStateException unless built with {@code wss(true)} and started
     */
    public synchronized String trustStorePassword() {
        return requireTls().trustStorePassword;
    }

    /**
     * Returns an SSL context that trusts the self-signed certificate of a wss Janus, for example
     * for {@code HttpClient.newBuilder().sslContext(...)}.
     *
     * @throws IllegalStateException unless built with {@code wss(true)} and started
     */
    public synchronized SSLContext sslContext() {
        return requireTls().sslContext;
    }

    /**
     * Sends one Admin API request and returns Janus's reply as text.
     *
     * <p>{@code admin_secret} and a {@code transaction} are added unless the request already has
     * them. Errors that Janus reports (such as {@code "janus":"error"}) are returned, not thrown.
     *
     * @param json a JSON object such as {@code {"janus":"list_tokens"}}
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     * @throws IllegalStateException if Janus does not answer within 10 s
     */
    public String adminRequest(String json) {
        return admin().request(json);
    }

    /**
     * Returns the ids of all sessions Janus currently holds (Admin {@code list_sessions}), for leak
     * checks.
     *
     * @throws IllegalStateException if Janus answers with an error or not at all
     */
    public List<Long> listSessions() {
        return admin().listSessions();
    }

    /**
     * Adds a stored token (Admin {@code add_token}); needs {@link Builder#tokenAuth(boolean)}.
     *
     * @param token the token clients will send
     * @param plugins the plugin packages it may attach to, e.g. {@code janus.plugin.echotest}; none
     *     means all
     * @throws IllegalStateException if Janus refuses
     */
    public void addToken(String token, String... plugins) {
        admin().addToken(token, plugins);
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "JanusServer["
                    + (configDir == null ? "not started" : wsUrl() + ", admin " + adminUrl())
                    + (isRunning() ? ", pid " + process.pid() : "")
                    + "]";
        }
    }

    // ---------------------------------------------------------------------------------------

    private AdminApi admin() {
        synchronized (this) {
            requireRunning();
            return new AdminApi(http, URI.create(adminUrl()), adminSecret);
        }
    }

    private void prepare() {
        executable = JanusInstall.findExecutable(settings.executable, settings.searchPath);
        Path libDir = JanusInstall.findLibDir(executable);
        Path stockDir = JanusInstall.findStockConfigDir(executable);
        try {
            Path dir = Files.createTempDirectory("janus-");
            int[] ports = freePorts(2);
            if (settings.fixedApiPort > 0) {
                ports[0] = settings.fixedApiPort;
            }
            if (settings.fixedAdminPort > 0) {
                ports[1] = settings.fixedAdminPort;
            }
            if (settings.wss) {
                tls = SelfSignedTls.generate(dir, randomHex(16));
            }
            int rtpMin = 10000 + RANDOM.nextInt(1000) * RTP_PORTS;
            JanusConfig config =
                    new JanusConfig(
                            dir,
                            libDir,
                            JanusInstall.stockPluginConfigs(stockDir),
                            settings.pluginConfigs,
                            settings.serverName,
                            adminSecret,
                            settings.apiSecret,
                            settings.tokenAuth,
                            settings.sessionTimeout,
                            settings.reclaimSessionTimeout,
                            ports[0],
                            ports[1],
                            rtpMin,
                            rtpMin + RTP_PORTS - 1,
                            settings.wss,
                            tls == null ? null : tls.certPem,
                            tls == null ? null : tls.keyPem,
                            settings.eventBackend,
                            settings.json,
                            settings.sampleBackend,
                            settings.jsonLogger,
                            new JanusConfig.EventHandlerSettings(
                                    settings.eventHandlerEvents,
                                    settings.eventHandlerGrouping,
                                    settings.eventHandlerCompress,
                                    settings.statsPeriod,
                                    settings.combineMediaStats),
                            bindAddress(),
                            settings.namespace == null ? null : NetworkNamespace.INNER_INTERFACE);
            for (Map.Entry<String, String> file : config.files().entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
            HttpClient.Builder hb =
                    HttpClient.newBuilder().connectTimeout(ReadinessProbe.PROBE_TIMEOUT);
            if (tls != null) {
                hb.sslContext(tls.sslContext);
            }
            http = hb.build();
            apiPort = ports[0];
            adminPort = ports[1];
            configDir = dir;
            Cleanup.deleteAtExit(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Janus configuration", e);
        }
    }

    private void launch() {
        Path dir = configDir;
        List<String> command = new ArrayList<>();
        if (settings.namespace != null) {
            // ip netns exec execs its command, so the process (and pid()) is still janus itself.
            command.addAll(settings.namespace.commandInside(List.of()));
        }
        command.add("/bin/sh");
        command.add("-c");
        command.add(WATCHDOG_SCRIPT);
        command.add("janus-watchdog");
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(executable.toString());
        command.add("-C");
        command.add(dir.resolve(JanusConfig.MAIN_FILE).toString());
        command.add("-F");
        command.add(dir.toString());
        command.add("-L");
        command.add(dir.resolve(JanusConfig.LOG_FILE).toString());
        command.add("-N");
        command.add("-o");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("janus.out").toFile()));
        Cleanup.registerHook();
        long started = System.nanoTime();
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + executable + ": " + e, e);
        }
        RUNNING.add(this);
        try {
            awaitReady();
            checkListeningAddress();
        } catch (RuntimeException e) {
            process.destroyForcibly();
            Signals.waitForExit(process, STOP_GRACE);
            RUNNING.remove(this);
            throw e;
        }
        LOG.log(
                INFO,
                "Janus ready in {0} ms: {1}, admin {2}, pid {3}, config {4}",
                String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)),
                wsUrl(),
                adminUrl(),
                String.valueOf(process.pid()),
                dir);
    }

    private void awaitReady() {
        ReadinessProbe.await(
                process, http, URI.create(wsUrl()), bindAddress(), adminPort, this::failure);
    }

    private void checkListeningAddress() {
        ReadinessProbe.checkListensOnlyOn(
                process.pid(), bindAddress(), new int[] {apiPort, adminPort}, this::failure);
    }

    /** 127.0.0.1, or the inner address of the namespace Janus runs in. */
    private String bindAddress() {
        return settings.namespace == null ? "127.0.0.1" : settings.namespace.innerAddress();
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + "\n" + logTail());
    }

    private String logTail() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of(JanusConfig.LOG_FILE, "janus.out")) {
            Path file = configDir.resolve(name);
            if (!Files.exists(file)) {
                continue;
            }
            try {
                List<String> lines =
                        new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                                .lines()
                                .toList();
                if (lines.isEmpty()) {
                    continue;
                }
                List<String> tail =
                        lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
                sb.append("--- last ").append(tail.size()).append(" lines of ").append(file);
                sb.append(" ---\n");
                tail.forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("(could not read ").append(file).append(": ").append(e).append(")\n");
            }
        }
        return sb.length() == 0 ? "(Janus wrote no log)" : sb.toString();
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Janus", e);
        }
    }

    private Process requireProcess() {
        if (process == null) {
            throw new IllegalStateException("Janus has not been started");
        }
        return process;
    }

    private Process requireRunning() {
        Process p = requireProcess();
        if (!p.isAlive()) {
            throw new IllegalStateException("Janus is not running (pid " + p.pid() + " exited)");
        }
        return p;
    }

    private void requirePrepared() {
        if (configDir == null) {
            throw new IllegalStateException("Janus has not been started");
        }
    }

    private SelfSignedTls requireTls() {
        if (!settings.wss) {
            throw new IllegalStateException("This Janus was not built with wss(true)");
        }
        requirePrepared();
        return tls;
    }

    private static int[] freePorts(int count) throws IOException {
        // All sockets stay open until every port is known, so the ports differ from each other.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, LOOPBACK_ADDRESS);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Stops every running instance; the last line of defence when tests forget to. */
    static void stopAllAtExit() {
        List<JanusServer> servers = new ArrayList<>(RUNNING);
        // SIGTERM everyone first so that their 1-2 s shutdowns overlap instead of adding up.
        for (JanusServer s : servers) {
            Process p = s.process;
            if (p != null) {
                p.destroy();
            }
        }
        for (JanusServer s : servers) {
            try {
                s.stop();
            } catch (RuntimeException e) {
                LOG.log(WARNING, "Could not stop " + s + " at JVM exit", e);
            }
        }
    }

    /**
     * Options for a {@link JanusServer}. Every option has a default, so {@code
     * JanusServer.builder().build()} is a valid plain-ws Janus.
     */
    public static final class Builder {
        private String apiSecret;
        private boolean tokenAuth;
        private int sessionTimeout = 60;
        private int reclaimSessionTimeout;
        private boolean wss;
        private String eventBackend;
        private String sampleBackend;
        private String eventHandlerEvents = JanusConfig.EventHandlerSettings.DEFAULT.events();
        private boolean eventHandlerGrouping;
        private boolean eventHandlerCompress;
        private int statsPeriod;
        private boolean combineMediaStats;
        private boolean jsonLogger;
        private String json;
        private String adminSecret;
        private String serverName = "camel-janus-test";
        private int fixedApiPort;
        private int fixedAdminPort;
        private Map<String, String> pluginConfigs = new LinkedHashMap<>();
        private String executable = "janus";
        private String searchPath = System.getenv("PATH");
        private NetworkNamespace namespace;

        private Builder() {}

        /** Sets the secret that every Janus API request but info and ping must carry. */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
            return this;
        }

        /** Turns on stored-token auth; add tokens with {@link JanusServer#addToken}. */
        public Builder tokenAuth(boolean tokenAuth) {
            this.tokenAuth = tokenAuth;
            return this;
        }

        /**
         * Sets {@code session_timeout} (default 60; 0 disables). Janus sweeps every 2 s, so a
         * session actually expires 2-4 s after this.
         */
        public Builder sessionTimeout(int seconds) {
            this.sessionTimeout = nonNegative(seconds, "sessionTimeout");
            return this;
        }

        /** Sets {@code reclaim_session_timeout} (default 0: sessions die with their WebSocket). */
        public Builder reclaimSessionTimeout(int seconds) {
            this.reclaimSessionTimeout = nonNegative(seconds, "reclaimSessionTimeout");
            return this;
        }

        /**
         * Serves the Janus API over TLS (wss) with a self-signed certificate for 127.0.0.1 made at
         * start; trust it with {@link JanusServer#sslContext()} or {@link
         * JanusServer#trustStore()}. The Admin API stays plain ws.
         */
        public Builder wss(boolean wss) {
            this.wss = wss;
            return this;
        }

        /**
         * Enables the WebSockets event handler, connecting out to {@code wsUrl} (loopback, or the
         * host end of the {@link #networkNamespace network namespace}), subprotocol {@code
         * janus-event-handlers}; what it pushes: {@link #eventHandlerEvents}, {@link
         * #eventHandlerGrouping}.
         */
        public Builder eventHandlerBackend(String wsUrl) {
            this.eventBackend = Objects.requireNonNull(wsUrl, "wsUrl");
            return this;
        }

        /**
         * Enables the HTTP event handler (sampleevh), POSTing to {@code httpUrl} (loopback, or the
         * host end of the {@link #networkNamespace network namespace}); what it pushes: {@link
         * #eventHandlerEvents}, {@link #eventHandlerGrouping}, {@link #eventHandlerCompress}.
         */
        public Builder sampleEventHandlerBackend(String httpUrl) {
            this.sampleBackend = Objects.requireNonNull(httpUrl, "httpUrl");
            return this;
        }

        /**
         * Sets which events the event handlers push ({@code events} in their configs): {@code all}
         * (default), {@code none}, or a comma-separated list of Janus's names (sessions, handles,
         * jsep, webrtc, media, plugins, transports, core, external).
         */
        public Builder eventHandlerEvents(String events) {
            this.eventHandlerEvents = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * Makes the event handlers push arrays of events ({@code grouping = true}, Janus's own
         * default) instead of one event per message (this builder's default).
         */
        public Builder eventHandlerGrouping(boolean grouping) {
            this.eventHandlerGrouping = grouping;
            return this;
        }

        /** Makes the HTTP event handler gzip its POST bodies ({@code compress}). */
        public Builder eventHandlerCompress(boolean compress) {
            this.eventHandlerCompress = compress;
            return this;
        }

        /** Sets {@code stats_period} (seconds between media stats events; Janus's default 5). */
        public Builder statsPeriod(int seconds) {
            this.statsPeriod = nonNegative(seconds, "statsPeriod");
            return this;
        }

        /** Sets {@code combine_media_stats}: one stats event per handle, its event an array. */
        public Builder combineMediaStats(boolean combine) {
            this.combineMediaStats = combine;
            return this;
        }

        /**
         * Runs Janus's JSON logger, writing {@code janus-log.json} in the config folder (Janus
         * follows each line with a NUL byte).
         */
        public Builder jsonLogger(boolean jsonLogger) {
            this.jsonLogger = jsonLogger;
            return this;
        }

        /**
         * Adds or replaces a plugin (or event handler) configuration file.
         *
         * @param pluginPackage e.g. {@code janus.plugin.videoroom}
         * @param jcfgText the whole file in libconfig syntax
         */
        public Builder pluginConfig(String pluginPackage, String jcfgText) {
            String name =
                    pluginPackage.endsWith(".jcfg")
                            ? pluginPackage.substring(0, pluginPackage.length() - 5)
                            : pluginPackage;
            if (!CONFIG_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "Not a plugin package like janus.plugin.videoroom: " + pluginPackage);
            }
            pluginConfigs.put(name, Objects.requireNonNull(jcfgText, "jcfgText"));
            return this;
        }

        /** Sets the admin secret; by default a random one is generated per server. */
        public Builder adminSecret(String adminSecret) {
            this.adminSecret = Objects.requireNonNull(adminSecret, "adminSecret");
            return this;
        }

        /**
         * Sets the JSON formatting of the WebSockets transport: {@code indented} (Janus's default),
         * {@code plain} or {@code compact}. Unset keeps Janus's default.
         */
        public Builder json(String format) {
            if (!JSON_FORMATS.contains(format)) {
                throw new IllegalArgumentException(
                        "json must be one of " + new java.util.TreeSet<>(JSON_FORMATS));
            }
            this.json = format;
            return this;
        }

        /** Sets {@code server_name}, the {@code emitter} of events (default camel-janus-test). */
        public Builder serverName(String serverName) {
            this.serverName = Objects.requireNonNull(serverName, "serverName");
            return this;
        }

        /**
         * Listens on these ports (127.0.0.1) instead of free ones: for a Janus kept running during
         * development at an address that does not change ({@link LocalJanus}). 0 picks a free one.
         */
        public Builder ports(int apiPort, int adminPort) {
            if (apiPort < 0 || apiPort > 65535 || adminPort < 0 || adminPort > 65535) {
                throw new IllegalArgumentException(
                        "ports must be 0 (free) or 1-65535, got " + apiPort + " and " + adminPort);
            }
            this.fixedApiPort = apiPort;
            this.fixedAdminPort = adminPort;
            return this;
        }

        /**
         * Runs Janus inside {@code namespace}: the API and Admin API listen on its {@link
         * NetworkNamespace#innerAddress() inner address} instead of 127.0.0.1, and ICE candidates
         * are gathered on its veth end only, so a browser on the host makes a real call whose media
         * crosses nothing but that veth pair. The caller owns the namespace: close it after this
         * server. Not with {@link #wss(boolean)} (the certificate is for 127.0.0.1).
         */
        public Builder networkNamespace(NetworkNamespace namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /** Binary name or path to run instead of {@code janus}; for tests of this module. */
        Builder executable(String nameOrPath) {
            this.executable = Objects.requireNonNull(nameOrPath);
            return this;
        }

        /** PATH to search instead of the environment's; for tests of this module. */
        Builder searchPath(String path) {
            this.searchPath = path;
            return this;
        }

        /** Creates a server with these options; nothing runs until {@link JanusServer#start()}. */
        public JanusServer build() {
            if (namespace != null && wss) {
                throw new IllegalStateException(
                        "wss(true) and networkNamespace(...) do not go together: the self-signed"
                                + " certificate is for 127.0.0.1 only");
            }
            return new JanusServer(this);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.apiSecret = apiSecret;
            b.tokenAuth = tokenAuth;
            b.sessionTimeout = sessionTimeout;
            b.reclaimSessionTimeout = reclaimSessionTimeout;
            b.wss = wss;
            b.eventBackend = eventBackend;
            b.sampleBackend = sampleBackend;
            b.eventHandlerEvents = eventHandlerEvents;
            b.eventHandlerGrouping = eventHandlerGrouping;
            b.eventHandlerCompress = eventHandlerCompress;
            b.statsPeriod = statsPeriod;
            b.combineMediaStats = combineMediaStats;
            b.jsonLogger = jsonLogger;
            b.json = json;
            b.fixedApiPort = fixedApiPort;
            b.fixedAdminPort = fixedAdminPort;
            b.adminSecret = adminSecret;
            b.serverName = serverName;
            b.pluginConfigs = new LinkedHashMap<>(pluginConfigs);
            b.executable = executable;
            b.searchPath = searchPath;
            b.namespace = namespace;
            return b;
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must be >= 0");
            }
            return value;
        }
    }
}
