package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.hub.HubClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a dataset's parquet files on the Hub and brings them into the local cache: the repository's own
 * {@code .parquet} files when it has some (split from the file name, {@code test-00000-of-00001.parquet} →
 * test), else the Hub's parquet export of one config. Files are cached per commit under
 * {@code <cache>/datasets/<owner>/<name>/<sha>/}, so a second ingest of the same revision downloads nothing.
 */
final class HubSnapshot {

    /** One parquet file of a split, on local disk. */
    record Shard(String split, Path file, String source) {}

    private static final Pattern SHARD = Pattern.compile("([A-Za-z0-9_.]+?)[-_]\\d{5}-of-\\d{5}\\.parquet");
    private static final Pattern PLAIN = Pattern.compile("([A-Za-z0-9_]+)(?:[-_][A-Za-z0-9_]+)*\\.parquet");
    private static final Set<String> SPLIT_NAMES = Set.of("train", "test", "validation", "valid", "dev", "eval");

    private HubSnapshot() {}

    /** The shards to ingest, downloaded; null when cancelled while downloading. */
    static List<Shard> fetch(
            HubClient hub,
            String repoId,
            String config,
            String split,
            String revision,
            Path cacheRoot,
            FormatContext context) {
        HubClient.DatasetInfo info = hub.info(repoId, revision);
        Path snapshot = cacheDir(cacheRoot, repoId).resolve(safe(info.sha()));
        List<Candidate> candidates = repoFiles(hub, repoId, info, config);
        if (candidates.isEmpty()) {
            candidates = exportFiles(hub, repoId, config, context);
        }
        if (candidates.isEmpty()) {
            throw new IngestError(
                    ErrorCode.INGEST_NO_DATA,
                    "Hugging Face dataset \"" + repoId + "\" has no parquet files,"
                            + " neither in its repository nor in the Hub's parquet export",
                    "Ingest a dataset published as parquet");
        }
        if (split != null) {
            Set<String> splits = new LinkedHashSet<>();
            candidates.forEach(c -> splits.add(c.split()));
            candidates =
                    candidates.stream().filter(c -> c.split().equals(split)).toList();
            if (candidates.isEmpty()) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "Hugging Face dataset \"" + repoId + "\" has no split \"" + split + "\"",
                        "Use one of: " + String.join(", ", splits));
            }
        }
        List<Shard> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Path target;
            try {
                target = SourceFiles.inside(snapshot, c.cachePath());
            } catch (SourceException e) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "The Hub listed a file path that leaves the cache folder: " + c.cachePath(),
                        "Check HF_ENDPOINT: a real Hub never does this");
            }
            context.currentSource(c.source());
            if (!cached(target, c.size())) {
                if (!hub.download(c.url(), target, repoId, context)) {
                    return null;
                }
                if (!isParquet(target)) {
                    deleteQuietly(target);
                    throw new IngestError(
                            ErrorCode.INGEST_FILE_FAILED,
                            "The Hub sent something that is not a parquet file for " + c.source() + " of dataset \""
                                    + repoId + "\" (from " + c.url() + ")",
                            "Try again; if it persists, check HF_ENDPOINT (a proxy may answer instead of the Hub)");
                }
            }
            out.add(new Shard(c.split(), target, c.source()));
        }
        return out;
    }

    private record Candidate(String split, String url, String cachePath, long size, String source) {}

    private static List<Candidate> repoFiles(HubClient hub, String repoId, HubClient.DatasetInfo info, String config) {
        List<Candidate> out = new ArrayList<>();
        for (HubClient.RepoFile f : info.files()) {
            String path = f.path();
            if (!path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                continue;
            }
            List<String> parts = List.of(path.split("/"));
            if (config != null && !parts.subList(0, parts.size() - 1).contains(config)) {
                continue;
            }
            out.add(new Candidate(splitOf(parts), hub.resolveUrl(repoId, info.sha(), path), path, f.size(), path));
        }
        out.sort(Comparator.comparing(Candidate::cachePath));
        return out;
    }

    /** The split a repository file belongs to, from its name or its folder; train when neither says. */
    static String splitOf(List<String> parts) {
        String name = parts.get(parts.size() - 1);
        Matcher m = SHARD.matcher(name);
        if (m.matches()) {
            return m.group(1);
        }
        for (int i = parts.size() - 2; i >= 0; i--) {
            if (SPLIT_NAMES.contains(parts.get(i).toLowerCase(Locale.ROOT))) {
                return parts.get(i);
            }
        }
        m = PLAIN.matcher(name);
        if (m.matches() && SPLIT_NAMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return m.group(1);
        }
        return "train";
    }

    private static List<Candidate> exportFiles(HubClient hub, String repoId, String config, FormatContext context) {
        Map<String, Map<String, List<String>>> export = hub.parquetExport(repoId);
        if (export.isEmpty()) {
            return List.of();
        }
        String chosen = config;
        if (chosen == null) {
            chosen = export.containsKey("default")
                    ? "default"
                    : export.keySet().iterator().next();
            if (export.size() > 1) {
                context.warning("Hugging Face dataset \"" + repoId + "\" has " + export.size() + " configs ("
                        + String.join(", ", export.keySet()) + "); ingested \"" + chosen + "\"");
            }
        } else if (!export.containsKey(chosen)) {
            throw new IngestError(
                    ErrorCode.INGEST_BAD_DATA,
                    "Hugging Face dataset \"" + repoId + "\" has no config \"" + chosen + "\"",
                    "Use one of: " + String.join(", ", export.keySet()));
        }
        List<Candidate> out = new ArrayList<>();
        for (var split : export.get(chosen).entrySet()) {
            int n = 0;
            for (String url : split.getValue()) {
                String file = String.format(Locale.ROOT, "%04d.parquet", n++);
                out.add(new Candidate(
                        split.getKey(),
                        url,
                        ".parquet-export/" + chosen + "/" + split.getKey() + "/" + file,
                        -1,
                        chosen + "/" + split.getKey() + "/" + file));
            }
        }
        return out;
    }

    /** A complete earlier download: the expected size (when known) and parquet's magic bytes. */
    private static boolean cached(Path file, long size) {
        try {
            return Files.isRegularFile(file) && (size < 0 || Files.size(file) == size) && isParquet(file);
        } catch (IOException e) {
            return false;
        }
    }

    /** Parquet files start and end with "PAR1". */
    static boolean isParquet(Path file) {
        try (var ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size < 12) {
                return false;
            }
            ByteBuffer head = ByteBuffer.allocate(4);
            ByteBuffer tail = ByteBuffer.allocate(4);
            ch.read(head);
            ch.position(size - 4).read(tail);
            return new String(head.array(), StandardCharsets.US_ASCII).equals("PAR1")
                    && new String(tail.array(), StandardCharsets.US_ASCII).equals("PAR1");
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next ingest finds it invalid and downloads again
        }
    }

    static Path cacheDir(Path cacheRoot, String repoId) {
        Path dir = cacheRoot.resolve("datasets");
        for (String part : repoId.split("/")) {
            dir = dir.resolve(safe(part));
        }
        return dir;
    }

    private static String safe(String s) {
        String out = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return out.isEmpty() || out.equals(".") || out.equals("..") ? "_" : out;
    }
}
