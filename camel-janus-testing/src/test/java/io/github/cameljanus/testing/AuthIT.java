/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthIT {

    @Test
    void apiSecretIsRequiredForCreate() throws Exception {
        try (JanusServer janus = JanusServer.builder().apiSecret("it-secret").build().start();
                TestSocket ws = TestSocket.janusApi(janus)) {
            assertThat(janus.apiSecret()).isEqualTo("it-secret");

            Map<String, Object> refused = ws.request("{\"janus\":\"create\"}");
            assertThat(refused).containsEntry("janus", "error");
            assertThat(TestSocket.map(refused.get("error"))).containsEntry("code", 403L);

            Map<String, Object> created =
                    ws.request("{\"janus\":\"create\",\"apisecret\":\"it-secret\"}");
            assertThat(created).containsEntry("janus", "success");
        }
    }

    @Test
    void tokensAddedThroughTheAdminApiAuthorize() throws Exception {
        try (JanusServer janus = JanusServer.builder().tokenAuth(true).build().start();
                TestSocket ws = TestSocket.janusApi(janus)) {
            Map<String, Object> refused = ws.request("{\"janus\":\"create\",\"token\":\"tok-1\"}");
            assertThat(TestSocket.map(refused.get("error"))).containsEntry("code", 403L);

            janus.addToken("tok-1", "janus.plugin.echotest");

            assertThat(ws.request("{\"janus\":\"create\",\"token\":\"tok-1\"}"))
                    .containsEntry("janus", "success");
            assertThat(janus.adminRequest("{\"janus\":\"list_tokens\"}")).contains("tok-1");
        }
    }
}
