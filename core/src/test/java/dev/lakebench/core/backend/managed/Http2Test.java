package dev.lakebench.core.backend.managed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ManagedSettings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over TLS the client speaks HTTP/2 when the server offers it (ALPN), on one pooled connection. */
class Http2Test {

    @TempDir
    Path dir;

    /** A self-signed certificate for 127.0.0.1/localhost, made with the JDK's keytool. */
    private SSLContext[] contexts() throws Exception {
        Path ks = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        ks.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor()).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        trust = (X509TrustManager) tmf.getTrustManagers()[0];
        return new SSLContext[] {server, client};
    }

    private X509TrustManager trust;

    @Test
    void negotiatesHttp2OverTls() throws Exception {
        SSLContext[] ctx = contexts();
        String token = FakeManagedService.jwt("org-1");
        try (FakeManagedService service =
                new FakeManagedService(dir.resolve("server"), token, "org-1", ctx[0].getSocketFactory())) {
            assertThat(service.url()).startsWith("https://");
            ManagedSettings s = ManagedSettings.of(service.url(), "default")
                    .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2));
            OkHttpClient http = HttpClients.forSettings(s)
                    .newBuilder()
                    .sslSocketFactory(ctx[1].getSocketFactory(), trust)
                    .build();
            try (Client client = new Client(new ManagedBackend(
                    s, ApiToken.of(token), http, new RetryPolicy(s, new Random(1), d -> {}), name -> null))) {
                client.ingest("t", Map.of("x", List.of(1L, 2L)));
                assertThat(client.query("SELECT sum(x) AS s FROM t").get(0).get("s"))
                        .isEqualTo(3L);
                assertThat(service.lastVersion()).isEqualTo("HTTP/2");
            }
        }
    }
}
