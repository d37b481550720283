/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport;

import io.github.cameljanus.client.JanusConnectionLostException;
import java.net.ConnectException;
import java.net.URI;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** The exceptions of a failed WebSocket handshake, the same for every transport. */
public final class HandshakeFailures {

    private HandshakeFailures() {}

    /** A failed handshake: a TLS problem is named as such, anything else as a wrong address. */
    public static JanusConnectionLostException of(URI uri, Throwable error) {
        SSLException tls = tlsProblem(error);
        if (tls != null) {
            return new JanusConnectionLostException(
                    "TLS handshake with "
                            + uri
                            + " failed (is the server's certificate trusted? set"
                            + " sslContextParameters with a trust store that holds it): "
                            + tls,
                    tlsRootCause(tls, error));
        }
        // Refused: nothing listens there, which is not a handshake issue.
        ConnectException refused = inChain(error, ConnectException.class);
        if (refused != null) {
            return new JanusConnectionLostException(
                    "connection refused by "
                            + uri
                            + " (is Janus running, and is its WebSocket transport on that port?): "
                            + refused,
                    error);
        }
        return handshakeFailed(uri, error.toString(), error);
    }

    /** The server answered, but not as a Janus does. */
    public static JanusConnectionLostException handshakeFailed(
            URI uri, String detail, Throwable cause) {
        return new JanusConnectionLostException(
                "cannot open a Janus WebSocket to "
                        + uri
                        + " (wrong subprotocol, wrong port or not a Janus?): "
                        + detail,
                cause);
    }

    /**
     * The TLS failure as the root cause (so {@code onException} and root-cause checks see an
     * SSLException, not the JDK's internal certificate-path exception under it), its message naming
     * what lies under it; the whole original chain is kept as a suppressed exception.
     */
    private static SSLException tlsRootCause(SSLException tls, Throwable original) {
        Throwable deepest = tls;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message =
                deepest == tls
                        ? tls.getMessage()
                        : tls.getMessage() + " (caused by " + deepest + ")";
        SSLException root =
                tls instanceof SSLHandshakeException
                        ? new SSLHandshakeException(message)
                        : new SSLException(message);
        root.setStackTrace(tls.getStackTrace());
        root.addSuppressed(original);
        return root;
    }

    private static SSLException tlsProblem(Throwable error) {
        return inChain(error, SSLException.class);
    }

    /** The first throwable of this type in the cause chain, or null. */
    private static <T extends Throwable> T inChain(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
