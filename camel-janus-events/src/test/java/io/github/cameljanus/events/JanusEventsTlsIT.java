/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With sslContextParameters the listener speaks https (and wss): a POST over TLS, trusting the
 * listener's certificate, is delivered. The certificate is the one a wss Janus is given, for
 * 127.0.0.1.
 */
class JanusEventsTlsIT {

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(JanusServer.builder().wss(true));

    @Test
    void aPostOverTlsIsDelivered() throws Exception {
        JanusServer janus = JANUS.server();
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + janus.configDir().resolve("server.p12"));
        keyStore.setPassword(janus.trustStorePassword());
        keyStore.setType("PKCS12");
        KeyManagersParameters keyManagers = new KeyManagersParameters();
        keyManagers.setKeyStore(keyStore);
        keyManagers.setKeyPassword(janus.trustStorePassword());
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keyManagers);

        int port = FreePort.pick();
        List<Exchange> received = new CopyOnWriteArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("tls", tls);
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus-events:127.0.0.1:"
                                            + port
                                            + "/events?sslContextParameters=#tls")
                                    .process(received::add);
                        }
                    });
            context.start();

            HttpClient https = HttpClient.newBuilder().sslContext(janus.sslContext()).build();
            HttpResponse<String> response =
                    https.send(
                            HttpRequest.newBuilder(
                                            URI.create("https://127.0.0.1:" + port + "/events"))
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"type\":1,\"session_id\":5,"
                                                            + "\"event\":{\"name\":\"created\"}}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        }
    }
}
