/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** The admin helper: Admin API requests with the secret and a transaction added. */
final class AdminApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicLong TRANSACTIONS = new AtomicLong();

    private final HttpClient http;
    private final URI uri;
    private final String adminSecret;

    AdminApi(HttpClient http, URI uri, String adminSecret) {
        this.http = http;
        this.uri = uri;
        this.adminSecret = adminSecret;
    }

    /** A transaction id no other request of this JVM uses. */
    static String newTransaction() {
        return "cjt-" + TRANSACTIONS.incrementAndGet() + "-" + JanusServer.randomHex(4);
    }

    /** See {@link JanusServer#adminRequest(String)}. */
    String request(String json) {
        Map<String, Object> request = Json.parseObject(json);
        String transaction = Json.string(request, "transaction");
        StringBuilder extra = new StringBuilder();
        if (!request.containsKey("admin_secret")) {
            extra.append("\"admin_secret\":").append(Json.quote(adminSecret)).append(',');
        }
        if (transaction == null) {
            transaction = newTransaction();
            extra.append("\"transaction\":").append(Json.quote(transaction)).append(',');
        }
        String body = json.trim().substring(1).trim();
        if (body.startsWith("}") && extra.length() > 0) {
            extra.setLength(extra.length() - 1);
        }
        String full = "{" + extra + body;
        try {
            return WsClient.request(http, uri, "janus-admin-protocol", full, transaction, TIMEOUT);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException(
                    "Admin request '" + Json.string(request, "janus") + "' failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during an admin request", e);
        }
    }

    /** See {@link JanusServer#listSessions()}. */
    List<Long> listSessions() {
        Map<String, Object> reply = success("{\"janus\":\"list_sessions\"}");
        List<Long> ids = new ArrayList<>();
        if (reply.get("sessions") instanceof List<?> sessions) {
            for (Object id : sessions) {
                ids.add(((Number) id).longValue());
            }
        }
        return Collections.unmodifiableList(ids);
    }

    /** See {@link JanusServer#addToken(String, String...)}. */
    void addToken(String token, String... plugins) {
        StringBuilder json = new StringBuilder("{\"janus\":\"add_token\",\"token\":");
        json.append(Json.quote(Objects.requireNonNull(token, "token")));
        if (plugins.length > 0) {
            json.append(",\"plugins\":[");
            for (int i = 0; i < plugins.length; i++) {
                json.append(i == 0 ? "" : ",").append(Json.quote(plugins[i]));
            }
            json.append(']');
        }
        success(json.append('}').toString());
    }

    private Map<String, Object> success(String json) {
        String reply = request(json);
        Map<String, Object> object = Json.parseObject(reply);
        if (!"success".equals(Json.string(object, "janus"))) {
            throw new IllegalStateException("Janus refused the admin request: " + reply);
        }
        return object;
    }
}
