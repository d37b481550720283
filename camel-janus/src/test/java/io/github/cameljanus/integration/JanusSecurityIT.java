/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static io.github.cameljanus.RouteChecks.ECHO_REQUEST;
import static io.github.cameljanus.RouteChecks.assertEchoAnswersOk;
import static io.github.cameljanus.RouteChecks.createSession;
import static io.github.cameljanus.integration.JanusRoutes.ECHOTEST;
import static io.github.cameljanus.integration.JanusRoutes.janusUri;
import static io.github.cameljanus.integration.JanusRoutes.startContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.LeakCheck;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API secret, stored tokens and TLS against a real Janus configured for each. */
class JanusSecurityIT {

    /** Every thread of ours ends with the test's CamelContext. */
    @AfterEach
    void noThreadOfOursLeft() {
        LeakCheck.awaitNoJanusThreadAlive(Duration.ofSeconds(10));
    }

    @Nested
    class ApiSecret {
        @RegisterExtension
        final JanusServerExtension janus =
                JanusServerExtension.with(JanusServer.builder().apiSecret("s3cr3t"));

        @Test
        void rightSecretWorksWrongSecretFailsWith403() throws Exception {
            String url = janus.server().wsUrl();
            try (CamelContext context =
                    startContext(
                            routes -> {
                                routes.from("direct:right")
                                        .to(janusUri(url, ECHOTEST + "&apiSecret=s3cr3t"));
                                routes.from("direct:wrong")
                                        .to(janusUri(url, ECHOTEST + "&apiSecret=nope"));
                            })) {
                ProducerTemplate template = context.createProducerTemplate();
                assertEchoAnswersOk(template, "direct:right");

                Exchange wrong =
                        template.request("direct:wrong", e -> e.getMessage().setBody(ECHO_REQUEST));
                assertThat(wrong.getException())
                        .isInstanceOfSatisfying(
                                JanusException.class, e -> assertThat(e.code()).isEqualTo(403));
            }
        }
    }

    @Nested
    class Tokens {
        @RegisterExtension
        final JanusServerExtension janus =
                JanusServerExtension.with(JanusServer.builder().tokenAuth(true));

        @Test
        void endpointTokenAndPerExchangeTokenAreSentAndPluginRestrictionsApply() throws Exception {
            janus.server().addToken("echo-token", "janus.plugin.echotest");
            janus.server().addToken("room-token", "janus.plugin.videoroom");
            String url = janus.server().wsUrl();
            try (CamelContext context =
                    startContext(
                            routes -> {
                                routes.from("direct:echo")
                                        .to(janusUri(url, ECHOTEST + "&token=echo-token"));
                                routes.from("direct:core").to(janusUri(url, "token=echo-token"));
                            })) {
                ProducerTemplate template = context.createProducerTemplate();
                assertEchoAnswersOk(template, "direct:echo");

                long sessionId = createSession(template, "direct:core");

                Exchange forbidden = attachVideoroom(template, sessionId, Map.of());
                assertThat(forbidden.getException())
                        .isInstanceOfSatisfying(
                                JanusException.class, e -> assertThat(e.code()).isEqualTo(405));

                Exchange allowed =
                        attachVideoroom(
                                template, sessionId, Map.of(JanusConstants.TOKEN, "room-token"));
                assertThat(allowed.getException()).isNull();
                assertThat(allowed.getMessage().getHeader(JanusConstants.HANDLE_ID)).isNotNull();
            }
        }

        /** Attaches the videoroom plugin to the session through the core route. */
        private Exchange attachVideoroom(
                ProducerTemplate template, long sessionId, Map<String, Object> moreHeaders) {
            return template.request(
                    "direct:core",
                    e -> {
                        e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                        e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                        e.getMessage().setHeader(JanusConstants.PLUGIN, "janus.plugin.videoroom");
                        moreHeaders.forEach(e.getMessage()::setHeader);
                    });
        }
    }

    @Nested
    class Tls {
        @RegisterExtension
        final JanusServerExtension janus =
                JanusServerExtension.with(JanusServer.builder().wss(true));

        @Test
        void wssWithTheServersTrustWorks() throws Exception {
            SSLContextParameters tls = new SSLContextParameters();
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource("file:" + janus.server().trustStore());
            store.setPassword(janus.server().trustStorePassword());
            store.setType("PKCS12");
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            tls.setTrustManagers(trust);

            String url = janus.server().wsUrl();
            assertThat(url).startsWith("wss://");
            String echotest = janusUri(url, ECHOTEST + "&sslContextParameters=#janusTls");
            try (CamelContext context = new DefaultCamelContext()) {
                context.getRegistry().bind("janusTls", tls);
                RouteBuilder.addRoutes(context, routes -> routes.from("direct:echo").to(echotest));
                context.start();
                assertEchoAnswersOk(context.createProducerTemplate(), "direct:echo");
            }
        }

        @Test
        void anUntrustedCertificateFailsWithTheTlsError() throws Exception {
            String url = janus.server().wsUrl();
            String echotest = janusUri(url, ECHOTEST + "&connectTimeout=2s&reconnect=false");
            try (CamelContext context =
                    startContext(routes -> routes.from("direct:echo").to(echotest))) {
                Exchange exchange =
                        context.createProducerTemplate()
                                .request("direct:echo", e -> e.getMessage().setBody("{}"));
                assertThat(exchange.getException()).isInstanceOf(JanusException.class);
                assertThat(exchange.getException()).hasRootCauseInstanceOf(SSLException.class);
                assertThat(exchange.getException())
                        .hasMessageContaining("TLS handshake with " + url)
                        .hasMessageContaining("certificate trusted");
            }
        }
    }
}
