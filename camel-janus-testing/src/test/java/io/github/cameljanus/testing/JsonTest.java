/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesIndentedJanusReplies() {
        Map<String, Object> reply =
                Json.parseObject(
                        """
                        {
                           "janus": "success",
                           "transaction": "t1",
                           "sessions": [
                              6776536226051832, 1
                           ],
                           "ok": true, "none": null, "x": -1.5e2, "s": "a\\"\\u00e9"
                        }""");
        assertThat(reply)
                .containsEntry("janus", "success")
                .containsEntry("sessions", List.of(6776536226051832L, 1L))
                .containsEntry("ok", true)
                .containsEntry("none", null)
                .containsEntry("x", -150.0)
                .containsEntry("s", "a\"é");
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parseObject("[1]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":tru}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesRoundTrip() {
        String nasty = "q\"b\\s\n\t\u0001/";
        assertThat(Json.parse(Json.quote(nasty))).isEqualTo(nasty);
    }
}
