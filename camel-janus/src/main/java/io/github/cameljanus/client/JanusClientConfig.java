/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import io.github.cameljanus.client.engine.ApiDialect;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link JanusClient}; build with {@link #builder()}.
 *
 * <p>Over 400 lines: one documented getter and one documented builder method per setting, nothing
 * else.
 */
public final class JanusClientConfig {

    /** The WebSocket subprotocol of the Janus API. */
    public static final String SUBPROTOCOL = ApiDialect.JANUS_PROTOCOL;

    private final List<URI> addresses;
    private final String apiSecret;
    private final String token;
    private final String adminSecret;
    private final boolean adminApi;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration keepAliveInterval;
    private final Duration pingInterval;
    private final int maxPendingRequests;
    private final int maxMessageSize;
    private final int eventQueueSize;
    private final Duration shutdownTimeout;
    private final boolean destroySessionsOnClose;
    private final boolean reconnect;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;
    private final int maxReconnectAttempts;
    private final boolean reclaim;
    private final SSLContext sslContext;
    private final String origin;
    private final JanusTransportFactory transportFactory;
    private final String threadNamePrefix;
    private final ScheduledExecutorService scheduler;
    private final Executor dispatchExecutor;
    private final Executor completionExecutor;

    private JanusClientConfig(Builder b) {
        if (b.addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one address is required");
        }
        this.addresses = List.copyOf(b.addresses);
        this.apiSecret = b.apiSecret;
        this.token = b.token;
        this.adminSecret = b.adminSecret;
        this.adminApi = b.adminApi;
        this.connectTimeout = positive("connectTimeout", b.connectTimeout);
        this.requestTimeout = positive("requestTimeout", b.requestTimeout);
        this.keepAliveInterval =
                b.keepAliveInterval == null
                        ? null
                        : notNegative("keepAliveInterval", b.keepAliveInterval);
        this.pingInterval = notNegative("pingInterval", b.pingInterval);
        this.maxPendingRequests = positive("maxPendingRequests", b.maxPendingRequests);
        this.maxMessageSize = positive("maxMessageSize", b.maxMessageSize);
        this.eventQueueSize = positive("eventQueueSize", b.eventQueueSize);
        this.shutdownTimeout = notNegative("shutdownTimeout", b.shutdownTimeout);
        this.destroySessionsOnClose = b.destroySessionsOnClose;
        this.reconnect = b.reconnect;
        this.reconnectInitialDelay = positive("reconnectInitialDelay", b.reconnectInitialDelay);
        this.reconnectMaxDelay = positive("reconnectMaxDelay", b.reconnectMaxDelay);
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException(
                    "reconnectMaxDelay "
                            + reconnectMaxDelay
                            + " must not be below reconnectInitialDelay "
                            + reconnectInitialDelay);
        }
        if (b.maxReconnectAttempts < -1) {
            throw new IllegalArgumentException(
                    "maxReconnectAttempts must be -1 (forever) or more: " + b.maxReconnectAttempts);
        }
        this.maxReconnectAttempts = b.maxReconnectAttempts;
        this.reclaim = b.reclaim;
        this.sslContext = b.sslContext;
        this.origin = b.origin;
        this.threadNamePrefix = Objects.requireNonNull(b.threadNamePrefix, "threadNamePrefix");
        this.transportFactory =
                b.transportFactory != null
                        ? b.transportFactory
                        : JanusTransportFactory.defaultFactory(threadNamePrefix);
        this.scheduler = b.scheduler;
        this.dispatchExecutor = b.dispatchExecutor;
        this.completionExecutor = b.completionExecutor;
    }

    /** Returns a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the server addresses, tried in list order. */
    public List<URI> addresses() {
        return addresses;
    }

    /** Returns the Janus {@code api_secret}, sent as {@code apisecret}; nullable. */
    public String apiSecret() {
        return apiSecret;
    }

    /** Returns the token sent with every request that needs one; nullable. */
    public String token() {
        return token;
    }

    /** Returns true when the client speaks the Admin API (see {@link Builder#adminApi}). */
    public boolean adminApi() {
        return adminApi;
    }

    /** Returns the Admin API secret, null when none. */
    public String adminSecret() {
        return adminSecret;
    }

    /** Returns the time allowed to open the WebSocket (default 10 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Returns the default deadline of a request (default 10 s). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns the session keepalive interval: null = derived from Janus's {@code session-timeout}
     * (min(25 s, timeout/2), none when it is 0); {@link Duration#ZERO} = no keepalive.
     */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** Returns the interval of connection-level Janus {@code ping}s (default 15 s; ZERO = off). */
    public Duration pingInterval() {
        return pingInterval;
    }

    /**
     * Returns how many requests may wait for a reply at once (default 10000; keepalives exempt).
     */
    public int maxPendingRequests() {
        return maxPendingRequests;
    }

    /** Returns the largest inbound message accepted, in bytes (default 8 MiB). */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Returns how many events may wait for listeners, per connection (default 10000). */
    public int eventQueueSize() {
        return eventQueueSize;
    }

    /**
     * Returns the time close() may spend destroying sessions and stopping threads (default 5 s).
     */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /**
     * Returns whether close() destroys the sessions this client created (default true). The {@code
     * janus:} option {@code destroySessionsOnStop} sets it: an endpoint stops, a client closes,
     * hence the two names for one setting.
     */
    public boolean destroySessionsOnClose() {
        return destroySessionsOnClose;
    }

    /**
     * Returns whether the client reconnects by itself after the connection is lost, or after a
     * first connect failed (default true).
     */
    public boolean reconnect() {
        return reconnect;
    }

    /** Returns the upper bound of the first reconnect delay (default 500 ms). */
    public Duration reconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /**
     * Returns the cap of the reconnect delay (default 30 s). The delay before retry n is random in
     * [0, min(max, initial * 2^n)] (exponential backoff with full jitter).
     */
    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /**
     * Returns how many reconnect rounds (one round tries each address once) may fail before the
     * client gives up and stays disconnected until {@link JanusClient#connect()} is called again;
     * -1 = forever (default).
     */
    public int maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /**
     * Returns whether the client sends {@code claim} for each of its sessions after reconnecting
     * (default true). A session that cannot be claimed is reported lost.
     */
    public boolean reclaim() {
        return reclaim;
    }

    /** Returns the TLS context for wss, nullable (the JVM default). */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Returns the Origin header to send, nullable. */
    public String origin() {
        return origin;
    }

    /**
     * Returns the transport factory (default: the JDK's WebSocket client with delivery on its
     * selector thread; Tyrus is selectable with {@code
     * io.github.cameljanus.client.transport.tyrus.TyrusTransportFactory}).
     */
    public JanusTransportFactory transportFactory() {
        return transportFactory;
    }

    /** Returns the prefix of the names of threads the client creates (default {@code janus}). */
    public String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** Returns the externally owned scheduler, null when the client creates its own. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Returns the externally owned executor of event delivery, null when the client creates its
     * own.
     */
    public Executor dispatchExecutor() {
        return dispatchExecutor;
    }

    /**
     * Returns the externally owned executor that callers' futures complete on, null when the client
     * creates its own.
     */
    public Executor completionExecutor() {
        return completionExecutor;
    }

    @Override
    public String toString() {
        return "JanusClientConfig[addresses="
                + addresses
                + ", apiSecret="
                + (apiSecret == null ? "null" : "***")
                + ", token="
                + (token == null ? "null" : "***")
                + ", requestTimeout="
                + requestTimeout
                + ", keepAliveInterval="
                + keepAliveInterval
                + ", pingInterval="
                + pingInterval
                + ", reconnect="
                + reconnect
                + "]";
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }

    private static Duration notNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    /** Builds a {@link JanusClientConfig}. Not thread-safe. */
    public static final class Builder {
        private final List<URI> addresses = new ArrayList<>();
        private String apiSecret;
        private String token;
        private String adminSecret;
        private boolean adminApi;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration keepAliveInterval;
        private Duration pingInterval = Duration.ofSeconds(15);
        private int maxPendingRequests = 10_000;
        private int maxMessageSize = 8 * 1024 * 1024;
        private int eventQueueSize = 10_000;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private boolean destroySessionsOnClose = true;
        private boolean reconnect = true;
        private Duration reconnectInitialDelay = Duration.ofMillis(500);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private int maxReconnectAttempts = -1;
        private boolean reclaim = true;
        private SSLContext sslContext;
        private String origin;
        private JanusTransportFactory transportFactory;
        private String threadNamePrefix = "janus";
        private ScheduledExecutorService scheduler;
        private Executor dispatchExecutor;
        private Executor completionExecutor;

        private Builder() {}

        /**
         * Replaces the server addresses (ws:// or wss://), tried in list order.
         *
         * @param addresses the addresses
         * @return this
         */
        public Builder addresses(List<URI> addresses) {
            this.addresses.clear();
            addresses.forEach(this::address);
            return this;
        }

        /**
         * Adds a server address (ws:// or wss://).
         *
         * @param address the address
         * @return this
         */
        public Builder address(URI address) {
            String scheme = Objects.requireNonNull(address, "address").getScheme();
            if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("not a ws:// or wss:// address: " + address);
            }
            addresses.add(address);
            return this;
        }

        /**
         * Sets the Janus {@code api_secret}.
         *
         * @param apiSecret the secret, nullable
         * @return this
         */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        /**
         * Makes the client speak the Admin API ({@code janus-admin-protocol}, {@code admin_secret}
         * on every request) instead of the Janus API: the same engine, another dialect. An Admin
         * API client owns no sessions; it sends {@link JanusClient#adminRequest}s.
         *
         * @param adminSecret Janus's {@code admin_secret}, nullable
         * @return this
         */
        public Builder adminApi(String adminSecret) {
            this.adminApi = true;
            this.adminSecret = adminSecret;
            return this;
        }

        /**
         * Sets the token sent with every request that needs one.
         *
         * @param token the token, nullable
         * @return this
         */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * Sets the time allowed to open the WebSocket.
         *
         * @param connectTimeout positive
         * @return this
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets the default request deadline.
         *
         * @param requestTimeout positive
         * @return this
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /**
         * Sets the session keepalive interval.
         *
         * @param keepAliveInterval null = derived from Janus's session-timeout; ZERO = off
         * @return this
         */
        public Builder keepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
            return this;
        }

        /**
         * Sets the interval of connection-level pings.
         *
         * @param pingInterval ZERO = off
         * @return this
         */
        public Builder pingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
            return this;
        }

        /**
         * Sets how many requests may wait for a reply at once.
         *
         * @param maxPendingRequests positive
         * @return this
         */
        public Builder maxPendingRequests(int maxPendingRequests) {
            this.maxPendingRequests = maxPendingRequests;
            return this;
        }

        /**
         * Sets the largest inbound message accepted.
         *
         * @param maxMessageSize bytes, positive
         * @return this
         */
        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        /**
         * Sets how many events may wait for listeners.
         *
         * @param eventQueueSize positive
         * @return this
         */
        public Builder eventQueueSize(int eventQueueSize) {
            this.eventQueueSize = eventQueueSize;
            return this;
        }

        /**
         * Sets the time close() may spend.
         *
         * @param shutdownTimeout not negative
         * @return this
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /**
         * Sets whether close() destroys the sessions this client created.
         *
         * @param destroySessionsOnClose true by default
         * @return this
         */
        public Builder destroySessionsOnClose(boolean destroySessionsOnClose) {
            this.destroySessionsOnClose = destroySessionsOnClose;
            return this;
        }

        /**
         * Sets whether the client reconnects by itself after a loss or a failed first connect.
         *
         * @param reconnect true by default
         * @return this
         */
        public Builder reconnect(boolean reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        /**
         * Sets the upper bound of the first reconnect delay.
         *
         * @param reconnectInitialDelay positive, default 500 ms
         * @return this
         */
        public Builder reconnectInitialDelay(Duration reconnectInitialDelay) {
            this.reconnectInitialDelay = reconnectInitialDelay;
            return this;
        }

        /**
         * Sets the cap of the reconnect delay.
         *
         * @param reconnectMaxDelay positive, not below the initial delay; default 30 s
         * @return this
         */
        public Builder reconnectMaxDelay(Duration reconnectMaxDelay) {
            this.reconnectMaxDelay = reconnectMaxDelay;
            return this;
        }

        /**
         * Sets how many reconnect rounds may fail before the client gives up.
         *
         * @param maxReconnectAttempts -1 = forever (default), 0 = never retry
         * @return this
         */
        public Builder maxReconnectAttempts(int maxReconnectAttempts) {
            this.maxReconnectAttempts = maxReconnectAttempts;
            return this;
        }

        /**
         * Sets whether sessions are claimed after reconnecting.
         *
         * @param reclaim true by default
         * @return this
         */
        public Builder reclaim(boolean reclaim) {
            this.reclaim = reclaim;
            return this;
        }

        /**
         * Sets the TLS context for wss.
         *
         * @param sslContext nullable: the JVM default
         * @return this
         */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Sets the Origin header.
         *
         * @param origin nullable
         * @return this
         */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /**
         * Sets the transport factory.
         *
         * @param transportFactory nullable: {@link JanusTransportFactory#defaultFactory} (the JDK's
         *     WebSocket); {@code new TyrusTransportFactory(prefix)} for Tyrus
         * @return this
         */
        public Builder transportFactory(JanusTransportFactory transportFactory) {
            this.transportFactory = transportFactory;
            return this;
        }

        /**
         * Sets the prefix of the names of threads the client creates.
         *
         * @param threadNamePrefix default {@code janus}
         * @return this
         */
        public Builder threadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = threadNamePrefix;
            return this;
        }

        /**
         * Uses an externally owned scheduler (never shut down by the client).
         *
         * @param scheduler nullable: the client creates and owns one
         * @return this
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * Uses an externally owned executor for delivering events to listeners (never shut down by
         * the client). It must queue tasks while its threads are busy.
         *
         * @param dispatchExecutor nullable: the client creates and owns one
         * @return this
         */
        public Builder dispatchExecutor(Executor dispatchExecutor) {
            this.dispatchExecutor = dispatchExecutor;
            return this;
        }

        /**
         * Uses an externally owned executor for completing the futures the client returns (never
         * shut down by the client). Keep it apart from the dispatch executor: a listener that
         * blocks waiting for a reply must not hold the thread that reply needs. It must queue tasks
         * while its threads are busy.
         *
         * @param completionExecutor nullable: the client creates and owns one
         * @return this
         */
        public Builder completionExecutor(Executor completionExecutor) {
            this.completionExecutor = completionExecutor;
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the immutable config
         * @throws IllegalArgumentException when a value is out of range
         */
        public JanusClientConfig build() {
            return new JanusClientConfig(this);
        }
    }
}
