/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A route's Map/List body becomes the same JSON tree Jackson would make of it, only cheaper. */
class JanusJsonProperties {

    @Property(tries = 1000)
    void plainValuesMapExactlyAsJacksonMapsThem(@ForAll("plainValues") Object value) {
        assertThat(JanusJson.toNode(value, "the body"))
                .isEqualTo(JanusJson.MAPPER.valueToTree(value));
    }

    @Example
    void valuesThatAreNotPlainAreStillMappedByJackson() {
        Map<String, Object> pojoInside =
                Map.of("request", "join", "when", java.time.DayOfWeek.MONDAY, "n", 1.5f);
        Map<Integer, String> numberKeys = Map.of(7, "seven");

        assertThat(JanusJson.toNode(pojoInside, "the body"))
                .isEqualTo(JanusJson.MAPPER.valueToTree(pojoInside));
        assertThat(JanusJson.toNode(numberKeys, "the body"))
                .isEqualTo(JanusJson.MAPPER.valueToTree(numberKeys));
    }

    @Provide
    Arbitrary<Object> plainValues() {
        Arbitrary<Object> leaf =
                Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(6).map(s -> (Object) s),
                        Arbitraries.integers().map(i -> (Object) i),
                        Arbitraries.longs().map(l -> (Object) l),
                        Arbitraries.doubles().map(d -> (Object) d),
                        Arbitraries.of(true, false).map(b -> (Object) b),
                        Arbitraries.just((Object) null));
        return Arbitraries.<Object>recursive(
                        () -> leaf,
                        inner ->
                                Arbitraries.oneOf(
                                        Arbitraries.maps(
                                                        Arbitraries.strings().ofMaxLength(4),
                                                        inner.injectNull(0.1))
                                                .ofMaxSize(4)
                                                .map(m -> (Object) m),
                                        inner.list().ofMaxSize(4).map(l -> (Object) l)),
                        0,
                        3)
                .filter(
                        value ->
                                value instanceof Map
                                        || value instanceof List); // a String is JSON text
    }
}
