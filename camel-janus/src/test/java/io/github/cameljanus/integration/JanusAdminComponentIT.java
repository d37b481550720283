/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.cameljanus.JanusAdminConstants;
import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.client.JanusAdminOperation;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import io.github.cameljanus.testing.StunResponder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of the janus-admin: component against a real Janus, with tokens on, the JSON
 * logger and an HTTP event handler (whose backend is this test) running, so that every query has
 * something to answer. The Janus API side is a janus: endpoint, as an application's would be.
 */
@TestMethodOrder(MethodOrderer.MethodName.class) // the coverage check runs last (zz)
@SuppressWarnings("unchecked") // reply bodies are JSON: Maps and Lists of Objects
class JanusAdminComponentIT {

    private static final String TOKEN = "camel-admin-it";

    /** The HTTP event handler's backend: what Janus POSTs, to see custom events arrive. */
    private static final List<String> POSTED = new CopyOnWriteArrayList<>();

    private static final HttpServer EVENTS = eventBackend();

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(
                    JanusServer.builder()
                            .tokenAuth(true)
                            .jsonLogger(true)
                            .sampleEventHandlerBackend(
                                    "http://127.0.0.1:"
                                            + EVENTS.getAddress().getPort()
                                            + "/events"));

    /** Which operations a test ran: the last test checks every one of the catalogue was. */
    private static final Set<JanusAdminOperation> COVERED =
            EnumSet.noneOf(JanusAdminOperation.class);

    private CamelContext context;
    private ProducerTemplate template;
    private final List<Exchange> sessionLost = new CopyOnWriteArrayList<>();
    private final List<Exchange> detached = new CopyOnWriteArrayList<>();

    @TempDir Path captures;

