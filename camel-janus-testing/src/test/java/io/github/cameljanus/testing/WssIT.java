/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WssIT {

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(JanusServer.builder().wss(true).json("compact"));

    @Test
    void servesTheApiOverTlsWithTheGeneratedTrust() throws Exception {
        JanusServer janus = JANUS.server();
        assertThat(janus.wsUrl()).isEqualTo("wss://127.0.0.1:" + janus.apiPort());
        try (TestSocket ws =
                TestSocket.connect(janus.wsUrl(), "janus-protocol", janus.sslContext())) {
            assertThat(ws.request("{\"janus\":\"ping\"}")).containsEntry("janus", "pong");
        }
    }

    @Test
    void rejectsClientsThatDoNotTrustTheCertificate() {
        JanusServer janus = JANUS.server();
        assertThatThrownBy(() -> TestSocket.connect(janus.wsUrl(), "janus-protocol", null))
                .hasStackTraceContaining("SSL");
    }

    @Test
    void trustStoreIsAPkcs12HoldingTheCertificate() throws Exception {
        JanusServer janus = JANUS.server();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(janus.trustStore())) {
            ks.load(in, janus.trustStorePassword().toCharArray());
        }
        assertThat(ks.isCertificateEntry("janus")).isTrue();
    }
}
