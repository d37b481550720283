/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersTest {

    private static final List<String> TCP =
            List.of(
                    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt",
                    "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000",
                    "   1: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000",
                    "   2: 0100007F:1F92 0100007F:D431 01 00000000:00000000 00:00000000 00000000");

    @Test
    void findsListenSocketsByPort() {
        assertThat(ListeningSockets.listenersIn(TCP, 0x1F90)).containsExactly("0100007F");
        assertThat(ListeningSockets.listenersIn(TCP, 0x1F91)).containsExactly("00000000");
    }

    @Test
    void ignoresEstablishedConnections() {
        assertThat(ListeningSockets.listenersIn(TCP, 0x1F92)).isEmpty();
    }

    @Test
    void readsIpv6Tables() {
        List<String> tcp6 =
                List.of(
                        "header",
                        "   0: 00000000000000000000000000000000:1F90"
                                + " 00000000000000000000000000000000:0000 0A 0");
        assertThat(ListeningSockets.listenersIn(tcp6, 0x1F90))
                .containsExactly("00000000000000000000000000000000");
    }

    @Test
    void writesAddressesTheWayProcNetTcpDoes() {
        assertThat(ListeningSockets.hex("127.0.0.1")).isEqualTo("0100007F");
        assertThat(ListeningSockets.hex("10.231.5.2")).isEqualTo("0205E70A");
    }
}
