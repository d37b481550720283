/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.JanusSession;
import io.github.cameljanus.client.RequestOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/**
 * Turns an exchange into one Janus request on the shared connection, and its answer into a writer
 * of the reply message. Which session and handle a request addresses: the ids in the headers, else
 * the endpoint's managed session and handle. A reply changes the addressing headers only where the
 * operation changed what exists (createSession, attach, detach, destroySession).
 */
final class JanusRequests {

    private final SharedConnection connection;
    private final JanusConfiguration configuration;

    JanusRequests(SharedConnection connection, JanusConfiguration configuration) {
        this.connection = connection;
        this.configuration = configuration;
    }

    /**
     * What a request's answer writes on the exchange's message: the headers rule of
     * docs/janus-component.md, in one place.
     */
    @FunctionalInterface
    interface ReplyWriter {

        /** A request whose answer writes nothing: the message stays as the route gave it. */
        ReplyWriter NOTHING = (out, inOut) -> {};

        /**
         * Writes the answer.
         *
         * @param inOut true for an InOut exchange: it gets the result (body, JSEP, transaction); an
         *     InOnly exchange only gets the addressing changes (a created session or handle)
         */
        void write(Message out, boolean inOut);
    }

    CompletableFuture<ReplyWriter> send(
            JanusOperation operation, Message in, RequestOptions options) {
        JanusClient client = connection.client();
        return switch (operation) {
            case message -> message(in, options);
            case trickle -> trickle(in, options);
            case hangup ->
                    handle(in)
                            .thenCompose(h -> h.hangup(options))
                            .thenApply(v -> ReplyWriter.NOTHING);
            case detach ->
                    handle(in)
                            .thenCompose(h -> h.detach(options))
                            .thenApply(
                                    v ->
                                            (out, inOut) ->
                                                    out.removeHeader(JanusConstants.HANDLE_ID));
            case attach -> attach(in, options);
            case createSession ->
                    client.createSession(options)
                            .thenApply(
                                    s ->
                                            (out, inOut) -> {
                                                out.setHeader(JanusConstants.SESSION_ID, s.id());
                                                out.removeHeader(JanusConstants.HANDLE_ID);
                                                if (inOut) {
                                                    out.setBody(idBody(s.id()));
                                                }
                                            });
            case destroySession ->
                    session(in)
                            .thenCompose(s -> s.destroy(options))
                            .thenApply(
                                    v ->
                                            (out, inOut) -> {
                                                out.removeHeader(JanusConstants.SESSION_ID);
                                                out.removeHeader(JanusConstants.HANDLE_ID);
                                            });
            case keepalive ->
                    session(in)
                            .thenCompose(s -> s.keepAlive(options))
                            .thenApply(v -> ReplyWriter.NOTHING);
            case claim ->
                    session(in)
                            .thenCompose(s -> s.claim(options))
                            .thenApply(v -> ReplyWriter.NOTHING);
            case info ->
                    client.info(options)
                            .thenApply(
                                    frame ->
                                            (out, inOut) -> {
                                                if (inOut) {
                                                    out.setBody(coreBody(frame));
                                                }
                                            });
            case ping -> client.ping(options).thenApply(v -> ReplyWriter.NOTHING);
        };
    }

    private CompletableFuture<ReplyWriter> message(Message in, RequestOptions options) {
        ObjectNode body = JanusJson.toObject(in.getBody(), "The message body");
        if (body == null) {
            throw new IllegalArgumentException(
                    "The message body is empty: a Janus plugin message needs a JSON object");
        }
        ObjectNode jsep = JanusJson.toObject(in.getHeader(JanusConstants.JSEP), "CamelJanusJsep");
        return handle(in)
                .thenCompose(h -> h.message(body, jsep, options))
                .thenApply(JanusRequests::writeReply);
    }

    /**
     * The plugin's answer: body, JSEP (when it has one; the producer removed the one sent) and
     * transaction. The addressing headers stay as they were: a reply never points a later request
     * at another handle.
     */
    private static ReplyWriter writeReply(JanusReply reply) {
        return (out, inOut) -> {
            if (inOut) {
                out.setBody(reply.data() == null ? null : JanusJson.toBody(reply.data()));
                setOrRemove(out, JanusConstants.JSEP, JanusJson.toBody(reply.jsep()));
                setOrRemove(out, JanusConstants.TRANSACTION, reply.transaction());
            }
        };
    }

