/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import javax.net.ssl.SSLException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API secret, stored tokens and TLS against a real Janus configured for each. */
class JanusSecurityIT {

    private static CamelContext startRoutes(RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
        return context;
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
                    startRoutes(
                            new RouteBuilder() {
                                @Override
                                public void configure() {
                                    from("direct:right")
                                            .to(
                                                    "janus:"
                                                            + url
                                                            + "?plugin=janus.plugin.echotest&apiSecret=s3cr3t");
                                    from("direct:wrong")
                                            .to(
                                                    "janus:"
                                                            + url
                                                            + "?plugin=janus.plugin.echotest&apiSecret=nope");
                                }
                            })) {
                ProducerTemplate template = context.createProducerTemplate();
                assertThat(
                                template.requestBody(
                                        "direct:right", "{\"audio\":true}", JanusBody.class))
                        .containsEntry("result", "ok");

                Exchange wrong =
                        template.request(
                                "direct:wrong", e -> e.getMessage().setBody("{\"audio\":true}"));
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
                    startRoutes(
                            new RouteBuilder() {
                                @Override
                                public void configure() {
                                    from("direct:echo")
                                            .to(
                                                    "janus:"
                                                            + url
                                                            + "?plugin=janus.plugin.echotest&token=echo-token");
                                    from("direct:core").to("janus:" + url + "?token=echo-token");
                                }
                            })) {
                ProducerTemplate template = context.createProducerTemplate();
                assertThat(template.requestBody("direct:echo", "{\"audio\":true}", JanusBody.class))
                        .containsEntry("result", "ok");

                Exchange session =
                        template.request(
                                "direct:core",
                                e ->
                                        e.getMessage()
                                                .setHeader(
                                                        JanusConstants.OPERATION, "createSession"));
                long sessionId =
                        session.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);

                Exchange forbidden =
                        template.request(
                                "direct:core",
                                e -> {
                                    e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                                    e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                                    e.getMessage()
                                            .setHeader(
                                                    JanusConstants.PLUGIN,
                                                    "janus.plugin.videoroom");
                                });
                assertThat(forbidden.getException())
                        .isInstanceOfSatisfying(
                                JanusException.class, e -> assertThat(e.code()).isEqualTo(405));

                Exchange allowed =
                        template.request(
                                "direct:core",
                                e -> {
                                    e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                                    e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                                    e.getMessage()
                                            .setHeader(
                                                    JanusConstants.PLUGIN,
                                                    "janus.plugin.videoroom");
                                    e.getMessage().setHeader(JanusConstants.TOKEN, "room-token");
                                });
                assertThat(allowed.getException()).isNull();
                assertThat(allowed.getMessage().getHeader(JanusConstants.HANDLE_ID)).isNotNull();
            }
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
            try (CamelContext context = new DefaultCamelContext()) {
                context.getRegistry().bind("janusTls", tls);
                context.addRoutes(
                        new RouteBuilder() {
                            @Override
                            public void configure() {
                                from("direct:echo")
                                        .to(
                                                "janus:"
                                                        + url
                                                        + "?plugin=janus.plugin.echotest"
                                                        + "&sslContextParameters=#janusTls");
                            }
                        });
                context.start();
                assertThat(
                                context.createProducerTemplate()
                                        .requestBody(
                                                "direct:echo", "{\"audio\":true}", JanusBody.class))
                        .containsEntry("result", "ok");
            }
        }

        @Test
        void anUntrustedCertificateFailsWithTheTlsError() throws Exception {
            String url = janus.server().wsUrl();
            try (CamelContext context =
                    startRoutes(
                            new RouteBuilder() {
                                @Override
                                public void configure() {
                                    from("direct:echo")
                                            .to(
                                                    "janus:"
                                                            + url
                                                            + "?plugin=janus.plugin.echotest"
                                                            + "&connectTimeout=2s&reconnect=false");
                                }
                            })) {
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
