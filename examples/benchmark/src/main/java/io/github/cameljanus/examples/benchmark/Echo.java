/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Checks echotest replies the way the harness's clients do. */
final class Echo {

    static final String PLUGIN = "janus.plugin.echotest";

    private Echo() {}

    /** {@code plugindata.data} must be {@code {"echotest":"event","result":"ok"}} (no error). */
    static void check(JsonNode data) {
        if (data == null
                || !"event".equals(data.path("echotest").asText())
                || !"ok".equals(data.path("result").asText())
                || data.has("error")) {
            throw new IllegalStateException("bad echotest event: " + data);
        }
    }

    /** The same check on a Camel reply body (a map). */
    static void check(Object body) {
        if (!(body instanceof Map<?, ?> data)
                || !"event".equals(data.get("echotest"))
                || !"ok".equals(data.get("result"))
                || data.containsKey("error")) {
            throw new IllegalStateException("bad echotest event: " + body);
        }
    }

    /** A positive id from a Camel reply body {@code {"id": n}}. */
    static long id(Object body, String what) {
        if (body instanceof Map<?, ?> data && data.get("id") instanceof Number id) {
            long value = id.longValue();
            if (value != 0) {
                return value;
            }
        }
        throw new IllegalStateException(what + ": no id in " + body);
    }
}
