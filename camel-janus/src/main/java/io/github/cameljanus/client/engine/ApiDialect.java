/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which Janus API a connection speaks: the WebSocket subprotocol it offers and how a request is
 * authorised. The engine is the same for every dialect; the Janus API ({@code janus-protocol},
 * {@code apisecret} and {@code token}) and the Admin API ({@code janus-admin-protocol}, {@code
 * admin_secret}) differ here only.
 *
 * @param subprotocol the WebSocket subprotocol offered and required
 * @param secretField the envelope field that carries the secret
 * @param secret the secret, nullable
 * @param token the default stored or signed token (the Janus API only), nullable
 */
public record ApiDialect(String subprotocol, String secretField, String secret, String token) {

    /** The Janus API's subprotocol. */
    public static final String JANUS_PROTOCOL = "janus-protocol";

    /** The Admin API's subprotocol. */
    public static final String ADMIN_PROTOCOL = "janus-admin-protocol";

    /** The Admin API: {@code admin_secret} on every request that needs it; no tokens. */
    public static ApiDialect admin(String adminSecret) {
        return new ApiDialect(ADMIN_PROTOCOL, "admin_secret", adminSecret, null);
    }

    /** True for the Admin API. */
    public boolean isAdmin() {
        return ADMIN_PROTOCOL.equals(subprotocol);
    }

    /** The Janus API: the API secret and {@code token} on every request that needs them. */
    public static ApiDialect janus(String apiSecret, String token) {
        return new ApiDialect(JANUS_PROTOCOL, "apisecret", apiSecret, token);
    }

    /**
     * Adds the authorisation fields to a request that needs them.
     *
     * @param envelope the request
     * @param tokenOverride this request's token, nullable (the dialect's default then)
     */
    void authorise(ObjectNode envelope, String tokenOverride) {
        if (secret != null) {
            envelope.put(secretField, secret);
        }
        String effective = tokenOverride != null ? tokenOverride : token;
        if (effective != null) {
            envelope.put("token", effective);
        }
    }

    /** Secrets stay out of logs. */
    @Override
    public String toString() {
        return "ApiDialect[" + subprotocol + "]";
    }
}
