/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A header that is not of its type fails that exchange, naming the header and the value. */
class JanusHeaderValuesTest {

    @Test
    void aHeaderOfTheWrongTypeFailsTheExchangeNamingIt() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:janus")
                                    .to("janus:ws://127.0.0.1:1?reconnect=false&connectTimeout=1s");
                        }
                    });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (Map.Entry<String, String> header :
                    Map.of(
                                    JanusConstants.REQUEST_TIMEOUT, "abc",
                                    JanusConstants.OPERATION, "explode",
                                    JanusConstants.SESSION_ID, "s-1")
                            .entrySet()) {
                Exchange exchange =
                        template.request(
                                "direct:janus",
                                e -> {
                                    e.getMessage().setHeader(header.getKey(), header.getValue());
                                    if (!header.getKey().equals(JanusConstants.OPERATION)) {
                                        e.getMessage()
                                                .setHeader(
                                                        JanusConstants.OPERATION, "destroySession");
                                    }
                                });
                assertThat(exchange.getException())
                        .as(header.getKey())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(header.getKey())
                        .hasMessageContaining("'" + header.getValue() + "'");
            }
        }
    }
}
