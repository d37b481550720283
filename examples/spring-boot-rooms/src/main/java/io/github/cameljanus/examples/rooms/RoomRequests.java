/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** Builds the VideoRoom requests the routes send. */
public final class RoomRequests {

    private RoomRequests() {}

    /**
     * {@code create} with the client's options (description, publishers, secret, pin, ...), and
     * notify_joining forced on so the room's monitor hears who joins.
     */
    public static Map<String, Object> create(@Body Map<String, Object> options) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("request", "create");
        if (options != null) {
            request.putAll(options);
        }
        request.put("request", "create");
        request.put("notify_joining", true);
        return request;
    }

    /** The monitor's {@code join}, into the room just created (with its pin, if it has one). */
    public static Map<String, Object> monitorJoin(
            @ExchangeProperty("created") Map<String, Object> created,
            @ExchangeProperty("pin") String pin,
            @Header("monitorName") String display) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("request", "join");
        request.put("ptype", "publisher");
        request.put("room", created.get("room"));
        request.put("display", display);
        if (pin != null) {
            request.put("pin", pin);
        }
        return request;
    }

    /** {@code destroy}, with the room's secret when the client gave one. */
    public static Map<String, Object> destroy(
            @Header("room") long room, @Header("roomSecret") String secret) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("request", "destroy");
        request.put("room", room);
        if (secret != null) {
            request.put("secret", secret);
        }
        return request;
    }
}
