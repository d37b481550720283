/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.List;
import java.util.Locale;

/**
 * Every request of Janus 1.1.2's Admin API (janus.c), named in camelCase: the one catalogue of
 * their verbs ({@code list_sessions}, derived from the name), what they address and which
 * parameters they need. Checked against the protocol reference by {@code JanusAdminOperationTest}.
 */
public enum JanusAdminOperation {
    info(Scope.GLOBAL),
    ping(Scope.GLOBAL),
    getStatus(Scope.GLOBAL),
    /** Globally, or for one session when the session id is given. */
    setSessionTimeout(Scope.GLOBAL_OR_SESSION, "timeout"),
    setLogLevel(Scope.GLOBAL, "level"),
    setLogTimestamps(Scope.GLOBAL, "timestamps"),
    setLogColors(Scope.GLOBAL, "colors"),
    setLockingDebug(Scope.GLOBAL, "debug"),
    setRefcountDebug(Scope.GLOBAL, "debug"),
    setLibniceDebug(Scope.GLOBAL, "debug"),
    setMinNackQueue(Scope.GLOBAL, "min_nack_queue"),
    setNackOptimizations(Scope.GLOBAL, "nack_optimizations"),
    setNoMediaTimer(Scope.GLOBAL, "no_media_timer"),
    setSlowlinkThreshold(Scope.GLOBAL, "slowlink_threshold"),
    acceptNewSessions(Scope.GLOBAL, "accept"),
    /** Global in 1.1.2: reaches a plugin's synchronous requests without a session. */
    messagePlugin(Scope.GLOBAL, "plugin", "request"),
    queryTransport(Scope.GLOBAL, "transport", "request"),
    queryEventhandler(Scope.GLOBAL, "handler", "request"),
    queryLogger(Scope.GLOBAL, "logger", "request"),
    customEvent(Scope.GLOBAL, "schema", "data"),
    customLogline(Scope.GLOBAL, "line"),
    listSessions(Scope.GLOBAL),
    addToken(Scope.GLOBAL, "token"),
    allowToken(Scope.GLOBAL, "token", "plugins"),
    disallowToken(Scope.GLOBAL, "token", "plugins"),
    listTokens(Scope.GLOBAL),
    removeToken(Scope.GLOBAL, "token"),
    resolveAddress(Scope.GLOBAL, "address"),
    testStun(Scope.GLOBAL, "address", "port"),
    loopsInfo(Scope.GLOBAL),
    destroySession(Scope.SESSION),
    listHandles(Scope.SESSION),
    /** Optional parameter {@code plugin_only}. */
    handleInfo(Scope.HANDLE),
    startPcap(Scope.HANDLE),
    stopPcap(Scope.HANDLE),
    startText2pcap(Scope.HANDLE),
    stopText2pcap(Scope.HANDLE),
    hangupWebrtc(Scope.HANDLE),
    detachHandle(Scope.HANDLE);

    /** What an operation addresses: which ids it needs. */
    public enum Scope {
        GLOBAL,
        GLOBAL_OR_SESSION,
        SESSION,
        HANDLE
    }

    private final Scope scope;
    private final List<String> required;

    JanusAdminOperation(Scope scope, String... required) {
        this.scope = scope;
        this.required = List.of(required);
    }

    /** The request's {@code janus} verb: the name in snake_case ({@code list_sessions}). */
    public String verb() {
        return name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Which ids the request needs. */
    public Scope scope() {
        return scope;
    }

    /** The parameters Janus requires besides the ids. */
    public List<String> required() {
        return required;
    }
}