    private static HttpServer eventBackend() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(
                    "/events",
                    exchange -> {
                        try (InputStream body = exchange.getRequestBody()) {
                            POSTED.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                        }
                        exchange.sendResponseHeaders(200, -1);
                        exchange.close();
                    });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void nothingLeftBehind() {
        EVENTS.stop(0);
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    @BeforeEach
    void startCamel() throws Exception {
        JanusServer janus = JANUS.server();
        janus.addToken(TOKEN);
        String admin = "janus-admin:" + janus.adminUrl() + "?adminSecret=" + janus.adminSecret();
        // keepalives every second: Janus tells the owner nothing when the Admin API destroys
        // its session, the next keepalive finds it gone
        String api = "janus:" + janus.wsUrl() + "?token=" + TOKEN + "&keepAliveInterval=1000";
        context =
                startContext(
                        routes -> {
                            routes.from("direct:admin").to(admin);
                            routes.from("direct:admin-no-secret")
                                    .to("janus-admin:" + janus.adminUrl());
                            routes.from("direct:admin-wrong-secret")
                                    .to("janus-admin:" + janus.adminUrl() + "?adminSecret=nope");
                            routes.from("direct:api").to(api);
                            routes.from(api + "&eventTypes=sessionLost").process(sessionLost::add);
                            routes.from(api + "&eventTypes=detached").process(detached::add);
                        });
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
    }

    /** Runs one operation through direct:admin and asserts it succeeded; returns its body. */
    private JanusBody admin(
            JanusAdminOperation operation, Map<String, Object> headers, Object body) {
        Exchange exchange = adminExchange("direct:admin", operation, headers, body);
        assertThat(exchange.getException()).as(operation.name()).isNull();
        return exchange.getMessage().getBody(JanusBody.class);
    }

    private JanusBody admin(JanusAdminOperation operation, Object body) {
        return admin(operation, Map.of(), body);
    }

    private Exchange adminExchange(
            String endpoint,
            JanusAdminOperation operation,
            Map<String, Object> headers,
            Object body) {
        COVERED.add(operation);
        return template.request(
                endpoint,
                e -> {
                    e.getMessage().setHeaders(new HashMap<>(headers));
                    e.getMessage().setHeader(JanusAdminConstants.ADMIN_OPERATION, operation);
                    e.getMessage().setBody(body);
                });
    }

    /** A session and an echotest handle made through janus:, as an application's. */
    private Map<String, Object> echotestHandle() {
        Exchange session =
                template.request(
                        "direct:api",
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "createSession"));
        assertThat(session.getException()).isNull();
        long sessionId = session.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);
        Exchange handle =
                template.request(
                        "direct:api",
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                            e.getMessage()
                                    .setHeader(JanusConstants.PLUGIN, "janus.plugin.echotest");
                            e.getMessage().setHeader(JanusConstants.OPAQUE_ID, "admin-it");
                        });
        assertThat(handle.getException()).isNull();
        return Map.of(
                JanusConstants.SESSION_ID,
                sessionId,
                JanusConstants.HANDLE_ID,
                handle.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class));
    }

    private static JanusException janusFailure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(JanusException.class);
        return (JanusException) exchange.getException();
    }

    @Test
    void infoPingAndStatusAndEverySetting() {
        assertThat(
                        adminExchange(
                                        "direct:admin-no-secret",
                                        JanusAdminOperation.info,
                                        Map.of(),
                                        null)
                                .getMessage()
                                .getBody(JanusBody.class))
                .containsEntry("version_string", "1.1.2")
                .doesNotContainKeys("janus", "transaction");
        assertThat(
                        adminExchange(
                                        "direct:admin-no-secret",
                                        JanusAdminOperation.ping,
                                        Map.of(),
                                        null)
                                .getException())
                .isNull();

        assertThat(admin(JanusAdminOperation.setLogLevel, Map.of("level", 5)))
                .containsEntry("level", 5);
        assertThat(
                        template.requestBodyAndHeader(
                                "direct:admin",
                                null,
                                JanusAdminConstants.ADMIN_OPERATION,
                                "getStatus",
                                JanusBody.class))
                .extracting(b -> ((Map<String, Object>) b.get("status")).get("log_level"))
                .isEqualTo(5);
        COVERED.add(JanusAdminOperation.getStatus);
        assertThat(admin(JanusAdminOperation.setLogLevel, "{\"level\": 4}"))
                .containsEntry("level", 4);

        assertThat(admin(JanusAdminOperation.setSessionTimeout, Map.of("timeout", 60)))
                .containsEntry("timeout", 60);
        assertThat(admin(JanusAdminOperation.setLogTimestamps, Map.of("timestamps", false)))
                .containsEntry("log_timestamps", false);
        assertThat(admin(JanusAdminOperation.setLogColors, Map.of("colors", false)))
                .containsEntry("log_colors", false);
        assertThat(admin(JanusAdminOperation.setLockingDebug, Map.of("debug", false)))
                .containsEntry("locking_debug", false);
        assertThat(admin(JanusAdminOperation.setRefcountDebug, Map.of("debug", false)))
                .containsEntry("refcount_debug", false);
        assertThat(admin(JanusAdminOperation.setLibniceDebug, Map.of("debug", false)))
                .containsEntry("libnice_debug", false);
        assertThat(admin(JanusAdminOperation.setMinNackQueue, Map.of("min_nack_queue", 300)))
                .containsEntry("min_nack_queue", 300);
        assertThat(
                        admin(
                                JanusAdminOperation.setNackOptimizations,
                                Map.of("nack_optimizations", false)))
                .containsEntry("nack-optimizations", false);
        assertThat(admin(JanusAdminOperation.setNoMediaTimer, Map.of("no_media_timer", 2)))
                .containsEntry("no_media_timer", 2);
        assertThat(admin(JanusAdminOperation.setSlowlinkThreshold, Map.of("slowlink_threshold", 0)))
                .containsEntry("slowlink_threshold", 0);
        Map<String, Object> status =
                (Map<String, Object>) admin(JanusAdminOperation.getStatus, null).get("status");
        assertThat(status.get("min_nack_queue")).isEqualTo(300);
        assertThat(status.get("no_media_timer")).isEqualTo(2);
    }

    @Test
    void sessionsHandlesAndHandleInfoOfAnotherClientsHandle() {
        Map<String, Object> ids = echotestHandle();
        long sessionId = (Long) ids.get(JanusConstants.SESSION_ID);
        long handleId = (Long) ids.get(JanusConstants.HANDLE_ID);

        assertThat((List<Object>) admin(JanusAdminOperation.listSessions, null).get("sessions"))
                .contains(sessionId);
        assertThat((List<Object>) admin(JanusAdminOperation.listHandles, ids, null).get("handles"))
                .containsExactly(handleId);
        Map<String, Object> info =
                (Map<String, Object>) admin(JanusAdminOperation.handleInfo, ids, null).get("info");
        assertThat(info.get("plugin")).isEqualTo("janus.plugin.echotest");
        assertThat(info.get("opaque_id")).isEqualTo("admin-it");
        assertThat(info).containsKey("flags");
        Map<String, Object> pluginOnly =
                (Map<String, Object>)
                        admin(JanusAdminOperation.handleInfo, ids, Map.of("plugin_only", true))
                                .get("info");
        assertThat(pluginOnly).doesNotContainKey("flags").containsKey("plugin_specific");

        assertThat(admin(JanusAdminOperation.setSessionTimeout, ids, Map.of("timeout", 30)))
                .containsEntry("timeout", 30)
                .containsEntry("session_id", sessionId);
        assertThat(admin(JanusAdminOperation.loopsInfo, null)).containsKey("loops");
    }

    @Test
    void handleInfoWhileAJsepExchangeIsInProgress() {
        Exchange session =
                template.request(
                        "direct:api",
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "createSession"));
        long sessionId = session.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);
        Exchange mountpoint =
                template.request(
                        "direct:api",
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                            e.getMessage()
                                    .setHeader(JanusConstants.PLUGIN, "janus.plugin.streaming");
                        });
        long handleId = mountpoint.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class);
        Map<String, Object> ids =
                Map.of(JanusConstants.SESSION_ID, sessionId, JanusConstants.HANDLE_ID, handleId);
        Exchange created =
                template.request(
                        "direct:api",
                        e -> {
                            e.getMessage().setHeaders(new HashMap<>(ids));
                            e.getMessage()
                                    .setBody(
                                            "{\"request\":\"create\",\"type\":\"rtp\","
                                                    + "\"media\":[{\"type\":\"audio\","
                                                    + "\"mid\":\"a\",\"port\":0,\"pt\":111,"
                                                    + "\"codec\":\"opus\","
                                                    + "\"iface\":\"127.0.0.1\"}]}");
                        });
        assertThat(created.getException()).isNull();
        Object id =
                ((Map<String, Object>) created.getMessage().getBody(JanusBody.class).get("stream"))
                        .get("id");
        Exchange watch =
                template.request(
                        "direct:api",
                        e -> {
                            e.getMessage().setHeaders(new HashMap<>(ids));
                            e.getMessage().setBody(Map.of("request", "watch", "id", id));
                        });
        assertThat(watch.getException()).isNull();
        assertThat(watch.getMessage().getHeader(JanusConstants.JSEP, JanusBody.class))
                .containsEntry("type", "offer");

        // Janus offered and waits for the answer: the handle's WebRTC state says so
        Map<String, Object> info =
                (Map<String, Object>) admin(JanusAdminOperation.handleInfo, ids, null).get("info");
        assertThat(info.get("plugin")).isEqualTo("janus.plugin.streaming");
        assertThat((String) ((Map<String, Object>) info.get("sdps")).get("local"))
                .startsWith("v=0");
        assertThat(((Map<String, Object>) info.get("flags")).get("got-answer")).isEqualTo(false);
    }

    @Test
    void capturesWriteTheirFilesIntoTheTestsFolder() throws Exception {
        Map<String, Object> ids = echotestHandle();
        Map<String, Object> pcap =
                Map.of("folder", captures.toString(), "filename", "it.pcap", "truncate", 0);
        admin(JanusAdminOperation.startPcap, ids, pcap);
        Map<String, Object> info =
                (Map<String, Object>) admin(JanusAdminOperation.handleInfo, ids, null).get("info");
        assertThat(info.get("dump-to-pcap")).isEqualTo(true);
        admin(JanusAdminOperation.stopPcap, ids, null);
        Path pcapFile = captures.resolve("it.pcap");
        // the pcap global header: magic number, then version 2.4
        byte[] header = Files.readAllBytes(pcapFile);
        assertThat(header).hasSize(24);
        assertThat(header[0] & 0xff).isIn(0xd4, 0xa1);

        admin(
                JanusAdminOperation.startText2pcap,
                ids,
                Map.of("folder", captures.toString(), "filename", "it.txt"));
        info = (Map<String, Object>) admin(JanusAdminOperation.handleInfo, ids, null).get("info");
        assertThat(info.get("dump-to-text2pcap")).isEqualTo(true);
        assertThat(Files.exists(captures.resolve("it.txt"))).isTrue();
        admin(JanusAdminOperation.stopText2pcap, ids, null);
        info = (Map<String, Object>) admin(JanusAdminOperation.handleInfo, ids, null).get("info");
        assertThat(info.get("dump-to-text2pcap")).isNotEqualTo(true);

        // stopping twice: Janus says so, the exchange fails with its code
        Exchange again = adminExchange("direct:admin", JanusAdminOperation.stopPcap, ids, null);
        assertThat(janusFailure(again).code()).isEqualTo(490);
    }

    @Test
    void hangupDetachAndDestroyReachTheOwningConnection() {
        Map<String, Object> ids = echotestHandle();
        assertThat(admin(JanusAdminOperation.hangupWebrtc, ids, null))
                .containsEntry("session_id", ids.get(JanusConstants.SESSION_ID));

        admin(JanusAdminOperation.detachHandle, ids, null);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                detached.stream()
                                        .anyMatch(
                                                e ->
                                                        ids.get(JanusConstants.HANDLE_ID)
                                                                .equals(
                                                                        e.getMessage()
                                                                                .getHeader(
                                                                                        JanusConstants
                                                                                                .HANDLE_ID,
                                                                                        Long
                                                                                                .class))));

        Map<String, Object> session =
                Map.of(JanusConstants.SESSION_ID, ids.get(JanusConstants.SESSION_ID));
        assertThat(admin(JanusAdminOperation.destroySession, session, null))
                .containsEntry("session_id", ids.get(JanusConstants.SESSION_ID));
        // Janus tells the owner nothing: its next keepalive (every second here) finds it gone
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                sessionLost.stream()
                                        .anyMatch(
                                                e ->
                                                        ids.get(JanusConstants.SESSION_ID)
                                                                .equals(
                                                                        e.getMessage()
                                                                                .getHeader(
                                                                                        JanusConstants
                                                                                                .SESSION_ID,
                                                                                        Long
                                                                                                .class))));
        Exchange gone =
                adminExchange("direct:admin", JanusAdminOperation.listHandles, session, null);
        assertThat(janusFailure(gone).code()).isEqualTo(458);
    }

    @Test
    void tokensWithTokenAuth() {
        assertThat(
                        admin(
                                JanusAdminOperation.addToken,
                                Map.of("token", "t1", "plugins", List.of("janus.plugin.echotest"))))
                .extracting(b -> ((Map<String, Object>) b.get("data")).get("plugins"))
                .isEqualTo(List.of("janus.plugin.echotest"));
        assertThat(
                        admin(
                                JanusAdminOperation.allowToken,
                                Map.of(
                                        "token",
                                        "t1",
                                        "plugins",
                                        List.of("janus.plugin.videoroom"))))
                .extracting(
                        b -> (List<Object>) ((Map<String, Object>) b.get("data")).get("plugins"))
                .satisfies(
                        plugins ->
                                assertThat(plugins)
                                        .contains(
                                                "janus.plugin.echotest", "janus.plugin.videoroom"));
        assertThat(
                        admin(
                                JanusAdminOperation.disallowToken,
                                Map.of("token", "t1", "plugins", List.of("janus.plugin.echotest"))))
                .extracting(b -> ((Map<String, Object>) b.get("data")).get("plugins"))
                .isEqualTo(List.of("janus.plugin.videoroom"));
        List<?> tokens =
                (List<Object>)
                        ((Map<String, Object>)
                                        admin(JanusAdminOperation.listTokens, null).get("data"))
                                .get("tokens");
        assertThat(tokens)
                .anySatisfy(
                        t ->
                                assertThat((Map<String, Object>) t)
                                        .containsEntry("token", "t1")
                                        .containsEntry(
                                                "allowed_plugins",
                                                List.of("janus.plugin.videoroom")));
        admin(JanusAdminOperation.removeToken, Map.of("token", "t1"));
        Exchange removedTwice =
                adminExchange(
                        "direct:admin",
                        JanusAdminOperation.removeToken,
                        Map.of(),
                        Map.of("token", "t1"));
        assertThat(janusFailure(removedTwice).code()).isEqualTo(490);
    }

    @Test
    void pluginTransportHandlerAndLoggerQueries() {
        JanusBody rooms =
                admin(
                        JanusAdminOperation.messagePlugin,
                        Map.of(
                                "plugin",
                                "janus.plugin.videoroom",
                                "request",
                                Map.of("request", "list")));
        assertThat(((Map<String, Object>) rooms.get("response")).get("videoroom"))
                .isEqualTo("success");
        // the plugin from the janus: header, as an event's headers would give it
        JanusBody fromHeader =
                admin(
                        JanusAdminOperation.messagePlugin,
                        Map.of(JanusConstants.PLUGIN, "janus.plugin.videoroom"),
                        Map.of("request", Map.of("request", "exists", "room", 1234)));
        assertThat(((Map<String, Object>) fromHeader.get("response"))).containsKey("exists");

        JanusBody transport =
                admin(
                        JanusAdminOperation.queryTransport,
                        Map.of(
                                "transport",
                                "janus.transport.websockets",
                                "request",
                                Map.of("request", "connections")));
        assertThat(((Map<String, Object>) transport.get("response")).get("result")).isEqualTo(200);
        JanusBody handler =
                admin(
                        JanusAdminOperation.queryEventhandler,
                        Map.of(
                                "handler",
                                "janus.eventhandler.sampleevh",
                                "request",
                                Map.of("request", "tweak", "events", "all")));
        assertThat(((Map<String, Object>) handler.get("response")).get("result")).isEqualTo(200);
        JanusBody logger =
                admin(
                        JanusAdminOperation.queryLogger,
                        Map.of(
                                "logger",
                                "janus.logger.jsonlog",
                                "request",
                                Map.of("request", "info")));
        assertThat(((Map<String, Object>) logger.get("response")).get("result")).isEqualTo(200);
    }

    @Test
    void customEventsReachTheEventHandlerAndLoglinesTheLog() throws Exception {
        admin(
                JanusAdminOperation.customEvent,
                Map.of("schema", "camel-janus-it", "data", Map.of("note", "from-a-route")));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> POSTED.stream().anyMatch(p -> p.contains("from-a-route")));

        admin(
                JanusAdminOperation.customLogline,
                Map.of("line", "logline-from-camel-admin-it", "level", 4));
        Path log = JANUS.server().logFile();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.readString(log).contains("logline-from-camel-admin-it"));
    }

    @Test
    void resolveAddressAndTestStunAgainstAResponderOnLoopback() throws Exception {
        assertThat(admin(JanusAdminOperation.resolveAddress, Map.of("address", "127.0.0.1")))
                .containsEntry("ip", "127.0.0.1");
        try (StunResponder stun = StunResponder.start()) {
            JanusBody seen =
                    admin(
                            JanusAdminOperation.testStun,
                            Map.of("address", stun.host(), "port", stun.port()));
            assertThat(seen).containsEntry("public_ip", "127.0.0.1").containsKey("public_port");
            assertThat(stun.requests()).isEqualTo(1);
        }
    }

    @Test
    void acceptNewSessionsFalseRefusesNewSessionsWith472() {
        try {
            assertThat(admin(JanusAdminOperation.acceptNewSessions, Map.of("accept", false)))
                    .containsEntry("accept", false);
            Exchange refused =
                    template.request(
                            "direct:api",
                            e ->
                                    e.getMessage()
                                            .setHeader(JanusConstants.OPERATION, "createSession"));
            assertThat(janusFailure(refused).code()).isEqualTo(472);
        } finally {
            admin(JanusAdminOperation.acceptNewSessions, Map.of("accept", true));
        }
        echotestHandle();
    }

    @Test
    void wrongSecretUnknownOperationAndMissingParameterFailNamingThem() {
        Exchange wrong =
                adminExchange(
                        "direct:admin-wrong-secret",
                        JanusAdminOperation.listSessions,
                        Map.of(),
                        null);
        assertThat(janusFailure(wrong).code()).isEqualTo(403);

        assertThatThrownBy(
                        () ->
                                context.getEndpoint(
                                        "janus-admin:"
                                                + JANUS.server().adminUrl()
                                                + "?operation=explode"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("operation")
                .hasMessageContaining("explode");

        Exchange badHeader =
                template.request(
                        "direct:admin",
                        e -> e.getMessage().setHeader(JanusAdminConstants.ADMIN_OPERATION, "nope"));
        assertThat(badHeader.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JanusAdminConstants.ADMIN_OPERATION)
                .hasMessageContaining("nope");

        Exchange missing =
                adminExchange(
                        "direct:admin", JanusAdminOperation.setLogLevel, Map.of(), Map.of("x", 1));
        assertThat(missing.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'level'")
                .hasMessageContaining("not sent");

        Exchange noHandle =
                adminExchange(
                        "direct:admin",
                        JanusAdminOperation.handleInfo,
                        Map.of(JanusConstants.SESSION_ID, 1L),
                        null);
        assertThat(noHandle.getException()).hasMessageContaining("CamelJanusHandleId");

        Exchange notJson =
                adminExchange("direct:admin", JanusAdminOperation.setLogLevel, Map.of(), "{level");
        assertThat(notJson.getException()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInOnlyExchangeKeepsItsBodyAndTheOperationHeaderIsReadOnce() {
        Exchange inOnly =
                template.send(
                        "direct:admin",
                        ExchangePattern.InOnly,
                        e -> {
                            e.getMessage()
                                    .setHeader(
                                            JanusAdminConstants.ADMIN_OPERATION,
                                            JanusAdminOperation.setLogLevel);
                            e.getMessage().setBody(Map.of("level", 4));
                        });
        assertThat(inOnly.getException()).isNull();
        assertThat(inOnly.getMessage().getBody()).isEqualTo(Map.of("level", 4));
        assertThat(inOnly.getMessage().getHeader(JanusAdminConstants.ADMIN_OPERATION)).isNull();
    }

    @Test
    void zzEveryOperationOfTheCatalogueRanAgainstJanus() {
        List<JanusAdminOperation> missing = new ArrayList<>();
        for (JanusAdminOperation operation : JanusAdminOperation.values()) {
            if (!COVERED.contains(operation)) {
                missing.add(operation);
            }
        }
        assertThat(missing).as("operations no test of this class ran").isEmpty();
    }
}
