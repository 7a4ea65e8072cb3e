package dev.lakebench.core.ingest.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.schema.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a COCO instances file a row needs, kept compact: images in file order, each image's annotations
 * (segmentation as polygons or run-length encoding), categories by id; and the captions of a captions file.
 */
final class CocoInstances {

    record Image(long id, String fileName, int width, int height) {}

    /** Uncompressed counts, or COCO's compressed string, over an h x w grid. */
    record Rle(long[] counts, String compressed, int height, int width) {

        long[] decoded() {
            return counts != null ? counts : LabelMask.decodeCounts(compressed);
        }
    }

    record Annotation(long id, int categoryId, int iscrowd, double area, double[] bbox, double[][] polygons, Rle rle) {}

    final List<Image> images = new ArrayList<>();
    final Map<Long, List<Annotation>> annotations = new HashMap<>();
    final Map<Integer, JsonNode> categories = new TreeMap<>();
    final Map<Long, List<String>> captions = new HashMap<>();

    static CocoInstances read(Path instances, Path captionsFile) {
        CocoInstances out = new CocoInstances();
        boolean[] sawImages = new boolean[1];
        CocoJson.read(
                instances,
                Map.of(
                        "images",
                                n -> {
                                    sawImages[0] = true;
                                    out.images.add(new Image(
                                            n.path("id").asLong(),
                                            n.path("file_name").asText(null),
                                            n.path("width").asInt(0),
                                            n.path("height").asInt(0)));
                                },
                        "annotations",
                                n -> out.annotations
                                        .computeIfAbsent(n.path("image_id").asLong(), k -> new ArrayList<>())
                                        .add(annotation(n)),
                        "categories", n -> out.categories.put(n.path("id").asInt(), n)));
        if (!sawImages[0]) {
            throw CocoJson.notCoco(instances, "it has no \"images\" list");
        }
        if (captionsFile != null) {
            CocoJson.read(
                    captionsFile,
                    Map.of(
                            "annotations",
                            n -> out.captions
                                    .computeIfAbsent(n.path("image_id").asLong(), k -> new ArrayList<>())
                                    .add(n.path("caption").asText())));
        }
        return out;
    }

    private static Annotation annotation(JsonNode n) {
        JsonNode seg = n.path("segmentation");
        double[][] polygons = null;
        Rle rle = null;
        if (seg.isArray()) {
            polygons = new double[seg.size()][];
            for (int i = 0; i < seg.size(); i++) {
                JsonNode poly = seg.get(i);
                polygons[i] = new double[poly.size()];
                for (int j = 0; j < poly.size(); j++) {
                    polygons[i][j] = poly.get(j).asDouble();
                }
            }
        } else if (seg.isObject()) {
            JsonNode counts = seg.path("counts");
            int h = seg.path("size").path(0).asInt();
            int w = seg.path("size").path(1).asInt();
            if (counts.isTextual()) {
                rle = new Rle(null, counts.asText(), h, w);
            } else {
                long[] c = new long[counts.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = counts.get(i).asLong();
                }
                rle = new Rle(c, null, h, w);
            }
        }
        double[] bbox = new double[4];
        for (int i = 0; i < 4; i++) {
            bbox[i] = n.path("bbox").path(i).asDouble();
        }
        return new Annotation(
                n.path("id").asLong(),
                n.path("category_id").asInt(),
                n.path("iscrowd").asInt(0),
                n.path("area").asDouble(),
                bbox,
                polygons,
                rle);
    }

    List<Annotation> annotationsOf(long imageId) {
        return annotations.getOrDefault(imageId, List.of());
    }

    /** {@code [{"id", "bbox", "category_id", "area", "iscrowd"}, ...]} */
    static String annotationsJson(List<Annotation> anns) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Annotation a : anns) {
            ObjectNode o = out.addObject();
            o.put("id", a.id());
            ArrayNode b = o.putArray("bbox");
            for (double v : a.bbox()) {
                b.add(v);
            }
            o.put("category_id", a.categoryId());
            o.put("area", a.area());
            o.put("iscrowd", a.iscrowd());
        }
        return Json.write(out);
    }

    /** The categories the given ids refer to, by id, as the file gives them. */
    static String categoriesJson(Map<Integer, JsonNode> categories, Iterable<Integer> ids) {
        Map<Integer, JsonNode> used = new TreeMap<>();
        for (int id : ids) {
            JsonNode c = categories.get(id);
            used.put(id, c != null ? c : Json.MAPPER.createObjectNode().put("id", id));
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        used.values().forEach(out::add);
        return Json.write(out);
    }

    static Map<Long, Image> byId(List<Image> images) {
        Map<Long, Image> out = new LinkedHashMap<>();
        images.forEach(i -> out.put(i.id(), i));
        return out;
    }

    /** The domain types of the COCO tables' picture columns: the image and its segment mask. */
    static Map<String, ColumnType> imageAndMaskTypes() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        out.put("image", ColumnType.IMAGE);
        out.put("mask", ColumnType.SEGMENT_MASK);
        return out;
    }
}
