package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakebench.core.client.Format;
import dev.lakebench.core.client.FormatContext;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * COCO panoptic segmentation: one row per annotation of the panoptic JSON — {@code coco_image_id}, {@code image}
 * (IMAGE), {@code mask} (SEGMENT_MASK: the panoptic PNG as published, each pixel's segment id encoded as
 * R + 256·G + 256²·B, 0 = unlabelled), {@code width}, {@code height}, {@code filename}, {@code mask_filename},
 * {@code segments_info} (JSON, as in the file: id, category_id, iscrowd, bbox, area per segment) and
 * {@code categories} (JSON list of the categories the segments use, with {@code isthing} and {@code color}).
 * Missing images or masks, masks of the wrong size and file names leaving their folder fail that row only.
 */
public final class CocoPanoptic implements Format {

    public static final int DEFAULT_BATCH_SIZE = 100;

    static final List<String> COLUMNS = List.of(
            "coco_image_id",
            "image",
            "mask",
            "width",
            "height",
            "filename",
            "mask_filename",
            "segments_info",
            "categories");

    private final Path imagesDir;
    private final Path masksDir;
    private final Path annotations;
    private final int batchSize;
    private Parsed parsed;

    private record Entry(long imageId, String maskFile, JsonNode segments) {}

    private record Parsed(
            Map<Long, CocoInstances.Image> images, List<Entry> entries, Map<Integer, JsonNode> categories) {}

    public CocoPanoptic(Path imagesDir, Path masksDir, Path annotations) {
        this(imagesDir, masksDir, annotations, DEFAULT_BATCH_SIZE);
    }

    public CocoPanoptic(Path imagesDir, Path masksDir, Path annotations, int batchSize) {
        FormatArgs.positive("batchSize", batchSize);
        this.imagesDir = SourceFiles.folder(imagesDir, "COCO images folder");
        this.masksDir = SourceFiles.folder(masksDir, "panoptic masks folder");
        this.annotations = SourceFiles.file(annotations, "panoptic annotations file");
        this.batchSize = batchSize;
    }

    private synchronized Parsed parsed() {
        if (parsed == null) {
            List<CocoInstances.Image> images = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            Map<Integer, JsonNode> categories = new TreeMap<>();
            CocoJson.read(
                    annotations,
                    Map.of(
                            "images",
                                    n -> images.add(new CocoInstances.Image(
                                            n.path("id").asLong(),
                                            n.path("file_name").asText(null),
                                            n.path("width").asInt(0),
                                            n.path("height").asInt(0))),
                            "annotations",
                                    n -> entries.add(new Entry(
                                            n.path("image_id").asLong(),
                                            n.path("file_name").asText(null),
                                            n.path("segments_info"))),
                            "categories", n -> categories.put(n.path("id").asInt(), n)));
            if (images.isEmpty() && entries.isEmpty()) {
                throw CocoJson.notCoco(annotations, "it has neither \"images\" nor \"annotations\"");
            }
            parsed = new Parsed(CocoInstances.byId(images), entries, categories);
        }
        return parsed;
    }

    @Override
    public Stream<Map<String, List<?>>> normalize() {
        return normalize(FormatContext.logging());
    }

    @Override
    public Stream<Map<String, List<?>>> normalize(FormatContext context) {
        Parsed p = parsed();
        return RowBatches.stream(
                COLUMNS, batchSize, p.entries().iterator(), e -> row(p, e), context, 1, "coco-panoptic");
    }

    private Object[] row(Parsed p, Entry e) throws SourceException {
        CocoInstances.Image img = p.images().get(e.imageId());
        if (img == null) {
            throw new SourceException(
                    String.valueOf(e.maskFile()),
                    "annotation of image " + e.imageId() + ", which the \"images\" list does not have");
        }
        Path imageFile = SourceFiles.inside(imagesDir, img.fileName());
        Path maskFile = SourceFiles.inside(masksDir, e.maskFile());
        byte[] image = SourceFiles.read(imageFile);
        byte[] mask = SourceFiles.read(maskFile);
        int[] maskSize = ImageSize.png(mask);
        if (maskSize == null) {
            throw new SourceException(maskFile.toString(), "not a PNG file");
        }
        int width = img.width() > 0 ? img.width() : maskSize[0];
        int height = img.height() > 0 ? img.height() : maskSize[1];
        if (maskSize[0] != width || maskSize[1] != height) {
            throw new SourceException(
                    maskFile.toString(),
                    "the mask is " + maskSize[0] + "x" + maskSize[1] + " but the image is " + width + "x" + height);
        }
        List<Integer> used = new ArrayList<>();
        e.segments().forEach(s -> used.add(s.path("category_id").asInt()));
        return new Object[] {
            img.id(),
            image,
            mask,
            width,
            height,
            img.fileName(),
            e.maskFile(),
            Json.write(e.segments().isMissingNode() ? Json.MAPPER.createArrayNode() : e.segments()),
            CocoInstances.categoriesJson(p.categories(), used)
        };
    }

    @Override
    public Map<String, ColumnType> schema() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        out.put("coco_image_id", ColumnType.INT64);
        out.put("width", ColumnType.INT32);
        out.put("height", ColumnType.INT32);
        out.put("filename", ColumnType.TEXT);
        out.put("mask_filename", ColumnType.TEXT);
        out.put("segments_info", ColumnType.TEXT);
        out.put("categories", ColumnType.TEXT);
        return out;
    }

    @Override
    public Map<String, ColumnType> pgSchema() {
        return CocoInstances.imageAndMaskTypes();
    }

    @Override
    public long estimatedRows() {
        return parsed().entries().size();
    }

    /** Segment ids of a panoptic mask pixel: R + 256·G + 256²·B of its RGB value. */
    public static long segmentId(int rgb) {
        return ((rgb >> 16) & 0xff) + 256L * ((rgb >> 8) & 0xff) + 65536L * (rgb & 0xff);
    }
}
