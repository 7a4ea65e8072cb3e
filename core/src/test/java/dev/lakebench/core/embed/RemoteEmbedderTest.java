package dev.lakebench.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.connections.MemoryCredentialStore;
import dev.lakebench.core.connections.TokenVault;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An OpenAI-compatible /v1/embeddings endpoint on loopback: batching, retries, clear errors, token from the store. */
class RemoteEmbedderTest {

    @TempDir
    Path dir;

    HttpServer server;
    /** Scripted answers (status, body); when empty, a correct answer. */
    final Deque<Object[]> script = new ArrayDeque<>();

    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", ex -> {
            JsonNode req = new ObjectMapper().readTree(ex.getRequestBody());
            bodies.add(req);
            auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            Object[] next;
            synchronized (script) {
                next = script.poll();
            }
            int status = 200;
            String body;
            if (next != null) {
                status = (Integer) next[0];
                body = (String) next[1];
            } else {
                StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
                JsonNode input = req.get("input");
                for (int i = input.size() - 1; i >= 0; i--) { // out of order on purpose: the index decides
                    int len = input.get(i).asText().length();
                    sb.append("{\"index\":")
                            .append(i)
                            .append(",\"embedding\":[")
                            .append(len)
                            .append(",3,4]}")
                            .append(i > 0 ? "," : "");
                }
                body = sb.append("]}").toString();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            if (status == 429) {
                ex.getResponseHeaders().add("Retry-After", "0");
            }
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    RemoteEmbedder embedder() {
        return new RemoteEmbedder("remote:test", url(), "nomic-embed-text", "sk-test", 2, 3, Duration.ofMillis(10));
    }

    @Test
    void batchesTextsAndPutsTheAnswersBackInOrder() {
        float[][] v = embedder()
                .embedTexts(List.of("a", "bb", "ccc", "dddd", "eeeee"))
                .vectors();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0).get("model").asText()).isEqualTo("nomic-embed-text");
        assertThat(bodies.get(0).get("input")).hasSize(2);
        assertThat(auth).allMatch(a -> a.equals("Bearer sk-test"));
        for (int i = 0; i < 5; i++) {
            float len = i + 1;
            assertThat(v[i][0]).isCloseTo(len / (float) Math.sqrt(len * len + 25), within(1e-5f));
        }
    }

    @Test
    void retriesRateLimitsAndServerErrors() {
        script.add(new Object[] {429, "{\"error\":\"slow down\"}"});
        script.add(new Object[] {503, "overloaded"});
        assertThat(embedder().embedTexts(List.of("x")).vectors()).hasNumberOfRows(1);
        assertThat(bodies).hasSize(3);
    }

    @Test
    void givesUpWithTheLastAnswerNamed() {
        for (int i = 0; i < 3; i++) {
            script.add(new Object[] {500, "{\"error\":\"model crashed\"}"});
        }
        assertThatThrownBy(() -> embedder().embedTexts(List.of("x")))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("failed 3 times; last: HTTP 500: {\"error\":\"model crashed\"}")
                .hasMessageContaining("/v1/embeddings");
    }

    @Test
    void refusalsAreNotRetriedAndGarbageIsNamed() {
        script.add(new Object[] {401, "{\"error\":\"bad key\"}"});
        assertThatThrownBy(() -> embedder().embedTexts(List.of("x")))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("refused the request (HTTP 401")
                .hasMessageContaining("Check the token");
        assertThat(bodies).hasSize(1);
        script.add(new Object[] {200, "<html>proxy login</html>"});
        assertThatThrownBy(() -> embedder().embedTexts(List.of("x")))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("answered something that is not an embeddings response")
                .hasMessageContaining("<html>proxy login");
        script.add(new Object[] {200, "{\"data\":[{\"index\":0,\"embedding\":[1,\"x\"]}]}"});
        assertThatThrownBy(() -> embedder().embedTexts(List.of("x")))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("non-number");
    }

    @Test
    void aNamedEndpointWithItsTokenInTheCredentialStoreEmbedsAtIngest() {
        MemoryCredentialStore keychain = new MemoryCredentialStore();
        Models models = Models.of(dir).tokenVault(() -> new TokenVault(keychain));
        models.remotes().add("local-llm", url(), "nomic-embed-text", "sk-stored");
        assertThat(keychain.secrets.values()).contains("sk-stored");
        assertThat(models.names()).contains("remote:local-llm");
        try (Client client = Client.local(dir)) {
            client.ingest(
                    "notes",
                    Map.of("text", List.of("one", "three")),
                    IngestOptions.defaults().embed("text", "remote:local-llm"));
            assertThat(client.query("SELECT count(text_embedding) AS n FROM notes")
                            .get(0)
                            .getLong("n"))
                    .isEqualTo(2);
        }
        assertThat(auth).contains("Bearer sk-stored");
        assertThatThrownBy(() -> models.get("remote:nothing"))
                .isInstanceOf(ModelError.class)
                .hasMessageContaining("Unknown model \"remote:nothing\"");
    }
}
