/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import java.util.Map;
import java.util.Set;

/**
 * Every Janus API request the client sends, with where it is addressed and which frames end it. The
 * one place that says which request completes on {@code ack}, {@code success}, {@code server_info},
 * {@code pong} or a plugin {@code event}.
 */
public enum RequestKind {
    INFO("info", Scope.ROOT, Completion.SERVER_INFO),
    PING("ping", Scope.ROOT, Completion.PONG),
    CREATE("create", Scope.ROOT, Completion.SUCCESS),
    KEEPALIVE("keepalive", Scope.SESSION, Completion.ACK),
    CLAIM("claim", Scope.SESSION, Completion.SUCCESS),
    ATTACH("attach", Scope.SESSION, Completion.SUCCESS),
    DESTROY("destroy", Scope.SESSION, Completion.SUCCESS),
    MESSAGE("message", Scope.HANDLE, Completion.PLUGIN_REPLY),
    TRICKLE("trickle", Scope.HANDLE, Completion.ACK),
    HANGUP("hangup", Scope.HANDLE, Completion.SUCCESS),
    DETACH("detach", Scope.HANDLE, Completion.SUCCESS_OR_DETACHED),
    /** An Admin API request (its {@code janus} verb comes with its fields), Janus-wide. */
    ADMIN("admin", Scope.ROOT, Completion.SUCCESS),
    /** An Admin API request about one session. */
    ADMIN_SESSION("admin", Scope.SESSION, Completion.SUCCESS),
    /** An Admin API request about one handle. */
    ADMIN_HANDLE("admin", Scope.HANDLE, Completion.SUCCESS);

    /** Which ids the envelope carries. */
    public enum Scope {
        ROOT,
        SESSION,
        HANDLE
    }

    /**
     * Which frames complete a request. An {@code error} with the transaction always ends it. {@code
     * finals}: frames that complete it. {@code provisional}: a frame that only says "in progress".
     * {@code followUps}: after final X, frame Y with the same transaction is still expected (event
     * before ack; detached before success) and must not count as a late reply.
     */
    @SuppressWarnings("ImmutableEnumChecker") // the Set.of / Map.of fields are unmodifiable
    enum Completion {
        ACK(Set.of("ack"), null, Map.of()),
        SUCCESS(Set.of("success"), null, Map.of()),
        SERVER_INFO(Set.of("server_info"), null, Map.of()),
        PONG(Set.of("pong"), null, Map.of()),
        PLUGIN_REPLY(Set.of("success", "event"), "ack", Map.of("event", "ack")),
        SUCCESS_OR_DETACHED(Set.of("success", "detached"), null, Map.of("detached", "success"));

        final Set<String> finals;
        final String provisional;
        final Map<String, String> followUps;

        Completion(Set<String> finals, String provisional, Map<String, String> followUps) {
            this.finals = finals;
            this.provisional = provisional;
            this.followUps = followUps;
        }
    }

    private final String verb;
    private final Scope scope;
    private final Completion completion;

    RequestKind(String verb, Scope scope, Completion completion) {
        this.verb = verb;
        this.scope = scope;
        this.completion = completion;
    }

    /** Returns the value of the {@code janus} field. */
    public String verb() {
        return verb;
    }

    public Scope scope() {
        return scope;
    }

    Completion completion() {
        return completion;
    }

    /** {@code info} and {@code ping} are the only requests Janus answers without secret/token. */
    public boolean needsAuth() {
        return scope != Scope.ROOT || this == CREATE || isAdmin();
    }

    /** An Admin API request: its verb is in its fields, its reply a {@code success}. */
    public boolean isAdmin() {
        return this == ADMIN || this == ADMIN_SESSION || this == ADMIN_HANDLE;
    }

    /** The Admin API request kind for these ids (0: none). */
    public static RequestKind admin(long sessionId, long handleId) {
        if (handleId != 0) {
            return ADMIN_HANDLE;
        }
        return sessionId != 0 ? ADMIN_SESSION : ADMIN;
    }

    /**
     * Connection and session liveness must never be refused by {@code maxPendingRequests}: a full
     * table is exactly when losing a session to a timeout would hurt most.
     */
    boolean exemptFromLimit() {
        return this == KEEPALIVE || this == PING;
    }
}
