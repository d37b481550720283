/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of Janus replies and events, and the value of the CamelJanusJsep header: a JSON object
 * as an ordered Map, so the simple language reads {@code ${body[videoroom]}} and {@code
 * ${body[joining][display]}}, and whose {@link #toString()} is the JSON text. Nested objects are
 * JanusBody too; arrays are Lists.
 */
public final class JanusBody extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    /** An empty body. */
    public JanusBody() {
        super();
    }

    /** A body holding the entries of {@code map} (values are not converted). */
    public JanusBody(Map<String, ?> map) {
        super(map);
    }

    /** The JSON text of this object. */
    @Override
    public String toString() {
        return JanusJson.write(this);
    }
}
