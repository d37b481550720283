/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.testing.JanusServerExtension;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The header rules of docs/janus-component.md against a real Janus: which headers a request reads,
 * what its reply writes, what an InOnly exchange keeps.
 */
class JanusHeaderRulesIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @AfterAll
    static void nothingLeftBehind() {
        LeakCheck.awaitNothingLeftBehind(JANUS.server());
    }

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        String url = JANUS.server().wsUrl();
        String videoroom = janusUri(url, "plugin=janus.plugin.videoroom");
        String echotest = janusUri(url, "plugin=janus.plugin.echotest");
        context =
                startContext(
                        routes -> {
                            routes.from("direct:two-plugins")
                                    .setBody(routes.constant(Map.of("request", "list")))
                                    .to(videoroom)
                                    .setHeader("videoroomReply", routes.body())
                                    .setBody(routes.constant(Map.of("audio", true)))
                                    .to(echotest);
                            routes.from("direct:videoroom").to(videoroom);
                            routes.from("direct:echotest").to(echotest);
                        });
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() throws Exception {
        context.close();
    }

    @Test
    void twoPluginsInARowEachTalkToTheirOwnManagedHandle() {
        Exchange exchange = template.request("direct:two-plugins", e -> {});

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("videoroomReply", JanusBody.class))
                .containsEntry("videoroom", "success");
        assertThat(exchange.getMessage().getBody(JanusBody.class))
                .containsEntry("echotest", "event")
                .containsEntry("result", "ok");
        assertThat(exchange.getMessage().getHeader(JanusConstants.SESSION_ID)).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.HANDLE_ID)).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.PLUGIN)).isNull();
    }

    @Test
    void theOperationIsReadOnceAndTheNextEndpointUsesItsOwn() {
        Exchange exchange =
                template.request(
                        "direct:videoroom",
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "info"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(JanusBody.class)).containsKey("version_string");
        assertThat(exchange.getMessage().getHeader(JanusConstants.OPERATION)).isNull();

        exchange.getMessage().setBody(Map.of("audio", true));
        Exchange echoed = template.send("direct:echotest", exchange);
        assertThat(echoed.getException()).isNull();
        assertThat(echoed.getMessage().getBody(JanusBody.class)).containsEntry("result", "ok");
    }

    @Test
    void anInOnlyExchangeKeepsItsBodyAndHeaders() {
        Map<String, Object> body = Map.of("audio", true);
        Exchange exchange =
                template.send(
                        "direct:echotest",
                        ExchangePattern.InOnly,
                        e -> {
                            e.getMessage().setBody(body);
                            e.getMessage().setHeader("mine", "kept");
                            e.getMessage()
                                    .setHeader(JanusConstants.PLUGIN, "janus.plugin.echotest");
                        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo(body);
        assertThat(exchange.getMessage().getHeader("mine")).isEqualTo("kept");
        assertThat(exchange.getMessage().getHeader(JanusConstants.PLUGIN))
                .isEqualTo("janus.plugin.echotest");
    }

    @Test
    void anInOnlyCreateSessionAndAttachStillSetTheIdsAndKeepTheBody() {
        Exchange exchange =
                template.send(
                        "direct:videoroom",
                        ExchangePattern.InOnly,
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "createSession");
                            e.getMessage().setBody("kept");
                        });
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.SESSION_ID)).isNotNull();
        exchange.getMessage().setHeader(JanusConstants.OPERATION, "attach");
        template.send("direct:videoroom", exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.HANDLE_ID)).isNotNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo("kept");
        assertThat(exchange.getMessage().getHeader(JanusConstants.TRANSACTION)).isNull();

        exchange.getMessage().setHeader(JanusConstants.OPERATION, "destroySession");
        template.send("direct:videoroom", exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.SESSION_ID)).isNull();
    }

    @Test
    void sessionsAndHandlesSetAndRemoveTheirIdsAndAFailedRequestChangesNothing() {
        Exchange exchange =
                template.request(
                        "direct:videoroom",
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "createSession");
                            e.getMessage().setHeader(JanusConstants.HANDLE_ID, 42L);
                        });
        long session = exchange.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);
        assertThat(exchange.getMessage().getHeader(JanusConstants.HANDLE_ID)).isNull();

        exchange.getMessage().setHeader(JanusConstants.OPERATION, "attach");
        template.send("direct:videoroom", exchange);
        long handle = exchange.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class);
        assertThat(exchange.getMessage().getHeader(JanusConstants.SESSION_ID)).isEqualTo(session);

        exchange.getMessage().setBody(Map.of("request", "list"));
        template.send("direct:videoroom", exchange);
        assertThat(exchange.getMessage().getBody(JanusBody.class))
                .containsEntry("videoroom", "success");
        assertThat(exchange.getMessage().getHeader(JanusConstants.HANDLE_ID)).isEqualTo(handle);

        exchange.getMessage().setHeader(JanusConstants.OPERATION, "detach");
        template.send("direct:videoroom", exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.HANDLE_ID)).isNull();

        // No such handle (Janus answers 459): the request fails and leaves the message as it was.
        // (Not the handle just detached: its late detached event could complete a second detach.)
        long noSuchHandle = 42;
        exchange.getMessage().setHeader(JanusConstants.HANDLE_ID, noSuchHandle);
        exchange.getMessage().setHeader(JanusConstants.OPERATION, "hangup");
        template.send("direct:videoroom", exchange);
        assertThat(exchange.getException()).isInstanceOf(JanusException.class);
        assertThat(exchange.getMessage().getHeader(JanusConstants.OPERATION)).isEqualTo("hangup");
        assertThat(exchange.getMessage().getHeader(JanusConstants.HANDLE_ID))
                .isEqualTo(noSuchHandle);

        exchange.setException(null);
        exchange.getMessage().removeHeader(JanusConstants.HANDLE_ID);
        exchange.getMessage().setHeader(JanusConstants.OPERATION, "destroySession");
        template.send("direct:videoroom", exchange);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(JanusConstants.SESSION_ID)).isNull();
    }
}
