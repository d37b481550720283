/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusException;

/**
 * Checks a request before it is sent. Janus answers an envelope it cannot parse (ids of the wrong
 * type, missing transaction) with an error that carries no transaction, which no caller could ever
 * receive: such requests fail here instead and never reach the socket.
 */
public final class EnvelopeValidator {

    /** Janus masks ids to 53 bits so they survive a JSON double. */
    private static final long MAX_ID = (1L << 53) - 1;

    private EnvelopeValidator() {}

    /**
     * Validates a complete envelope.
     *
     * @throws JanusException naming the first problem found
     */
    public static void validate(RequestKind kind, ObjectNode envelope) {
        requireText(envelope, "janus");
        requireText(envelope, "transaction");
        switch (kind.scope()) {
            case ROOT -> {
                absent(envelope, "session_id");
                absent(envelope, "handle_id");
            }
            case SESSION -> {
                requireId(envelope, "session_id");
                absent(envelope, "handle_id");
            }
            case HANDLE -> {
                requireId(envelope, "session_id");
                requireId(envelope, "handle_id");
            }
        }
        if (envelope.has("id")) {
            requireId(envelope, "id");
        }
        if (kind == RequestKind.MESSAGE && !envelope.path("body").isObject()) {
            throw invalid("body must be a JSON object");
        }
        if (envelope.has("jsep")) {
            JsonNode jsep = envelope.get("jsep");
            if (!jsep.isObject()
                    || !jsep.path("type").isTextual()
                    || !jsep.path("sdp").isTextual()) {
                throw invalid("jsep must be an object with string type and sdp");
            }
        }
    }

    private static void requireText(ObjectNode envelope, String field) {
        if (!envelope.path(field).isTextual() || envelope.get(field).asText().isEmpty()) {
            throw invalid(field + " must be a non-empty string");
        }
    }

    private static void requireId(ObjectNode envelope, String field) {
        JsonNode id = envelope.get(field);
        if (id == null
                || !id.isIntegralNumber()
                || !id.canConvertToLong()
                || id.asLong() <= 0
                || id.asLong() > MAX_ID) {
            throw invalid(field + " must be an integer between 1 and 2^53-1, was " + id);
        }
    }

    private static void absent(ObjectNode envelope, String field) {
        if (envelope.has(field)) {
            throw invalid(field + " is not allowed on this request");
        }
    }

    private static JanusException invalid(String what) {
        return new JanusException("invalid request, not sent: " + what);
    }
}
