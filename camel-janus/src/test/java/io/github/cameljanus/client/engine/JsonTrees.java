/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random JSON trees for the frame writer's and parser's properties. */
final class JsonTrees {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /**
     * Trees of any shape, with strings of any chars.
     *
     * @param fractions whether numbers include doubles and floats, else only ints and longs
     * @param maxDepth the deepest nesting (each level up to 4 members: generation time grows as
     *     4^maxDepth)
     */
    static Arbitrary<JsonNode> trees(boolean fractions, int maxDepth) {
        List<Arbitrary<JsonNode>> leaves = new ArrayList<>();
        leaves.add(Arbitraries.strings().ofMaxLength(8).map(s -> (JsonNode) NODES.textNode(s)));
        leaves.add(Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)));
        leaves.add(Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)));
        leaves.add(Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)));
        leaves.add(Arbitraries.just((JsonNode) NODES.nullNode()));
        if (fractions) {
            leaves.add(Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)));
            leaves.add(Arbitraries.floats().map(f -> (JsonNode) NODES.numberNode(f)));
        }
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(leaves);
        return Arbitraries.<JsonNode>recursive(
                () -> leaf, inner -> Arbitraries.oneOf(objects(inner), arrays(inner)), 0, maxDepth);
    }

    /** Objects of up to 4 members drawn from {@code values}. */
    static Arbitrary<JsonNode> objects(Arbitrary<JsonNode> values) {
        return Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), values)
                .ofMaxSize(4)
                .map(
                        m -> {
                            ObjectNode o = NODES.objectNode();
                            m.forEach(o::set);
                            return (JsonNode) o;
                        });
    }

    private static Arbitrary<JsonNode> arrays(Arbitrary<JsonNode> values) {
        return values.list()
                .ofMaxSize(4)
                .map(
                        l -> {
                            ArrayNode a = NODES.arrayNode();
                            l.forEach(a::add);
                            return (JsonNode) a;
                        });
    }
}
