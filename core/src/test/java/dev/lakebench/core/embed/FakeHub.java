package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hugging Face Hub on loopback serving one model repository the way the real Hub does: the model info with
 * per-file sizes, LFS SHA-256 and git blob ids, and {@code /{repo}/resolve/{revision}/{path}} downloads that honour
 * {@code Range}. It can cut a download off midway, or serve wrong bytes, to test resuming and checksums.
 */
public final class FakeHub implements AutoCloseable {

    public static final String REPO = "test/tiny-clip";
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private final HttpServer server;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    /** Further repositories: name to files. */
    private final Map<String, Map<String, byte[]>> others = new java.util.concurrent.ConcurrentHashMap<>();

    public final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Downloads of this path are cut off after half the bytes, this many times. */
    public volatile String cutPath;

    public final AtomicInteger cuts = new AtomicInteger();
    /** Downloads of this path get different bytes than listed. */
    volatile String corruptPath;

    public FakeHub() throws IOException {
        Path dir = Path.of(System.getProperty("lakebench.testData")).getParent().resolve("models/tiny-clip");
        for (String f : List.of(
                "onnx/text_model.onnx",
                "onnx/vision_model.onnx",
                "preprocessor_config.json",
                "config.json",
                "tokenizer_config.json")) {
            files.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        try (InputStream tok = FakeHub.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            files.put("tokenizer.json", tok.readAllBytes());
        }
        files.put("pytorch_model.bin", new byte[1000]); // listed, never fetched
        files.put("onnx/text_model_fp16.onnx", new byte[500]);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves (or replaces) repository {@code repo} with {@code files}, at the same commit as the default one. */
    public FakeHub serve(String repo, Map<String, byte[]> repoFiles) {
        others.put(repo, new LinkedHashMap<>(repoFiles));
        return this;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path
                + (ex.getRequestHeaders().getFirst("Range") == null
                        ? ""
                        : " " + ex.getRequestHeaders().getFirst("Range")));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            authorizations.add(auth);
        }
        try {
            String repo = REPO;
            for (String r : others.keySet()) {
                if (path.startsWith("/api/models/" + r + "/") || path.startsWith("/" + r + "/")) {
                    repo = r;
                }
            }
            Map<String, byte[]> repoFiles = repo.equals(REPO) ? files : others.get(repo);
            if (path.equals("/api/models/" + repo + "/revision/main")
                    || path.equals("/api/models/" + repo + "/revision/" + COMMIT)) {
                send(ex, 200, info(repo, repoFiles), null);
            } else if (path.startsWith("/" + repo + "/resolve/" + COMMIT + "/")) {
                download(ex, repoFiles, path.substring(("/" + repo + "/resolve/" + COMMIT + "/").length()));
            } else {
                ex.getResponseHeaders().add("X-Error-Code", "RepoNotFound");
                send(ex, 404, "{\"error\":\"Repository not found\"}".getBytes(StandardCharsets.UTF_8), null);
            }
        } finally {
            ex.close();
        }
    }

    private static byte[] info(String repo, Map<String, byte[]> files) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode n = json.createObjectNode().put("id", repo).put("sha", COMMIT);
        ArrayNode siblings = n.putArray("siblings");
        for (var e : files.entrySet()) {
            ObjectNode s = siblings.addObject()
                    .put("rfilename", e.getKey())
                    .put("size", e.getValue().length)
                    .put(
                            "blobId",
                            hex(
                                    "SHA-1",
                                    ("blob " + e.getValue().length + "\0").getBytes(StandardCharsets.US_ASCII),
                                    e.getValue()));
            if (e.getKey().endsWith(".onnx") || e.getKey().endsWith(".bin")) {
                s.putObject("lfs")
                        .put("sha256", hex("SHA-256", new byte[0], e.getValue()))
                        .put("size", e.getValue().length);
            }
        }
        return json.writeValueAsBytes(n);
    }

    private void download(HttpExchange ex, Map<String, byte[]> files, String file) throws IOException {
        byte[] body = files.get(file);
        if (body == null) {
            send(ex, 404, new byte[0], null);
            return;
        }
        if (file.equals(corruptPath)) {
            body = body.clone();
            body[body.length / 2] ^= 0x5a;
        }
        int from = 0;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null && range.startsWith("bytes=")) {
            from = Integer.parseInt(range.substring(6, range.indexOf('-')));
        }
        if (file.equals(cutPath) && cuts.get() > 0) {
            cuts.decrementAndGet();
            ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
            OutputStream out = ex.getResponseBody();
            out.write(body, from, (body.length - from) / 2);
            out.flush();
            // closing the exchange now leaves the client with fewer bytes than promised
            return;
        }
        byte[] part = java.util.Arrays.copyOfRange(body, from, body.length);
        send(
                ex,
                from > 0 ? 206 : 200,
                part,
                from > 0 ? "bytes " + from + "-" + (body.length - 1) + "/" + body.length : null);
    }

    private static void send(HttpExchange ex, int status, byte[] body, String contentRange) throws IOException {
        if (contentRange != null) {
            ex.getResponseHeaders().add("Content-Range", contentRange);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String hex(String algorithm, byte[] prefix, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            md.update(prefix);
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
