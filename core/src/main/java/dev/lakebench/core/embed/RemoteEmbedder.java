package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An OpenAI-compatible {@code POST {url}/embeddings} endpoint (Ollama, vLLM, a hosted API): texts are sent in
 * batches as {@code {"model", "input": [...]}}, answers {@code {"data": [{"index", "embedding"}]}} are put back in
 * order and normalised. 429 and 5xx answers and broken connections are retried with backoff (honouring
 * {@code Retry-After}); other failures, and answers that are not embeddings, are a {@link ModelError} naming the
 * endpoint and the status.
 */
public final class RemoteEmbedder implements Embedder {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String url;
    private final String model;
    private final String token;
    private final int batchSize;
    private final int attempts;
    private final Duration backoff;
    private final OkHttpClient http;
    private volatile int dimension;

    public RemoteEmbedder(
            String name, String baseUrl, String model, String token, int batchSize, int attempts, Duration backoff) {
        this.name = name;
        this.url = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/embeddings";
        this.model = model;
        this.token = token;
        this.batchSize = batchSize;
        this.attempts = attempts;
        this.backoff = backoff;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(120))
                .build();
    }

    @Override
    public String name() {
        return name;
    }

    /** Known after the first answer (asked with a one-word probe when needed). */
    @Override
    public int dimension() {
        if (dimension == 0) {
            embedTexts(List.of("dimension"));
        }
        return dimension;
    }

    @Override
    public int maxTokens() {
        return 8192;
    }

    @Override
    public boolean supportsText() {
        return true;
    }

    @Override
    public Embedding embedTexts(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            float[][] v = post(batch);
            System.arraycopy(v, 0, out, from, v.length);
        }
        return new Embedding(out, 0);
    }

    private float[][] post(List<String> batch) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        batch.forEach(body.putArray("input")::add);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Request.Builder req = new Request.Builder().url(url).post(RequestBody.create(bytes, JSON_TYPE));
            if (token != null) {
                req.header("Authorization", "Bearer " + token);
            }
            long wait = backoff.toMillis() << (attempt - 1);
            try (Response r = http.newCall(req.build()).execute()) {
                String text = r.body().string();
                if (r.isSuccessful()) {
                    return parse(text, batch.size());
                }
                last = "HTTP " + r.code() + (text.isBlank() ? "" : ": " + abbreviate(text));
                if (r.code() != 429 && r.code() < 500) {
                    throw new ModelError(
                            ErrorCode.EMBEDDER_FAILED,
                            "The embeddings endpoint " + url + " refused the request (" + last + ")",
                            r.code() == 401 || r.code() == 403
                                    ? "Check the token saved for " + url
                                    : "Check the endpoint URL and the model name \"" + model + "\"");
                }
                String retryAfter = r.header("Retry-After");
                if (retryAfter != null && retryAfter.matches("\\d{1,3}")) {
                    wait = Math.max(wait, Long.parseLong(retryAfter) * 1000);
                }
            } catch (IOException e) {
                last = e.getMessage();
            }
            if (attempt < attempts) {
                sleep(Math.min(wait, 30_000));
            }
        }
        throw new ModelError(
                ErrorCode.EMBEDDER_FAILED,
                "The embeddings endpoint " + url + " failed " + attempts + " times; last: " + last,
                "Try again later, or check that the server is running");
    }

    private float[][] parse(String text, int n) {
        try {
            JsonNode data = JSON.readTree(text).path("data");
            if (!data.isArray() || data.size() != n) {
                throw new IOException(
                        "expected " + n + " embeddings in \"data\", got " + (data.isArray() ? data.size() : "none"));
            }
            float[][] out = new float[n][];
            for (int i = 0; i < n; i++) {
                JsonNode item = data.get(i);
                int index = item.path("index").asInt(i);
                JsonNode e = item.path("embedding");
                if (!e.isArray() || e.isEmpty() || index < 0 || index >= n) {
                    throw new IOException("item " + i + " has no embedding array");
                }
                float[] v = new float[e.size()];
                for (int d = 0; d < v.length; d++) {
                    if (!e.get(d).isNumber()) {
                        throw new IOException("item " + i + " holds a non-number");
                    }
                    v[d] = (float) e.get(d).asDouble();
                }
                if (dimension == 0) {
                    dimension = v.length;
                } else if (v.length != dimension) {
                    throw new IOException("vectors of " + v.length + " and " + dimension + " floats");
                }
                out[index] = Vectors.normalise(v);
            }
            for (float[] v : out) {
                if (v == null) {
                    throw new IOException("an input got no embedding");
                }
            }
            return out;
        } catch (IOException e) {
            throw new ModelError(
                    ErrorCode.EMBEDDER_FAILED,
                    "The embeddings endpoint " + url + " answered something that is not an embeddings" + " response ("
                            + e.getMessage() + "): " + abbreviate(text),
                    "Check that the URL is an OpenAI-compatible /v1 base URL",
                    e);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelError(
                    ErrorCode.EMBEDDER_FAILED,
                    "Interrupted while waiting to retry the embeddings endpoint",
                    "Run it again");
        }
    }
}
