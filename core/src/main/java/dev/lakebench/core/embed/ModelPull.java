package dev.lakebench.core.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Cancellation;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.hub.HubClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Downloads a model repository from the Hugging Face Hub into the models folder: only what Lakebench runs (the
 * ONNX encoders, quantized ones preferred, and the small JSON/text files beside them), each file resumed by range
 * after a cut, checked against the Hub's checksum (LFS SHA-256 or git blob id) and moved into place whole. The
 * manifest is written last, so a model is usable only once every file is complete and verified.
 */
public final class ModelPull {

    /** Progress of a pull: bytes done of the total, and the file being fetched. */
    public interface Listener {
        void onProgress(long bytesDone, long bytesTotal, String file);
    }

    private final HubClient hub;
    private final ModelStore store;

    public ModelPull(HubClient hub, ModelStore store) {
        this.hub = hub;
        this.store = store;
    }

    /** Pulls {@code repo} at {@code revision} (null: main); returns the installed model, or empty when cancelled. */
    public Optional<ModelInfo> pull(String repo, String revision, Listener listener, Cancellation cancellation) {
        return pull(repo, revision, null, listener, cancellation);
    }

    /**
     * Pulls as {@link #pull(String, String, Listener, Cancellation)} does; {@code prompts}, when not null, are
     * written into the manifest and replace the prompts the repository declares (or lacks).
     */
    public Optional<ModelInfo> pull(
            String repo, String revision, Prompts prompts, Listener listener, Cancellation cancellation) {
        String rev = revision == null || revision.isBlank() ? "main" : revision;
        String folder = ModelFolder.folderName(repo);
        if (folder == null || !repo.contains("/")) {
            throw new ModelError(
                    ErrorCode.MODEL_NOT_FOUND,
                    "\"" + repo + "\" is not a Hugging Face model repository",
                    "Name it as owner/name, e.g. Xenova/clip-vit-base-patch32");
        }
        HubClient.ModelRepo info;
        try {
            info = hub.model(repo, rev);
        } catch (dev.lakebench.core.client.ManagedServiceError e) {
            throw new ModelError(ErrorCode.MODEL_NOT_FOUND, e.problem(), e.hint(), e);
        }
        List<HubClient.ModelFile> files = select(repo, info.files());
        Path dir = store.models().modelsDir().resolve(folder);
        Path manifest = dir.resolve(ModelFolder.MANIFEST);
        long total = files.stream().mapToLong(f -> Math.max(0, f.size())).sum();
        AtomicLong done = new AtomicLong();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(manifest); // a model being replaced is not used half-way
            store.models().unload(repo);
            for (HubClient.ModelFile f : files) {
                Path target = dir.resolve(f.path()).normalize();
                if (!target.startsWith(dir)) {
                    throw new ModelError(
                            ErrorCode.MODEL_INVALID,
                            "The Hub listed a file outside the model folder: " + f.path(),
                            "Check HF_ENDPOINT");
                }
                if (Files.isRegularFile(target) && verified(target, f)) {
                    done.addAndGet(Math.max(0, f.size()));
                    listener.onProgress(done.get(), total, f.path());
                    continue;
                }
                Path part = target.resolveSibling(target.getFileName() + ".part");
                if (Files.exists(part)) {
                    done.addAndGet(Files.size(part));
                }
                boolean complete;
                try {
                    complete = hub.fetchResumable(
                            hub.modelFileUrl(repo, info.sha(), f.path()),
                            part,
                            repo,
                            n -> listener.onProgress(done.addAndGet(n), total, f.path()),
                            cancellation::isCancelled);
                } catch (dev.lakebench.core.client.ManagedServiceError e) {
                    throw new ModelError(ErrorCode.MODEL_INVALID, e.problem(), e.hint(), e);
                }
                if (!complete) {
                    return Optional.empty();
                }
                if (!verified(part, f)) {
                    Files.deleteIfExists(part);
                    throw new ModelError(
                            ErrorCode.MODEL_INVALID,
                            "The download of " + f.path() + " of " + repo + " does not match the Hub's checksum",
                            "Run the same command again to download it anew");
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            writeManifest(dir, repo, info.sha(), rev, files, prompts);
        } catch (IOException e) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Cannot write model " + repo + " into " + dir + ": " + e.getMessage(),
                    "Check the free space of the data directory",
                    e);
        }
        try {
            store.models().get(repo); // a model that does not load is removed rather than listed
        } catch (ModelError e) {
            ModelFolder.delete(dir);
            throw e;
        }
        return ModelFolder.describe(dir);
    }

    /**
     * The files Lakebench needs: encoders (quantized preferred, no fp16 or other precisions), small config files at
     * the root (among them the sentence-transformers {@value Prompts#CONFIG} with the model's prompts) and the
     * sentence-transformers pooling config.
     */
    static List<HubClient.ModelFile> select(String repo, List<HubClient.ModelFile> all) {
        List<HubClient.ModelFile> out = new ArrayList<>();
        Predicate<String> has = p -> all.stream().anyMatch(f -> f.path().equals(p));
        List<String> wanted = new ArrayList<>();
        for (String tower : List.of("text_model", "vision_model", "model")) {
            for (String dir : List.of("onnx/", "")) {
                if (has.test(dir + tower + "_quantized.onnx")) {
                    wanted.add(dir + tower + "_quantized.onnx");
                    break;
                }
                if (has.test(dir + tower + ".onnx")) {
                    wanted.add(dir + tower + ".onnx");
                    break;
                }
            }
        }
        boolean clip = wanted.stream().anyMatch(w -> w.contains("text_model"))
                && wanted.stream().anyMatch(w -> w.contains("vision_model"));
        if (clip) {
            wanted.removeIf(w -> w.endsWith("/model.onnx")
                    || w.equals("model.onnx")
                    || w.endsWith("model_quantized.onnx") && !w.contains("text_model") && !w.contains("vision_model"));
        } else {
            wanted.removeIf(w -> w.contains("text_model") || w.contains("vision_model"));
        }
        if (wanted.isEmpty()) {
            throw new ModelError(
                    ErrorCode.MODEL_INVALID,
                    "Model repository " + repo + " has no ONNX export",
                    "Pull a repository with onnx/model.onnx (a sentence encoder) or onnx/text_model.onnx and onnx/vision_model.onnx (CLIP)");
        }
        for (HubClient.ModelFile f : all) {
            boolean small = !f.path().contains("/")
                    && (f.path().endsWith(".json") || f.path().endsWith(".txt"))
                    && f.size() < (64L << 20);
            if (wanted.contains(f.path())
                    || small
                    || f.path().equals(ModelFolder.POOLING_CONFIG)
                    || f.path().equals(Prompts.CONFIG)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean verified(Path file, HubClient.ModelFile f) throws IOException {
        if (f.size() >= 0 && Files.size(file) != f.size()) {
            return false;
        }
        try {
            if (f.sha256() != null) {
                return f.sha256().equalsIgnoreCase(digest(file, "SHA-256", null));
            }
            if (f.gitBlobId() != null) {
                byte[] header = ("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII);
                return f.gitBlobId().equalsIgnoreCase(digest(file, "SHA-1", header));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return f.size() >= 0;
    }

    private static String digest(Path file, String algorithm, byte[] prefix)
            throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance(algorithm);
        if (prefix != null) {
            md.update(prefix);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void writeManifest(
            Path dir, String repo, String sha, String revision, List<HubClient.ModelFile> files, Prompts prompts)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode()
                .put("repo", repo)
                .put("revision", revision)
                .put("commit", sha);
        if (prompts != null) {
            m.putObject("prompts").put("query", prompts.query()).put("document", prompts.document());
        }
        ArrayNode a = m.putArray("files");
        for (HubClient.ModelFile f : files) {
            a.addObject()
                    .put("path", f.path())
                    .put("size", f.size())
                    .put("sha256", f.sha256())
                    .put("git_blob_id", f.gitBlobId());
        }
        Path tmp = dir.resolve(ModelFolder.MANIFEST + ".tmp");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Files.move(
                tmp,
                dir.resolve(ModelFolder.MANIFEST),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
