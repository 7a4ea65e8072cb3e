package dev.lakebench.app.cli;

import dev.lakebench.core.client.Format;
import dev.lakebench.core.ingest.formats.Coco;
import dev.lakebench.core.ingest.formats.CocoPanoptic;
import dev.lakebench.core.ingest.formats.LeRobotEpisodes;
import dev.lakebench.core.ingest.formats.LeRobotFrames;
import dev.lakebench.core.ingest.formats.LeRobotTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The ingest sources besides column data: a dataset format ({@code --format NAME --path DIR} with its options)
 * or a Hugging Face dataset ({@code --huggingface NAME}). Mixed into {@code lakebench ingest}.
 */
final class FormatSource {

    static final List<String> FORMATS =
            List.of("coco", "coco-panoptic", "lerobot-tasks", "lerobot-frames", "lerobot-episodes");

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Dataset format: coco, coco-panoptic, lerobot-tasks, lerobot-frames, lerobot-episodes.")
    String format;

    @Option(
            names = "--path",
            paramLabel = "DIR",
            description = "The format's folder: COCO images folder, or LeRobot dataset root.")
    Path path;

    @Option(
            names = "--annotations",
            paramLabel = "DIR|FILE",
            description = "COCO: annotations folder or instances_*.json (default: ../annotations next to --path);"
                    + " coco-panoptic: the panoptic JSON.")
    Path annotations;

    @Option(
            names = "--captions",
            paramLabel = "FILE",
            description = "COCO: captions_*.json (default: found next to the instances).")
    Path captions;

    @Option(names = "--masks", paramLabel = "DIR", description = "coco-panoptic: folder of the panoptic PNG masks.")
    Path masks;

    @Option(names = "--max-images", paramLabel = "N", description = "COCO: only the first N images.")
    Integer maxImages;

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per batch the format produces.")
    Integer batchSize;

    @Option(
            names = "--chunk-start",
            paramLabel = "N",
            defaultValue = "0",
            description = "LeRobot: first chunk (default 0).")
    long chunkStart;

    @Option(
            names = "--chunk-end",
            paramLabel = "N",
            defaultValue = "-1",
            description = "LeRobot: last chunk, inclusive (default: the last).")
    long chunkEnd;

    @Option(
            names = "--huggingface",
            paramLabel = "NAME",
            description = "A Hugging Face dataset, e.g. mteb/free-spoken-digit-dataset"
                    + " (HF_ENDPOINT and HF_TOKEN from the environment).")
    String huggingface;

    @Option(names = "--split", paramLabel = "SPLIT", description = "Hugging Face: one split only.")
    String split;

    @Option(names = "--config", paramLabel = "CONFIG", description = "Hugging Face: the dataset config.")
    String config;

    @Option(names = "--revision", paramLabel = "REV", description = "Hugging Face: branch, tag or commit.")
    String revision;

    boolean isSet() {
        return format != null || huggingface != null;
    }

    /** The format the options describe, or null without --format. */
    Format format(CommandLine cl) {
        if (format == null) {
            return null;
        }
        if (huggingface != null) {
            throw new CommandLine.ParameterException(cl, "Use --format or --huggingface, not both");
        }
        if (path == null) {
            throw new CommandLine.ParameterException(cl, "--format " + format + " needs --path DIR");
        }
        int batch = batchSize == null ? -1 : batchSize;
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "coco" -> coco(cl, batch);
            case "coco-panoptic" -> {
                if (masks == null || annotations == null) {
                    throw new CommandLine.ParameterException(
                            cl, "--format coco-panoptic needs --masks DIR and --annotations FILE");
                }
                yield new CocoPanoptic(path, masks, annotations, batch > 0 ? batch : CocoPanoptic.DEFAULT_BATCH_SIZE);
            }
            case "lerobot-tasks" -> new LeRobotTasks(path);
            case "lerobot-frames" ->
                new LeRobotFrames(path, chunkStart, chunkEnd, batch > 0 ? batch : LeRobotFrames.DEFAULT_BATCH_SIZE);
            case "lerobot-episodes" ->
                new LeRobotEpisodes(path, chunkStart, chunkEnd, batch > 0 ? batch : LeRobotEpisodes.DEFAULT_BATCH_SIZE);
            default ->
                throw new CommandLine.ParameterException(
                        cl, "Unknown format \"" + format + "\"; use one of " + String.join(", ", FORMATS));
        };
    }

    private Format coco(CommandLine cl, int batch) {
        Coco.Builder b = Coco.builder(path);
        Path ann = annotations;
        if (ann == null) {
            ann = path.toAbsolutePath().normalize().resolveSibling("annotations");
            if (!Files.isDirectory(ann)) {
                throw new CommandLine.ParameterException(
                        cl, "--format coco needs --annotations (no folder " + ann + ")");
            }
        }
        if (Files.isDirectory(ann)) {
            b.annotationsDir(ann);
        } else {
            b.instances(ann);
        }
        if (captions != null) {
            b.captions(captions);
        }
        if (maxImages != null) {
            b.maxImages(maxImages);
        }
        if (batch > 0) {
            b.batchSize(batch);
        }
        return b.build();
    }

    /** {@code {"_huggingface": [name], "_split": [...], ...}}, or null without --huggingface. */
    Map<String, List<?>> huggingfaceData() {
        if (huggingface == null) {
            return null;
        }
        Map<String, List<?>> data = new LinkedHashMap<>();
        data.put("_huggingface", List.of(huggingface));
        if (split != null) {
            data.put("_split", List.of(split));
        }
        if (config != null) {
            data.put("_config", List.of(config));
        }
        if (revision != null) {
            data.put("_revision", List.of(revision));
        }
        return data;
    }
}
