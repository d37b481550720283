/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.List;
import java.util.Locale;

/**
 * Every request of Janus 1.1.2's Admin API (janus.c), named in camelCase: the one catalogue of
 * their verbs ({@code list_sessions}, derived from the name), what they address, which parameters
 * they need, and an example of them. Checked against the protocol reference by {@code
 * JanusAdminOperationTest}.
 */
public enum JanusAdminOperation {
    info(Scope.GLOBAL, null),
    ping(Scope.GLOBAL, null),
    getStatus(Scope.GLOBAL, null),
    /** Globally, or for one session when the session id is given. */
    setSessionTimeout(Scope.GLOBAL_OR_SESSION, "{\"timeout\": 120}", "timeout"),
    setLogLevel(Scope.GLOBAL, "{\"level\": 4}", "level"),
    setLogTimestamps(Scope.GLOBAL, "{\"timestamps\": true}", "timestamps"),
    setLogColors(Scope.GLOBAL, "{\"colors\": false}", "colors"),
    setLockingDebug(Scope.GLOBAL, "{\"debug\": false}", "debug"),
    setRefcountDebug(Scope.GLOBAL, "{\"debug\": false}", "debug"),
    setLibniceDebug(Scope.GLOBAL, "{\"debug\": false}", "debug"),
    setMinNackQueue(Scope.GLOBAL, "{\"min_nack_queue\": 200}", "min_nack_queue"),
    setNackOptimizations(Scope.GLOBAL, "{\"nack_optimizations\": true}", "nack_optimizations"),
    setNoMediaTimer(Scope.GLOBAL, "{\"no_media_timer\": 1}", "no_media_timer"),
    setSlowlinkThreshold(Scope.GLOBAL, "{\"slowlink_threshold\": 4}", "slowlink_threshold"),
    acceptNewSessions(Scope.GLOBAL, "{\"accept\": false}", "accept"),
    /**
     * Global in 1.1.2: reaches a plugin's synchronous requests without a session. Like the three
     * queries, Janus takes it without a {@code request} (and answers an empty response).
     */
    messagePlugin(
            Scope.GLOBAL,
            "{\"plugin\": \"janus.plugin.videoroom\", \"request\": {\"request\": \"list\"}}",
            "plugin"),
    queryTransport(
            Scope.GLOBAL,
            "{\"transport\": \"janus.transport.websockets\", \"request\": {\"request\": \"connections\"}}",
            "transport"),
    queryEventhandler(
            Scope.GLOBAL,
            "{\"handler\": \"janus.eventhandler.sampleevh\", \"request\": {\"request\": \"tweak\", \"events\": \"all\"}}",
            "handler"),
    queryLogger(
            Scope.GLOBAL,
            "{\"logger\": \"janus.logger.jsonlog\", \"request\": {\"request\": \"info\"}}",
            "logger"),
    customEvent(
            Scope.GLOBAL,
            "{\"schema\": \"my.app\", \"data\": {\"note\": \"deploy 42\"}}",
            "schema",
            "data"),
    customLogline(Scope.GLOBAL, "{\"line\": \"deploy 42\", \"level\": 4}", "line"),
    listSessions(Scope.GLOBAL, null),
    addToken(
            Scope.GLOBAL, "{\"token\": \"t1\", \"plugins\": [\"janus.plugin.echotest\"]}", "token"),
    allowToken(
            Scope.GLOBAL,
            "{\"token\": \"t1\", \"plugins\": [\"janus.plugin.videoroom\"]}",
            "token",
            "plugins"),
    disallowToken(
            Scope.GLOBAL,
            "{\"token\": \"t1\", \"plugins\": [\"janus.plugin.echotest\"]}",
            "token",
            "plugins"),
    listTokens(Scope.GLOBAL, null),
    removeToken(Scope.GLOBAL, "{\"token\": \"t1\"}", "token"),
    resolveAddress(Scope.GLOBAL, "{\"address\": \"localhost\"}", "address"),
    testStun(Scope.GLOBAL, "{\"address\": \"127.0.0.1\", \"port\": 3478}", "address", "port"),
    loopsInfo(Scope.GLOBAL, null),
    destroySession(Scope.SESSION, null),
    listHandles(Scope.SESSION, null),
    /** Optional parameter {@code plugin_only}. */
    handleInfo(Scope.HANDLE, "{\"plugin_only\": true}"),
    startPcap(
            Scope.HANDLE,
            "{\"folder\": \"/var/tmp/captures\", \"filename\": \"call.pcap\", \"truncate\": 0}"),
    stopPcap(Scope.HANDLE, null),
    startText2pcap(Scope.HANDLE, "{\"folder\": \"/var/tmp/captures\", \"filename\": \"call.txt\"}"),
    stopText2pcap(Scope.HANDLE, null),
    hangupWebrtc(Scope.HANDLE, null),
    detachHandle(Scope.HANDLE, null);

    /** What an operation addresses: which ids it needs. */
    public enum Scope {
        GLOBAL,
        GLOBAL_OR_SESSION,
        SESSION,
        HANDLE
    }

    private final Scope scope;
    private final String example;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable; the check knows only Guava's
    private final List<String> required;

    JanusAdminOperation(Scope scope, String example, String... required) {
        this.scope = scope;
        this.example = example;
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

    /**
     * Example parameters, as JSON (for the documentation; {@code JanusAdminOperationTest} checks
     * each names every required one); null when the operation takes none.
     */
    public String example() {
        return example;
    }

    /** The parameters Janus requires besides the ids. */
    public List<String> required() {
        return required;
    }
}
