/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Bodies that feel native, and converters that touch only the component's own type. */
class JanusConverterTest {

    /** A POJO a route may map a Janus reply to. */
    public static class Joined {
        public String videoroom;
        public long room;
        public List<Map<String, Object>> publishers;
    }

    private static JanusBody body(String json) throws Exception {
        return JanusJson.toBody((ObjectNode) JanusJson.MAPPER.readTree(json));
    }

    @Test
    void janusBodyConvertsToJsonTextBytesTreeAndPojo() throws Exception {
        String json = "{\"videoroom\":\"joined\",\"room\":42,\"publishers\":[{\"id\":7}]}";
        JanusBody body = body(json);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            TypeConverter converter = context.getTypeConverter();

            assertThat(converter.convertTo(String.class, body)).isEqualTo(json);
            assertThat(new String(converter.convertTo(byte[].class, body), StandardCharsets.UTF_8))
                    .isEqualTo(json);
            assertThat(converter.convertTo(JsonNode.class, body).path("room").asLong())
                    .isEqualTo(42);
            Joined joined = converter.convertTo(Joined.class, body);
            assertThat(joined.videoroom).isEqualTo("joined");
            assertThat(joined.room).isEqualTo(42);
            assertThat(joined.publishers).hasSize(1);
        }
    }

    @Test
    void nestedObjectsAreJanusBodiesToo() throws Exception {
        JanusBody body = body("{\"joining\":{\"id\":1,\"display\":\"bob\"}}");
        assertThat(body.get("joining")).isInstanceOf(JanusBody.class);
        assertThat(body.get("joining").toString()).isEqualTo("{\"id\":1,\"display\":\"bob\"}");
    }

    @Test
    void aPlainMapElsewhereConvertsAsBefore() throws Exception {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("a", 1);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            TypeConverter converter = context.getTypeConverter();

            assertThat(converter.convertTo(String.class, plain)).isEqualTo("{a=1}");
            assertThat(converter.tryConvertTo(Joined.class, plain)).isNull();
        }
    }
}
