package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A local stand-in for the Hugging Face Hub speaking its HTTP API: {@code GET /api/datasets/{id}[/revision/{rev}]}
 * (info with {@code siblings}), {@code GET /api/datasets/{id}/parquet} (the parquet export, {@code {config: {split:
 * [urls]}}}), {@code /api/datasets/{id}/parquet/{config}/{split}/{n}.parquet} and
 * {@code /datasets/{id}/resolve/{rev}/{path}} redirecting to a "CDN" on another host name, unknown or private
 * repositories answering 401 with {@code X-Error-Code: RepoNotFound}, as the Hub does.
 */
final class FakeHub implements AutoCloseable {

    static final String SHA = "0a024d9e15d26de568bc26e097620b61c32efe05";

    /** A repository: its files (path → bytes), whether it is private, and its parquet export (if any). */
    record Repo(Map<String, byte[]> files, boolean privateRepo, Map<String, Map<String, List<byte[]>>> export) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> cdn = new ConcurrentHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final String token;

    FakeHub(String token) throws IOException {
        this.token = token;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                try {
                    return handle(request);
                } catch (IOException e) {
                    return new MockResponse.Builder()
                            .code(500)
                            .body(e.toString())
                            .build();
                }
            }
        });
        server.start();
    }

    /** The Hub's base URL (for HF_ENDPOINT). */
    String endpoint() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    void add(String id, Repo repo) {
        repos.put(id, repo);
    }

    static byte[] fsddParquet() throws IOException {
        return Files.readAllBytes(TestData.fsdd().resolve("data/test-00000-of-00001.parquet"));
    }

    List<RecordedRequest> requestsTo(String pathPrefix) {
        return requests.stream()
                .filter(r -> r.getUrl().encodedPath().startsWith(pathPrefix))
                .toList();
    }

    private MockResponse handle(RecordedRequest r) throws IOException {
        String path = r.getUrl().encodedPath();
        if (path.startsWith("/cdn/")) {
            byte[] body = cdn.get(path);
            return body == null ? status(404, "EntryNotFound") : bytes(body);
        }
        if (path.startsWith("/api/datasets/")) {
            return api(r, path.substring("/api/datasets/".length()));
        }
        if (path.startsWith("/datasets/")) {
            return resolve(r, path.substring("/datasets/".length()));
        }
        return status(404, null);
    }

    private MockResponse api(RecordedRequest r, String rest) throws IOException {
        for (var e : repos.entrySet()) {
            String id = e.getKey();
            if (!rest.equals(id) && !rest.startsWith(id + "/")) {
                continue;
            }
            Repo repo = e.getValue();
            if (!authorised(r, repo)) {
                return status(401, "RepoNotFound");
            }
            String tail = rest.substring(id.length());
            if (tail.isEmpty() || tail.startsWith("/revision/")) {
                return json(info(id, repo));
            }
            if (tail.equals("/parquet")) {
                if (repo.export() == null) {
                    return status(404, null);
                }
                ObjectNode out = JSON.createObjectNode();
                repo.export().forEach((config, splits) -> {
                    ObjectNode c = out.putObject(config);
                    splits.forEach((split, files) -> {
                        ArrayNode urls = c.putArray(split);
                        for (int i = 0; i < files.size(); i++) {
                            urls.add(endpoint() + "/api/datasets/" + id + "/parquet/" + config + "/" + split + "/" + i
                                    + ".parquet");
                        }
                    });
                });
                return json(out);
            }
            if (tail.startsWith("/parquet/")) {
                // {config}/{split}/{n}.parquet → the file on the refs/convert/parquet branch
                String[] p = tail.substring("/parquet/".length()).split("/");
                int n = Integer.parseInt(p[2].replace(".parquet", ""));
                return redirect("/datasets/" + id + "/resolve/refs%2Fconvert%2Fparquet/" + p[0] + "/" + p[1] + "/"
                        + String.format("%04d.parquet", n));
            }
        }
        return status(401, "RepoNotFound");
    }

    private MockResponse resolve(RecordedRequest r, String rest) {
        for (var e : repos.entrySet()) {
            String id = e.getKey();
            if (!rest.startsWith(id + "/resolve/")) {
                continue;
            }
            if (!authorised(r, e.getValue())) {
                return status(401, "RepoNotFound");
            }
            String tail = rest.substring((id + "/resolve/").length());
            int slash = tail.indexOf('/');
            String revision = tail.substring(0, slash).replace("%2F", "/");
            String file = tail.substring(slash + 1);
            byte[] body;
            if (revision.equals("refs/convert/parquet")) {
                String[] p = file.split("/");
                var files = e.getValue().export().get(p[0]).get(p[1]);
                body = files.get(Integer.parseInt(p[2].replace(".parquet", "")));
            } else {
                body = e.getValue().files().get(file);
            }
            if (body == null) {
                return status(404, "EntryNotFound");
            }
            // like the Hub: LFS files redirect to a signed URL on another host
            String cdnPath = "/cdn/" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + cdn.size();
            cdn.put(cdnPath, body);
            String otherHost = server.getHostName().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
            return new MockResponse.Builder()
                    .code(302)
                    .addHeader(
                            "Location",
                            "http://" + otherHost + ":" + server.getPort() + cdnPath + "?X-Amz-Signature=fake")
                    .addHeader("X-Repo-Commit", SHA)
                    .addHeader("X-Linked-Size", body.length)
                    .build();
        }
        return status(401, "RepoNotFound");
    }

    private boolean authorised(RecordedRequest r, Repo repo) {
        return !repo.privateRepo() || ("Bearer " + token).equals(r.getHeaders().get("Authorization"));
    }

    private static ObjectNode info(String id, Repo repo) {
        ObjectNode n = JSON.createObjectNode();
        n.put("_id", "6560e6b4c0ffee0000000000")
                .put("id", id)
                .put("author", id.split("/")[0])
                .put("sha", SHA)
                .put("private", repo.privateRepo())
                .put("gated", false)
                .put("disabled", false);
        n.putArray("tags").add("format:parquet");
        ArrayNode siblings = n.putArray("siblings");
        siblings.addObject().put("rfilename", ".gitattributes").put("size", 2431);
        siblings.addObject().put("rfilename", "README.md").put("size", 512);
        repo.files().forEach((path, bytes) -> {
            ObjectNode s = siblings.addObject().put("rfilename", path).put("size", bytes.length);
            s.putObject("lfs")
                    .put("sha256", "0".repeat(64))
                    .put("size", bytes.length)
                    .put("pointerSize", 134);
        });
        return n;
    }

    private static MockResponse json(Object node) throws IOException {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(JSON.writeValueAsString(node))
                .build();
    }

    private static MockResponse bytes(byte[] b) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/octet-stream")
                .body(new Buffer().write(b))
                .build();
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder()
                .code(302)
                .addHeader("Location", location)
                .build();
    }

    private static MockResponse status(int code, String errorCode) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json");
        if (errorCode != null) {
            b.addHeader("X-Error-Code", errorCode);
        }
        return b.body(code == 401 ? "{\"error\":\"Repository not found\"}" : "{\"error\":\"Entry not found\"}")
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
