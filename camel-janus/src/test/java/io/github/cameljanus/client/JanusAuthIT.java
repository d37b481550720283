/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static io.github.cameljanus.client.JanusClientIT.configFor;
import static io.github.cameljanus.client.JanusClientIT.failure;
import static io.github.cameljanus.client.JanusClientIT.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.JanusServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** api_secret and stored tokens: either authorizes, a token's plugin list still applies. */
@ExtendWith(NoThreadLeaks.class)
class JanusAuthIT {

    private static final String SECRET = "it-api-secret";

    @RegisterExtension
    static final JanusServerExtension JANUS =
            JanusServerExtension.with(JanusServer.builder().apiSecret(SECRET).tokenAuth(true));

    @Test
    void wrongApiSecretIsRefusedWith403() throws Exception {
        try (JanusClient client =
                JanusClient.connect(configFor(JANUS.server().wsUrl()).apiSecret("wrong").build())) {
            assertThat(failure(client.createSession(), JanusException.class).code()).isEqualTo(403);
            get(client.ping());
        }
    }

    @Test
    void rightApiSecretWorks() throws Exception {
        try (JanusClient client =
                JanusClient.connect(configFor(JANUS.server().wsUrl()).apiSecret(SECRET).build())) {
            JanusSession session = get(client.createSession());
            get(session.attach("janus.plugin.echotest", null));
            get(session.keepAlive());
        }
    }

    @Test
    void tokenAddedThroughAdminWorksForItsPluginsOnly() throws Exception {
        JANUS.server().addToken("it-token", "janus.plugin.echotest");
        try (JanusClient client =
                JanusClient.connect(configFor(JANUS.server().wsUrl()).token("it-token").build())) {
            JanusSession session = get(client.createSession());
            get(session.attach("janus.plugin.echotest", null));
            assertThat(
                            failure(
                                            session.attach("janus.plugin.videoroom", null),
                                            JanusException.class)
                                    .code())
                    .isEqualTo(405);
            assertThat(
                            failure(
                                            session.keepAlive(
                                                    RequestOptions.defaults().withToken("unknown")),
                                            JanusException.class)
                                    .code())
                    .isEqualTo(403);
        }
    }
}
