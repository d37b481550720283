/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the address part of a {@code janus:} URI: one ws:// or wss:// URL, or a list of them. */
final class JanusAddresses {

    private JanusAddresses() {}

    /**
     * The URLs of a comma-separated address list, in order.
     *
     * @throws IllegalArgumentException naming the bad address and why
     */
    static List<URI> parse(String addressList) {
        if (addressList == null || addressList.isBlank()) {
            throw new IllegalArgumentException(
                    "The janus: address is missing: expected ws://host:port[/path] or wss://...,"
                            + " or a comma-separated list of them");
        }
        List<URI> addresses = new ArrayList<>();
        for (String part : addressList.split(",", -1)) {
            addresses.add(parseOne(part.trim(), addressList));
        }
        return List.copyOf(addresses);
    }

    private static URI parseOne(String address, String addressList) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw bad(address, addressList, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw bad(address, addressList, "the scheme must be ws or wss");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(address, addressList, "a host is required");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(address, addressList, "query and fragment are not allowed in an address");
        }
        return uri;
    }

    private static IllegalArgumentException bad(String address, String list, String why) {
        return new IllegalArgumentException(
                "Invalid janus: address '" + address + "' in '" + list + "': " + why);
    }
}
