/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The frame parser makes Jackson's tree of every message it parses, and gives up on the rest: any
 * frame of plain JSON, however indented, it parses; any text at all, it parses as Jackson does or
 * not at all.
 */
class FrameParserProperties {

    private static final ObjectReader JACKSON = Frames.MAPPER.readerFor(JsonNode.class);

    /** Janus's `json = indented` style (3 spaces), tabs, and Jackson's own pretty printer. */
    private static final List<ObjectWriter> STYLES =
            List.of(
                    Frames.MAPPER.writer(),
                    Frames.MAPPER.writer(
                            new DefaultPrettyPrinter()
                                    .withObjectIndenter(new DefaultIndenter("   ", "\n"))),
                    Frames.MAPPER.writer(
                            new DefaultPrettyPrinter()
                                    .withObjectIndenter(new DefaultIndenter("\t", "\r\n"))),
                    Frames.MAPPER.writerWithDefaultPrettyPrinter());

    @Property(tries = 1000)
    void parsesEveryPlainFrameAsJacksonDoes(@ForAll("frames") String text) throws Exception {
        ObjectNode parsed = parse(text);

        assertThat(parsed).isNotNull().isEqualTo(JACKSON.readTree(text));
    }

    @Property(tries = 3000)
    void parsesAnyTextAsJacksonDoesOrGivesUp(@ForAll("mutatedFrames") String text) {
        ObjectNode parsed = parse(text);

        if (parsed != null) {
            assertThat(parsed).isEqualTo(jackson(text));
        }
    }

    @Example
    void janusFramesAreParsed() throws Exception {
        for (String text :
                List.of(
                        "{\n   \"janus\": \"ack\",\n   \"session_id\": 8167337538925735,\n"
                                + "   \"transaction\": \"Zt3h\"\n}",
                        "{\"janus\":\"event\",\"sender\":1,\"plugindata\":{\"plugin\":\"p\",\"data\":"
                                + "{\"ok\":true,\"list\":[1,-2,null,false,[],{}]}},\"jsep\":"
                                + "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 \\\"x\\\" \\/ \\u00e9"
                                + " \\ud83d\\ude00\\b\\f\\t\\\\\"}}",
                        "{\"zero\":0,\"negativeZero\":-0,\"intMin\":-2147483648,\"intMax\":2147483647,"
                                + "\"aboveInt\":2147483648,\"belowInt\":-2147483649,"
                                + "\"eighteen\":999999999999999999,\"longMax\":9223372036854775807,"
                                + "\"longMin\":-9223372036854775808,\"empty\":\"\"}",
                        " \t\r\n{}\n")) {
            assertThat(parse(text)).as(text).isNotNull().isEqualTo(JACKSON.readTree(text));
        }
    }

    @Example
    void whatJanusDoesNotSendIsLeftToJackson() {
        for (String text :
                List.of(
                        "[1]",
                        "\"text\"",
                        "",
                        "{\"a\":1.5}",
                        "{\"a\":1e3}",
                        "{\"a\":12345678901234567890}",
                        "{\"a\":9223372036854775808}",
                        "{\"a\":-9223372036854775809}",
                        "{\"a\":01}",
                        "{\"a\":-}",
                        "{\"a\":1,\"a\":2}",
                        "{\"a\":tru}",
                        "{\"a\":truex}",
                        "{\"a\":1,}",
                        "{\"a\":\"\u0001\"}",
                        "{\"a\":\"\\x\"}",
                        "{\"a\":\"\\u12\"}",
                        "{\"a\":1} trailing",
                        "{\"a\":1",
                        "{'a':1}",
                        "{\"a\":1/*c*/}",
                        "[".repeat(0) + "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}")) {
            assertThat(parse(text)).as(text).isNull();
        }
    }

    @Provide
    Arbitrary<String> frames() {
        return frames(3);
    }

    private static Arbitrary<String> frames(int maxDepth) {
        return Combinators.combine(
                        JsonTrees.objects(JsonTrees.trees(false, maxDepth)), Arbitraries.of(STYLES))
                .as(FrameParserProperties::write);
    }

    /** Frames with a few chars deleted, replaced or inserted: mostly not JSON any more. */
    @Provide
    Arbitrary<String> mutatedFrames() {
        Arbitrary<Character> tricky =
                Arbitraries.of("{}[]\",:.-+eE019 \t\n\\u/xtfn\u0001é".toCharArray());
        return Combinators.combine(
                        frames(2),
                        Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(3),
                        tricky.list().ofSize(3),
                        Arbitraries.integers().between(0, 2).list().ofSize(3))
                .as(
                        (frame, positions, chars, kinds) -> {
                            StringBuilder text = new StringBuilder(frame);
                            for (int i = 0; i < positions.size(); i++) {
                                int at = positions.get(i) % (text.length() + 1);
                                switch (kinds.get(i)) {
                                    case 0 -> text.insert(at, chars.get(i));
                                    case 1 -> {
                                        if (at < text.length()) {
                                            text.deleteCharAt(at);
                                        }
                                    }
                                    default -> {
                                        if (at < text.length()) {
                                            text.setCharAt(at, chars.get(i));
                                        }
                                    }
                                }
                            }
                            return text.toString();
                        });
    }

    private static String write(JsonNode tree, ObjectWriter style) {
        try {
            return style.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode parse(String text) {
        return FrameParser.parse(text.toCharArray(), 0, text.length());
    }

    /** Jackson's tree, or null where Jackson fails. */
    private static JsonNode jackson(String text) {
        try {
            return JACKSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