    private static void setOrRemove(Message out, String header, Object value) {
        if (value == null) {
            out.removeHeader(header);
        } else {
            out.setHeader(header, value);
        }
    }

    private CompletableFuture<ReplyWriter> trickle(Message in, RequestOptions options) {
        Object body = in.getBody();
        JsonNode candidates = JanusJson.toNode(body, "The trickle body");
        CompletableFuture<JanusHandle> handle = handle(in);
        CompletableFuture<Void> sent;
        if (candidates == null || candidates.isNull() || isCompleted(candidates)) {
            sent = handle.thenCompose(h -> h.trickleCompleted(options));
        } else if (candidates.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            candidates.forEach(list::add);
            sent = handle.thenCompose(h -> h.trickle(list, options));
        } else if (candidates.isObject()) {
            sent = handle.thenCompose(h -> h.trickle(candidates, options));
        } else {
            throw new IllegalArgumentException(
                    "The trickle body must be a candidate object, a list of them, null or"
                            + " {\"completed\":true}, got "
                            + candidates.getNodeType());
        }
        return sent.thenApply(v -> ReplyWriter.NOTHING);
    }

    private static boolean isCompleted(JsonNode candidate) {
        return candidate.isObject() && candidate.path("completed").asBoolean(false);
    }

    private CompletableFuture<ReplyWriter> attach(Message in, RequestOptions options) {
        String plugin =
                in.getHeader(JanusConstants.PLUGIN, configuration.getPlugin(), String.class);
        if (plugin == null) {
            throw new IllegalArgumentException(
                    "attach needs a plugin: set the CamelJanusPlugin header or the plugin option");
        }
        String opaqueId =
                in.getHeader(JanusConstants.OPAQUE_ID, configuration.getOpaqueId(), String.class);
        return session(in)
                .thenCompose(s -> s.attach(plugin, opaqueId, options))
                .thenApply(
                        h ->
                                (out, inOut) -> {
                                    out.setHeader(JanusConstants.SESSION_ID, h.session().id());
                                    out.setHeader(JanusConstants.HANDLE_ID, h.id());
                                    if (inOut) {
                                        out.setBody(idBody(h.id()));
                                    }
                                });
    }

    private CompletableFuture<JanusSession> session(Message in) {
        Long sessionId = HeaderValues.get(in, JanusConstants.SESSION_ID, Long.class, null);
        if (sessionId != null) {
            return CompletableFuture.completedFuture(connection.client().session(sessionId));
        }
        return managed().session();
    }

    private CompletableFuture<JanusHandle> handle(Message in) {
        Long handleId = HeaderValues.get(in, JanusConstants.HANDLE_ID, Long.class, null);
        if (handleId == null) {
            return managed().handle();
        }
        Long sessionId = HeaderValues.get(in, JanusConstants.SESSION_ID, Long.class, null);
        if (sessionId == null) {
            throw new IllegalArgumentException(
                    "Header CamelJanusHandleId needs CamelJanusSessionId: a handle lives in a"
                            + " session");
        }
        return CompletableFuture.completedFuture(
                connection.client().session(sessionId).handle(handleId));
    }

    private ManagedHandle managed() {
        return connection.managedHandle(configuration.getPlugin(), configuration.getOpaqueId());
    }

    private static JanusBody idBody(long id) {
        JanusBody body = new JanusBody();
        body.put("id", id);
        return body;
    }

    /** A core frame without its envelope: the body routes see for info and core events. */
    static JanusBody coreBody(ObjectNode frame) {
        JanusBody body = new JanusBody();
        Iterator<Map.Entry<String, JsonNode>> fields = frame.fields();
        JanusBody all = JanusJson.toBody(frame);
        while (fields.hasNext()) {
            String name = fields.next().getKey();
            if (!ENVELOPE.contains(name)) {
                body.put(name, all.get(name));
            }
        }
        return body;
    }

    private static final java.util.Set<String> ENVELOPE =
            java.util.Set.of("janus", "session_id", "sender", "transaction");
}
