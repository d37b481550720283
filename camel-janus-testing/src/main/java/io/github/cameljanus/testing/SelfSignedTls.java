/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made with the JDK's own {@code keytool} so that
 * wss needs nothing beyond a JDK. Janus wants PEM files, the JVM wants a trust store, so both are
 * written.
 */
final class SelfSignedTls {

    final Path certPem;
    final Path keyPem;
    final Path trustStore;
    final String trustStorePassword;
    final SSLContext sslContext;

    private SelfSignedTls(
            Path certPem,
            Path keyPem,
            Path trustStore,
            String trustStorePassword,
            SSLContext sslContext) {
        this.certPem = certPem;
        this.keyPem = keyPem;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        this.sslContext = sslContext;
    }

    static SelfSignedTls generate(Path dir, String password) throws IOException {
        Path keyStore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException(
                    "wss needs the JDK's keytool to make a certificate, but "
                            + keytool
                            + " is missing (a JRE without keytool?)");
        }
        ProcessBuilder pb =
                new ProcessBuilder(
                        List.of(
                                keytool.toString(),
                                "-genkeypair",
                                "-alias",
                                "janus",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-dname",
                                "CN=127.0.0.1",
                                "-ext",
                                "SAN=ip:127.0.0.1",
                                "-validity",
                                "7",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keyStore.toString(),
                                // :env keeps the password off the process list.
                                "-storepass:env",
                                "JANUS_TLS_PW",
                                "-keypass:env",
                                "JANUS_TLS_PW"));
        pb.environment().put("JANUS_TLS_PW", password);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("keytool.out").toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "keytool failed to make the wss certificate: "
                                + Files.readString(dir.resolve("keytool.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("Interrupted while making the wss certificate", e);
        }
        try {
            char[] pw = password.toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                ks.load(in, pw);
            }
            Key key = ks.getKey("janus", pw);
            Certificate cert = ks.getCertificate("janus");

            Path certPem = dir.resolve("cert.pem");
            Path keyPem = dir.resolve("key.pem");
            Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
            Files.setPosixFilePermissions(keyPem, PosixFilePermissions.fromString("rw-------"));

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("janus", cert);
            Path trustStore = dir.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, pw);
            }
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new SelfSignedTls(certPem, keyPem, trustStore, password, ctx);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not prepare the wss certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
