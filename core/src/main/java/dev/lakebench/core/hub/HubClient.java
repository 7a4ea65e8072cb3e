package dev.lakebench.core.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The parts of the Hugging Face Hub's HTTP API that dataset ingestion needs: dataset info with its file list
 * ({@code GET /api/datasets/{id}?blobs=true}), the Hub's parquet export
 * ({@code GET /api/datasets/{id}/parquet} → {@code {config: {split: [urls]}}}) and file downloads
 * ({@code GET /datasets/{id}/resolve/{revision}/{path}}, usually redirected to a CDN). The token, when set, is
 * sent as a bearer token to the Hub; redirects to other hosts do not carry it. Model repositories (embedding
 * models) use the same protocol without the {@code datasets} path segment, and download resumably by range.
 */
public final class HubClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The public Hub; {@code HF_ENDPOINT} overrides it. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    /** A file of the dataset repository; {@code size} is -1 when the Hub did not say. */
    public record RepoFile(String path, long size) {}

    /** What {@code /api/datasets/{id}} says: the resolved commit and the repository's files. */
    public record DatasetInfo(String id, String sha, List<RepoFile> files) {}

    private final HttpUrl endpoint;
    private final String token;
    private final OkHttpClient http;

    /** A file of a model repository with the checksums the Hub lists: LFS SHA-256, else the git blob id (SHA-1). */
    public record ModelFile(String path, long size, String sha256, String gitBlobId) {}

    /** What {@code /api/models/{id}/revision/{revision}?blobs=true} says. */
    public record ModelRepo(String id, String sha, List<ModelFile> files) {}

    /** A client for {@code HF_ENDPOINT} (default: the public Hub) with {@code HF_TOKEN}, both read through {@code env}. */
    public static HubClient fromEnvironment(Function<String, String> env) {
        return new HubClient(env.apply("HF_ENDPOINT"), env.apply("HF_TOKEN"));
    }

    public HubClient(String endpoint, String token) {
        String e = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint.strip();
        HttpUrl url = HttpUrl.parse(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
        if (url == null) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "HF_ENDPOINT \"" + e + "\" is not an http(s) URL",
                    "Set HF_ENDPOINT to the Hub's base URL, e.g. " + DEFAULT_ENDPOINT);
        }
        this.endpoint = url;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(20))
                .readTimeout(Duration.ofSeconds(60))
                .followRedirects(true)
                .followSslRedirects(true)
                .build();
    }

    public String endpoint() {
        return endpoint.toString();
    }

    public static String checkRepoId(String id) {
        if (id == null || !REPO_ID.matcher(id).matches() || id.contains("..")) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "\"" + id + "\" is not a Hugging Face dataset name",
                    "Use the dataset's id as the Hub shows it, e.g. \"mteb/free-spoken-digit-dataset\" or \"mnist\"");
        }
        return id;
    }

    public DatasetInfo info(String repoId, String revision) {
        HttpUrl.Builder url = api(repoId);
        if (revision != null) {
            url.addPathSegment("revision").addPathSegment(revision);
        }
        JsonNode n = getJson(url.addQueryParameter("blobs", "true").build(), repoId);
        List<RepoFile> files = new ArrayList<>();
        for (JsonNode s : n.path("siblings")) {
            String name = s.path("rfilename").asText(null);
            if (name != null) {
                long size = s.path("lfs").path("size").asLong(s.path("size").asLong(-1));
                files.add(new RepoFile(name, size));
            }
        }
        return new DatasetInfo(
                n.path("id").asText(repoId), n.path("sha").asText(revision == null ? "main" : revision), files);
    }

    /** The Hub's parquet export: config → split → file URLs (empty when the Hub has none). */
    public Map<String, Map<String, List<String>>> parquetExport(String repoId) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        JsonNode n;
        try {
            n = getJson(api(repoId).addPathSegment("parquet").build(), repoId);
        } catch (IngestError e) {
            if (e.code() == ErrorCode.INGEST_FILE_NOT_FOUND) {
                return out;
            }
            throw e;
        }
        n.properties().forEach(config -> {
            Map<String, List<String>> splits = new LinkedHashMap<>();
            config.getValue().properties().forEach(split -> {
                List<String> urls = new ArrayList<>();
                split.getValue().forEach(u -> urls.add(u.asText()));
                splits.put(split.getKey(), urls);
            });
            out.put(config.getKey(), splits);
        });
        return out;
    }

    /** {@code {endpoint}/datasets/{id}/resolve/{revision}/{path}} */
    public String resolveUrl(String repoId, String revision, String path) {
        HttpUrl.Builder b = endpoint.newBuilder().addPathSegment("datasets");
        for (String part : repoId.split("/")) {
            b.addPathSegment(part);
        }
        b.addPathSegment("resolve").addPathSegment(revision);
        for (String part : path.split("/")) {
            b.addPathSegment(part);
        }
        return b.build().toString();
    }

    /**
     * Downloads a URL (following redirects) to {@code target}, through a temporary file moved into place once
     * complete. Returns false when cancelled (nothing is left behind).
     */
    public boolean download(String url, Path target, String repoId, FormatContext context) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_FAILED,
                    "The Hub listed a file URL that is not valid: " + url,
                    "Check HF_ENDPOINT");
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (Response r = http.newCall(request(u)).execute()) {
                check(r, repoId, u);
                ResponseBody body = r.body();
                try (InputStream in = body.byteStream();
                        OutputStream out = Files.newOutputStream(part)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (context.isCancelled()) {
                            return false;
                        }
                        out.write(buf, 0, n);
                        context.bytesRead(n);
                    }
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (InterruptedIOException e) {
            throw unreachable(u, e);
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_FAILED,
                    "Cannot download " + u + " to " + target + ": " + e.getMessage(),
                    "Check the network and the free space of the data directory",
                    e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part file is overwritten by the next download
            }
        }
    }

    /** A model repository at a revision (branch, tag or commit) with its files and their checksums. */
    public ModelRepo model(String repoId, String revision) {
        checkRepoId(repoId);
        HttpUrl.Builder url = endpoint.newBuilder().addPathSegment("api").addPathSegment("models");
        for (String part : repoId.split("/")) {
            url.addPathSegment(part);
        }
        url.addPathSegment("revision").addPathSegment(revision == null ? "main" : revision);
        JsonNode n = getJson(url.addQueryParameter("blobs", "true").build(), "model", repoId);
        List<ModelFile> files = new ArrayList<>();
        for (JsonNode s : n.path("siblings")) {
            String name = s.path("rfilename").asText(null);
            if (name != null) {
                JsonNode lfs = s.path("lfs");
                files.add(new ModelFile(
                        name,
                        lfs.path("size").asLong(s.path("size").asLong(-1)),
                        lfs.path("sha256").asText(null),
                        s.path("blobId").asText(null)));
            }
        }
        return new ModelRepo(
                n.path("id").asText(repoId), n.path("sha").asText(revision == null ? "main" : revision), files);
    }

    /** {@code {endpoint}/{id}/resolve/{revision}/{path}} */
    public String modelFileUrl(String repoId, String revision, String path) {
        HttpUrl.Builder b = endpoint.newBuilder();
        for (String part : repoId.split("/")) {
            b.addPathSegment(part);
        }
        b.addPathSegment("resolve").addPathSegment(revision);
        for (String part : path.split("/")) {
            b.addPathSegment(part);
        }
        return b.build().toString();
    }

    /**
     * Appends the bytes of {@code url} that {@code part} does not have yet (a range request from its length; a
     * server that ignores ranges sends everything and the file starts over). Returns false when cancelled; what
     * arrived stays in {@code part} for the next call.
     */
    public boolean fetchResumable(
            String url, Path part, String repoId, LongConsumer bytesRead, BooleanSupplier cancelled) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            throw new IngestError(ErrorCode.INGEST_FILE_FAILED, "Not a valid file URL: " + url, "Check HF_ENDPOINT");
        }
        try {
            Files.createDirectories(part.getParent());
            long have = Files.exists(part) ? Files.size(part) : 0;
            Request.Builder req = request(u).newBuilder();
            if (have > 0) {
                req.header("Range", "bytes=" + have + "-");
            }
            try (Response r = http.newCall(req.build()).execute()) {
                if (r.code() == 416) {
                    return true; // the part is already whole
                }
                check(r, "model", repoId, u);
                boolean append = have > 0 && r.code() == 206;
                try (InputStream in = r.body().byteStream();
                        OutputStream out = append
                                ? Files.newOutputStream(part, StandardOpenOption.APPEND)
                                : Files.newOutputStream(part)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (cancelled.getAsBoolean()) {
                            return false;
                        }
                        out.write(buf, 0, n);
                        bytesRead.accept(n);
                    }
                }
            }
            return true;
        } catch (InterruptedIOException e) {
            throw unreachable(u, e);
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_FAILED,
                    "The download of " + u + " broke off: " + e.getMessage(),
                    "Run the same command again: it resumes where it stopped",
                    e);
        }
    }

    private HttpUrl.Builder api(String repoId) {
        HttpUrl.Builder b = endpoint.newBuilder().addPathSegment("api").addPathSegment("datasets");
        for (String part : checkRepoId(repoId).split("/")) {
            b.addPathSegment(part);
        }
        return b;
    }

    private Request request(HttpUrl url) {
        Request.Builder b = new Request.Builder().url(url).header("User-Agent", "lakebench");
        if (token != null && url.host().equals(endpoint.host())) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private JsonNode getJson(HttpUrl url, String repoId) {
        return getJson(url, "dataset", repoId);
    }

    private JsonNode getJson(HttpUrl url, String kind, String repoId) {
        try (Response r = http.newCall(request(url)).execute()) {
            check(r, kind, repoId, url);
            return MAPPER.readTree(r.body().byteStream());
        } catch (IngestError e) {
            throw e;
        } catch (IOException e) {
            throw unreachable(url, e);
        }
    }

    private void check(Response r, String repoId, HttpUrl url) {
        check(r, "dataset", repoId, url);
    }

    /** {@code kind}: "dataset" or "model", as the messages name the repository. */
    private void check(Response r, String kind, String repoId, HttpUrl url) {
        if (r.isSuccessful()) {
            return;
        }
        String code = r.header("X-Error-Code", "");
        String message = r.header("X-Error-Message", "");
        int status = r.code();
        if (status == 401 && !"GatedRepo".equals(code) || status == 404 && "RepoNotFound".equals(code)) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "Hugging Face " + kind + " \"" + repoId + "\" was not found on " + endpoint
                            + (token == null ? " (or it is private)" : " or the token in HF_TOKEN cannot read it"),
                    token == null
                            ? "Check the " + kind + " name; for a private " + kind + " set HF_TOKEN"
                            : "Check the " + kind + " name and that the HF_TOKEN token has access to it");
        }
        if (status == 403 || "GatedRepo".equals(code)) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_FAILED,
                    "Hugging Face " + kind + " \"" + repoId + "\" is gated or refused" + " this request"
                            + (message.isEmpty() ? "" : ": " + message),
                    "Accept the " + kind + "'s conditions on the Hub and set HF_TOKEN to a token of that account");
        }
        if (status == 404) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_NOT_FOUND,
                    "Not found on the Hub: " + url + (message.isEmpty() ? "" : " (" + message + ")"),
                    "Check the " + kind + " name, revision and files");
        }
        throw new IngestError(
                ErrorCode.INGEST_FILE_FAILED,
                "The Hub answered HTTP " + status + " for " + url + (message.isEmpty() ? "" : ": " + message),
                status >= 500 ? "Try again later" : "Check the request");
    }

    private IngestError unreachable(HttpUrl url, IOException e) {
        return new IngestError(
                ErrorCode.INGEST_FILE_FAILED,
                "Cannot reach the Hugging Face Hub at " + url.scheme() + "://" + url.host() + ":" + url.port() + ": "
                        + e.getMessage(),
                "Check the network connection, or set HF_ENDPOINT to a reachable Hub mirror",
                e);
    }
}
