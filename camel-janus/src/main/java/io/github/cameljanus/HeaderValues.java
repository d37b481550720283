/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

/**
 * Reads a header as its type: a value that is not one fails that exchange naming the header and the
 * value (Camel's conversion error names neither the header nor what was expected).
 */
final class HeaderValues {

    private HeaderValues() {}

    /**
     * The header's value as {@code type}, or {@code fallback} when it is absent.
     *
     * @throws IllegalArgumentException naming the header and the value when it is not a {@code
     *     type}
     */
    static <T> T get(Message message, String header, Class<T> type, T fallback) {
        Object value = message.getHeader(header);
        if (value == null) {
            return fallback;
        }
        try {
            return message.getHeader(header, type);
        } catch (TypeConversionException e) {
            throw new IllegalArgumentException(
                    "Header "
                            + header
                            + " has an invalid value '"
                            + value
                            + "': expected a "
                            + type.getSimpleName(),
                    e);
        }
    }
}
