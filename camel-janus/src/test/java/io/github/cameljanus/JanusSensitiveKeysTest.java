/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

/**
 * What Camel prints as configuration (Camel Main's startup summary among it) masks every secret
 * option of this component: Camel's own list of sensitive keys knows token, not apiSecret.
 */
class JanusSensitiveKeysTest {

    @Test
    void everySecretOptionIsSensitiveOnceTheComponentExists() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setAdditionalSensitiveKeywords("mykey");
            context.getComponent("janus");
            context.getComponent("janus-admin");

            for (String key :
                    new String[] {
                        "camel.component.janus.apiSecret",
                        "camel.component.janus.api-secret",
                        "camel.component.janus.token",
                        "camel.component.janus-admin.adminSecret",
                        "camel.component.janus-admin.admin-secret",
                        "mykey" // what the application had added stays
                    }) {
                assertThat(CamelContextHelper.containsSensitive(context, key)).as(key).isTrue();
            }
            assertThat(
                            CamelContextHelper.containsSensitive(
                                    context, "camel.component.janus.requestTimeout"))
                    .isFalse();
        }
    }
}
