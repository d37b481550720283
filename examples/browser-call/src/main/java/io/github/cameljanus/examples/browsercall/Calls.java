/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.events.JanusEventsConstants;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The calls in progress, by the id the page knows (never a Janus id: the browser never addresses
 * Janus), and what the routes do with them: register one when Janus answered, put its Janus ids on
 * an exchange that addresses it, fold Janus's events about its handle into its state and push that
 * state to the page ({@link LiveUpdates}).
 */
public final class Calls {

    /** Header the HTTP routes put the call id in (platform-http's path parameter {id}). */
    static final String CALL_ID = "id";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Call> byId = new ConcurrentHashMap<>();
    private final Map<Long, Call> byHandle = new ConcurrentHashMap<>();
    private final LiveUpdates live;

    Calls(LiveUpdates live) {
        this.live = live;
    }

    /**
     * Registers the call whose session and handle the exchange's headers name, and answers the
     * page: the call id and Janus's JSEP (the answer to its offer, or a subscriber's offer).
     */
    public String started(Exchange exchange, String mode) throws JsonProcessingException {
        Message in = exchange.getMessage();
        Call call =
                new Call(
                        HexFormat.of().formatHex(randomBytes()),
                        Call.Mode.valueOf(mode),
                        in.getHeader(JanusConstants.SESSION_ID, 0L, Long.class),
                        in.getHeader(JanusConstants.HANDLE_ID, 0L, Long.class));
        if (call.sessionId() == 0 || call.handleId() == 0) {
            throw new IllegalStateException("No Janus session or handle to register");
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", call.id());
        reply.put("jsep", in.getHeader(JanusConstants.JSEP));
        if (call.mode() == Call.Mode.PUBLISHER
                && in.getBody(Map.class).get("id") instanceof Number feed) {
            // the VideoRoom's "joined" event: id is the publisher id subscribers ask for
            call.feed(feed.longValue());
            reply.put("feed", feed);
        }
        byId.put(call.id(), call);
        byHandle.put(call.handleId(), call);
        return JSON.writeValueAsString(reply);
    }

    /** Sets the Janus session and handle of the call named by the {@code id} header. */
    public void address(Exchange exchange) {
        Call call = require(exchange.getMessage().getHeader(CALL_ID, String.class));
        exchange.getMessage().setHeader(JanusConstants.SESSION_ID, call.sessionId());
        exchange.getMessage().setHeader(JanusConstants.HANDLE_ID, call.handleId());
    }

    /** Forgets the call named by the {@code id} header: the page hung up, or went away. */
    public void ended(Exchange exchange) {
        Call call = byId.remove(exchange.getMessage().getHeader(CALL_ID, String.class));
        if (call != null) {
            byHandle.remove(call.handleId());
            call.end();
            live.close(call.id(), call.snapshot());
        }
    }

    /** The state of the call named by the {@code id} header, as JSON. */
    public String state(Exchange exchange) throws JsonProcessingException {
        return JSON.writeValueAsString(
                require(exchange.getMessage().getHeader(CALL_ID, String.class)).snapshot());
    }

    /** The state of a call, or null when there is none of that id; for the SSE stream. */
    Map<String, Object> snapshot(String id) {
        Call call = byId.get(id);
        return call == null ? null : call.snapshot();
    }

    /**
     * An event of the janus: consumer (webrtcup, media, slowlink, hangup) about a call's handle.
     */
    public void onJanusEvent(Exchange exchange) {
        Message in = exchange.getMessage();
        Call call = byHandle.get(in.getHeader(JanusConstants.HANDLE_ID, 0L, Long.class));
        if (call != null) {
            call.janusEvent(
                    in.getHeader(JanusConstants.EVENT_TYPE, String.class), in.getBody(Map.class));
            publish(call);
        }
    }

    /** What Janus's event handler pushed (janus-events:) about a call's handle. */
    public void onHandlerEvent(Exchange exchange) {
        Message in = exchange.getMessage();
        Call call = byHandle.get(in.getHeader(JanusEventsConstants.HANDLE_ID, 0L, Long.class));
        if (call == null) {
            return;
        }
        String subtype = in.getHeader(JanusEventsConstants.EVENT_SUBTYPE, String.class);
        Object body = in.getBody();
        if ("selected-pair".equals(subtype) && body instanceof Map<?, ?> event) {
            call.selectedPair(String.valueOf(event.get("selected-pair")));
        } else if ("stats".equals(subtype)) {
            // combine_media_stats=true makes it a list of per-medium events
            for (Object medium : body instanceof List<?> list ? list : List.of(body)) {
                if (medium instanceof Map<?, ?> event) {
                    call.stats(event);
                }
            }
        } else {
            return;
        }
        publish(call);
    }

    private void publish(Call call) {
        live.publish(call.id(), call.snapshot());
    }

    private Call require(String id) {
        Call call = id == null ? null : byId.get(id);
        if (call == null) {
            throw new UnknownCallException(id);
        }
        return call;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    /** No call of that id (ended, or never started): the HTTP routes answer 404. */
    static final class UnknownCallException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownCallException(String id) {
            super("No call " + id);
        }
    }
}
