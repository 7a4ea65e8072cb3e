package dev.lakebench.core.ingest.formats;

import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.schema.ColumnType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * COCO detection with captions: one row per image of the instances file — {@code coco_image_id}, {@code image}
 * (the file's bytes, IMAGE), {@code mask} (SEGMENT_MASK: a grayscale PNG holding each pixel's category id,
 * painted from the polygons and run-length encodings, crowd regions included, later annotations over earlier
 * ones), {@code width}, {@code height}, {@code filename}, {@code captions} (JSON list of strings),
 * {@code annotations} (JSON list of {@code id, bbox, category_id, area, iscrowd}), {@code categories} (JSON list of
 * the categories the image's annotations use) and {@code num_objects}.
 *
 * <p>Images missing on disk, unreadable, or whose file name would leave the images folder are skipped and
 * reported as failures; the other rows land. Masks are rendered on a small named pool.
 */
public final class Coco implements Format {

    public static final int DEFAULT_BATCH_SIZE = 100;

    static final List<String> COLUMNS = List.of(
            "coco_image_id",
            "image",
            "mask",
            "width",
            "height",
            "filename",
            "captions",
            "annotations",
            "categories",
            "num_objects");

    private final Path imagesDir;
    private final Path instances;
    private final Path captions;
    private final int batchSize;
    private final int maxImages;
    private final int threads;
    private CocoInstances parsed;

    private Coco(Builder b) {
        this.imagesDir = SourceFiles.folder(b.imagesDir, "COCO images folder");
        if (b.instances != null) {
            this.instances = SourceFiles.file(b.instances, "COCO instances file");
            this.captions = b.captions == null ? null : SourceFiles.file(b.captions, "COCO captions file");
        } else if (b.annotationsDir != null) {
            Path dir = SourceFiles.folder(b.annotationsDir, "COCO annotations folder");
            this.instances = find(dir, "instances_", imagesDir, true);
            this.captions = b.captions != null
                    ? SourceFiles.file(b.captions, "COCO captions file")
                    : find(dir, "captions_", imagesDir, false);
        } else {
            // the COCO layout: images in train2017/ (or val2017/), annotations in ../annotations beside them
            Path dir = imagesDir.toAbsolutePath().normalize().resolveSibling("annotations");
            if (!Files.isDirectory(dir)) {
                throw new IngestError(
                        ErrorCode.INGEST_BAD_DATA,
                        "No COCO annotations were given, and there is no folder " + dir,
                        "Pass the annotations folder or the instances_*.json file (Coco.builder(images).annotationsDir(dir))");
            }
            this.instances = find(dir, "instances_", imagesDir, true);
            this.captions = b.captions != null
                    ? SourceFiles.file(b.captions, "COCO captions file")
                    : find(dir, "captions_", imagesDir, false);
        }
        this.batchSize = b.batchSize;
        this.maxImages = b.maxImages;
        this.threads = b.threads;
    }

    /** Images of {@code imagesDir} with the instances (and captions, if present) found in {@code annotationsDir}. */
    public Coco(Path imagesDir, Path annotationsDir) {
        this(builder(imagesDir).annotationsDir(annotationsDir));
    }

    public static Builder builder(Path imagesDir) {
        return new Builder(imagesDir);
    }

    /**
     * Options of a COCO ingest. The annotations come from {@code instances}, else {@code annotationsDir}, else
     * the folder {@code annotations} beside the images folder (as the command line defaults).
     */
    public static final class Builder {
        private final Path imagesDir;
        private Path annotationsDir;
        private Path instances;
        private Path captions;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxImages = Integer.MAX_VALUE;
        private int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

        private Builder(Path imagesDir) {
            this.imagesDir = imagesDir;
        }

        /** A folder holding {@code instances_<split>.json} and optionally {@code captions_<split>.json}. */
        public Builder annotationsDir(Path dir) {
            this.annotationsDir = dir;
            return this;
        }

        public Builder instances(Path file) {
            this.instances = file;
            return this;
        }

        public Builder captions(Path file) {
            this.captions = file;
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = FormatArgs.positive("batchSize", n);
            return this;
        }

        /** Only the first {@code n} images of the instances file. */
        public Builder maxImages(int n) {
            this.maxImages = FormatArgs.positive("maxImages", n);
            return this;
        }

        /** Threads rendering masks (default: up to 4). */
        public Builder threads(int n) {
            this.threads = FormatArgs.positive("threads", n);
            return this;
        }

        public Coco build() {
            return new Coco(this);
        }
    }

    /**
     * {@code <prefix><split>.json} in the folder: the split named like the images folder (val2017), else the only
     * file with the prefix.
     */
    private static Path find(Path dir, String prefix, Path imagesDir, boolean required) {
        Path exact = dir.resolve(prefix + imagesDir.getFileName() + ".json");
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.json")) {
            ds.forEach(found::add);
        } catch (IOException e) {
            throw new IngestError(
                    ErrorCode.INGEST_FILE_FAILED,
                    "Cannot list " + dir + ": " + e.getMessage(),
                    "Check that the annotations folder is readable");
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (!required) {
            return null;
        }
        throw new IngestError(
                ErrorCode.INGEST_FILE_NOT_FOUND,
                found.isEmpty()
                        ? "No " + prefix + "*.json file in " + dir
                        : "Several " + prefix + "*.json files in " + dir + " and none named " + exact.getFileName()
                                + ": " + found,
                "Pass the instances file explicitly (Coco.builder(images).instances(file))");
    }

    private synchronized CocoInstances parsed() {
        if (parsed == null) {
            parsed = CocoInstances.read(instances, captions);
        }
        return parsed;
    }

    private List<CocoInstances.Image> images() {
        List<CocoInstances.Image> all = parsed().images;
        return all.size() > maxImages ? all.subList(0, maxImages) : all;
    }

    @Override
    public Stream<Map<String, List<?>>> normalize() {
        return normalize(FormatContext.logging());
    }

    @Override
    public Stream<Map<String, List<?>>> normalize(FormatContext context) {
        CocoInstances data = parsed();
        return RowBatches.stream(
                COLUMNS,
                batchSize,
                images().iterator(),
                img -> row(data, img, context),
                context,
                threads,
                "coco-masks");
    }

    private Object[] row(CocoInstances data, CocoInstances.Image img, FormatContext context) throws SourceException {
        Path file = SourceFiles.inside(imagesDir, img.fileName());
        byte[] bytes = SourceFiles.read(file);
        int width = img.width();
        int height = img.height();
        if (width <= 0 || height <= 0) {
            int[] size = ImageSize.of(bytes, file.toString());
            width = size[0];
            height = size[1];
        }
        List<CocoInstances.Annotation> anns = data.annotationsOf(img.id());
        LabelMask mask = new LabelMask(width, height);
        Set<Integer> used = new LinkedHashSet<>();
        for (CocoInstances.Annotation a : anns) {
            used.add(a.categoryId());
            if (a.polygons() != null) {
                for (double[] poly : a.polygons()) {
                    mask.fillPolygon(poly, a.categoryId());
                }
            } else if (a.rle() != null) {
                if (a.rle().height() != height || a.rle().width() != width) {
                    context.warning("Annotation " + a.id() + " of image " + img.id() + " has an RLE of "
                            + a.rle().width() + "x" + a.rle().height() + " on a " + width + "x" + height
                            + " image; left out of the mask");
                    continue;
                }
                try {
                    mask.paintRle(a.rle().decoded(), a.categoryId());
                } catch (IllegalArgumentException e) {
                    context.warning("Annotation " + a.id() + " of image " + img.id() + " has a bad RLE ("
                            + e.getMessage() + "); left out of the mask");
                }
            }
        }
        return new Object[] {
            img.id(),
            bytes,
            mask.toPng(),
            width,
            height,
            img.fileName(),
            Json.write(data.captions.getOrDefault(img.id(), List.of())),
            CocoInstances.annotationsJson(anns),
            CocoInstances.categoriesJson(data.categories, used),
            anns.size()
        };
    }

    @Override
    public Map<String, ColumnType> schema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        out.put("coco_image_id", ColumnType.INT64);
        out.put("width", ColumnType.INT32);
        out.put("height", ColumnType.INT32);
        out.put("filename", ColumnType.TEXT);
        out.put("captions", ColumnType.TEXT);
        out.put("annotations", ColumnType.TEXT);
        out.put("categories", ColumnType.TEXT);
        out.put("num_objects", ColumnType.INT32);
        return out;
    }

    @Override
    public Map<String, ColumnType> pgSchema() {
        return CocoInstances.imageAndMaskTypes();
    }

    @Override
    public long estimatedRows() {
        return images().size();
    }
}
