/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The frame writer writes exactly what Jackson's JsonNode.toString() does, for any tree. */
class FrameWriterProperties {

    private static final JsonNodeFactory NODES = JsonTrees.NODES;

    @Property(tries = 2000)
    void writesWhatJacksonWrites(@ForAll("trees") JsonNode tree) {
        assertThat(FrameWriter.write(tree)).isEqualTo(tree.toString());
    }

    @Example
    void everyEscapeAndNumberKindIsJacksons() {
        ObjectNode frame = NODES.objectNode();
        frame.put("controls", "\u0000\u0001\b\t\n\u000b\f\r\u001f \"quoted\" back\\slash /");
        frame.put("unicode", "é € 😀 \u2028");
        frame.put("int", Integer.MIN_VALUE);
        frame.put("long", Long.MAX_VALUE);
        frame.put("big", new BigInteger("123456789012345678901234567890"));
        frame.put("decimal", new BigDecimal("1.2300E+5"));
        frame.put("double", 1.0e-7);
        frame.put("float", 3.25f);
        frame.put("nan", Double.NaN);
        frame.put("binary", new byte[] {1, 2, 3});
        frame.putNull("null");
        frame.set("empty", NODES.objectNode());
        frame.set("list", NODES.arrayNode().add(true).add(NODES.arrayNode()));
        assertThat(FrameWriter.write(frame)).isEqualTo(frame.toString());
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return JsonTrees.trees(true, 4);
    }
}
