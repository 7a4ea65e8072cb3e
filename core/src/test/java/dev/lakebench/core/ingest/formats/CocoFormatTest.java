package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.awt.geom.Path2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COCO detection + captions against the real five-image val2017 sample. */
class CocoFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path images() {
        return TestData.coco().resolve("val2017");
    }

    private static Path annotations() {
        return TestData.coco().resolve("annotations");
    }

    private static JsonNode instances() throws Exception {
        return JSON.readTree(annotations().resolve("instances_val2017.json").toFile());
    }

    @Test
    void oneRowPerImageWithCaptionsAnnotationsAndCategories() throws Exception {
        JsonNode inst = instances();
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("coco", new Coco(images(), annotations()), IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(5);
            assertThat(r.failures()).isEmpty();
            var schema = client.describeTable("coco").schema();
            // rows that get thumbnails also get an id (the thumbnails' file_id), as file rows have
            List<String> expected = new java.util.ArrayList<>(List.of("id"));
            expected.addAll(Coco.COLUMNS);
            assertThat(schema.names()).containsExactlyElementsOf(expected);
            assertThat(Thumbnails.assertFourPerRow(client, "coco", "image")).isEqualTo(5 * 4);
            assertThat(client.query("SELECT count(*) AS n FROM thumbnails")
                            .get(0)
                            .get("n"))
                    .isEqualTo(20L);
            assertThat(schema.column("image").orElseThrow().type().name()).isEqualTo("IMAGE");
            assertThat(schema.column("mask").orElseThrow().type().name()).isEqualTo("SEGMENT_MASK");

            for (JsonNode img : inst.get("images")) {
                long id = img.get("id").asLong();
                Row row = client.query("SELECT * FROM coco WHERE coco_image_id = $1", id)
                        .get(0);
                assertThat(row.get("filename")).isEqualTo(img.get("file_name").asText());
                assertThat(((Number) row.get("width")).intValue())
                        .isEqualTo(img.get("width").asInt());
                assertThat(((Number) row.get("height")).intValue())
                        .isEqualTo(img.get("height").asInt());
                assertThat((byte[]) row.get("image"))
                        .isEqualTo(Files.readAllBytes(
                                images().resolve(img.get("file_name").asText())));
                long expectedObjects = 0;
                for (JsonNode a : inst.get("annotations")) {
                    expectedObjects += a.get("image_id").asLong() == id ? 1 : 0;
                }
                assertThat(((Number) row.get("num_objects")).longValue()).isEqualTo(expectedObjects);
                JsonNode anns = JSON.readTree((String) row.get("annotations"));
                assertThat(anns.size()).isEqualTo((int) expectedObjects);
                JsonNode captions = JSON.readTree((String) row.get("captions"));
                assertThat(captions.size()).isEqualTo(5);
            }
            // image 34417 has the crowd annotation: its entry says iscrowd 1, the category list names "donut"
            Row crowd = client.query("SELECT annotations, categories FROM coco WHERE coco_image_id = 34417")
                    .get(0);
            JsonNode anns = JSON.readTree((String) crowd.get("annotations"));
            assertThat(anns.findValues("iscrowd")).extracting(JsonNode::asInt).contains(1);
            JsonNode first = anns.get(0);
            assertThat(first.fieldNames()).toIterable().containsExactly("id", "bbox", "category_id", "area", "iscrowd");
            JsonNode cats = JSON.readTree((String) crowd.get("categories"));
            assertThat(cats.findValuesAsText("name")).containsExactly("person", "tie", "donut");
            Row captions = client.query("SELECT captions FROM coco WHERE coco_image_id = 117645")
                    .get(0);
            assertThat(JSON.readTree((String) captions.get("captions")).get(0).asText())
                    .isEqualTo("A man riding a snowboard down a snow covered slope.");
        }
    }

    @Test
    void masksMatchAnIndependentRasterOfThePolygonsAndTheCrowdRle() throws Exception {
        JsonNode inst = instances();
        List<Map<String, List<?>>> batches;
        try (var s = Coco.builder(images())
                .instances(annotations().resolve("instances_val2017.json"))
                .build()
                .normalize()) {
            batches = s.toList();
        }
        Map<Long, byte[]> masks = new HashMap<>();
        for (var b : batches) {
            for (int i = 0; i < b.get("coco_image_id").size(); i++) {
                masks.put((Long) b.get("coco_image_id").get(i), (byte[])
                        b.get("mask").get(i));
            }
        }
        for (JsonNode img : inst.get("images")) {
            long id = img.get("id").asLong();
            int w = img.get("width").asInt();
            int h = img.get("height").asInt();
            int[] expected = new int[w * h];
            for (JsonNode a : inst.get("annotations")) {
                if (a.get("image_id").asLong() == id) {
                    paintReference(expected, w, h, a);
                }
            }
            LabelMask mask = LabelMask.fromPng(masks.get(id));
            assertThat(mask.width()).isEqualTo(w);
            assertThat(mask.height()).isEqualTo(h);
            int differ = 0;
            Map<Integer, Integer> expectedCounts = new TreeMap<>();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    differ += mask.get(x, y) == expected[y * w + x] ? 0 : 1;
                    expectedCounts.merge(expected[y * w + x], 1, Integer::sum);
                }
            }
            // the two rasterisers may only disagree on pixel centres lying exactly on an edge
            assertThat(differ).as("pixels differing in image %d", id).isLessThanOrEqualTo(w * h / 2000);
            Map<Integer, Integer> counts = mask.histogram();
            assertThat(counts.keySet()).isEqualTo(expectedCounts.keySet());
            counts.forEach((cat, n) -> assertThat(n)
                    .isCloseTo(
                            expectedCounts.get(cat),
                            org.assertj.core.data.Offset.offset(Math.max(2, expectedCounts.get(cat) / 500))));
        }
        // known pixels: the crowd RLE of image 34417 (donuts, category 60) and a point well inside the
        // refrigerator (category 82) of image 802
        LabelMask donuts = LabelMask.fromPng(masks.get(34417L));
        assertThat(donuts.histogram().get(60)).isGreaterThanOrEqualTo(5517);
        LabelMask kitchen = LabelMask.fromPng(masks.get(802L));
        assertThat(kitchen.get(330, 360)).isEqualTo(82);
        assertThat(kitchen.get(95, 400)).isEqualTo(79);
        assertThat(kitchen.get(0, 0)).isZero();
    }

    /** Java2D's even-odd insideness at pixel centres, and a straightforward uncompressed RLE decode. */
    private static void paintReference(int[] labels, int w, int h, JsonNode ann) {
        int cat = ann.get("category_id").asInt();
        JsonNode seg = ann.get("segmentation");
        if (seg.isArray()) {
            for (JsonNode poly : seg) {
                Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                p.moveTo(poly.get(0).asDouble(), poly.get(1).asDouble());
                for (int i = 2; i + 1 < poly.size(); i += 2) {
                    p.lineTo(poly.get(i).asDouble(), poly.get(i + 1).asDouble());
                }
                p.closePath();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        if (p.contains(x + 0.5, y + 0.5)) {
                            labels[y * w + x] = cat;
                        }
                    }
                }
            }
        } else {
            int pos = 0;
            JsonNode counts = seg.get("counts");
            for (int i = 0; i < counts.size(); i++) {
                int n = counts.get(i).asInt();
                if (i % 2 == 1) {
                    for (int p = pos; p < pos + n; p++) {
                        labels[(p % h) * w + p / h] = cat;
                    }
                }
                pos += n;
            }
        }
    }

    @Test
    void theCrowdRleCoversExactlyItsArea() throws Exception {
        for (JsonNode a : instances().get("annotations")) {
            if (a.get("iscrowd").asInt() == 1) {
                LabelMask m = new LabelMask(500, 375);
                long[] counts = new long[a.get("segmentation").get("counts").size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = a.get("segmentation").get("counts").get(i).asLong();
                }
                m.paintRle(counts, 60);
                assertThat(m.histogram().get(60))
                        .isEqualTo(a.get("area").asInt())
                        .isEqualTo(5517);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void compressedRleMasksEqualThePanopticSegmentsTheyWereMadeFrom() throws Exception {
        // the panoptic sample ships the same two images as detection annotations with compressed RLE strings
        Path data = TestData.panoptic();
        Coco coco = Coco.builder(data.resolve("input_images"))
                .instances(data.resolve("panoptic_coco_detection_format.json"))
                .build();
        JsonNode panoptic = JSON.readTree(data.resolve("panoptic_examples.json").toFile());
        List<Map<String, List<?>>> batches;
        try (var s = coco.normalize()) {
            batches = s.toList();
        }
        assertThat((List<Object>) batches.get(0).get("coco_image_id")).containsExactly(142238L, 439180L);
        for (int i = 0; i < 2; i++) {
            long id = (Long) batches.get(0).get("coco_image_id").get(i);
            LabelMask mask =
                    LabelMask.fromPng((byte[]) batches.get(0).get("mask").get(i));
            JsonNode ann = null;
            for (JsonNode a : panoptic.get("annotations")) {
                if (a.get("image_id").asLong() == id) {
                    ann = a;
                }
            }
            Map<Long, Integer> categoryOfSegment = new HashMap<>();
            for (JsonNode s : ann.get("segments_info")) {
                categoryOfSegment.put(s.get("id").asLong(), s.get("category_id").asInt());
            }
            var png = javax.imageio.ImageIO.read(data.resolve("panoptic_examples")
                    .resolve(ann.get("file_name").asText())
                    .toFile());
            int differ = 0;
            for (int y = 0; y < mask.height(); y++) {
                for (int x = 0; x < mask.width(); x++) {
                    int rgb = png.getRGB(x, y);
                    long segment = ((rgb >> 16) & 0xff) + 256L * ((rgb >> 8) & 0xff) + 65536L * (rgb & 0xff);
                    int expected = segment == 0 ? 0 : categoryOfSegment.get(segment);
                    differ += mask.get(x, y) == expected ? 0 : 1;
                }
            }
            assertThat(differ).as("pixels differing in image %d", id).isZero();
        }
    }

    @Test
    void pathTraversalAndMissingImagesFailTheirRowOnly() throws Exception {
        Path imagesDir = dir.resolve("images");
        Files.createDirectories(imagesDir);
        Files.copy(images().resolve("000000000139.jpg"), imagesDir.resolve("000000000139.jpg"));
        Files.writeString(dir.resolve("secret.jpg"), "not for you");
        ObjectNode inst = (ObjectNode) instances();
        ArrayNode imgs = (ArrayNode) inst.get("images");
        for (JsonNode img : imgs) {
            long id = img.get("id").asLong();
            if (id == 802) {
                ((ObjectNode) img).put("file_name", "../secret.jpg");
            } else if (id == 34417) {
                ((ObjectNode) img).put("file_name", dir.resolve("secret.jpg").toString());
            } else if (id == 117645) {
                ((ObjectNode) img).put("file_name", "sub/../../images/../secret.jpg");
            }
        }
        Path file = dir.resolve("instances.json");
        JSON.writeValue(file.toFile(), inst);
        try (Client client = Client.local(dir.resolve("data"))) {
            IngestResult r = client.ingest(
                    "coco", Coco.builder(imagesDir).instances(file).build(), IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(r.failures())
                    .extracting(f -> f.path())
                    .containsExactlyInAnyOrder(
                            "../secret.jpg",
                            dir.resolve("secret.jpg").toString(),
                            "sub/../../images/../secret.jpg",
                            imagesDir.resolve("000000165518.jpg").toString());
            assertThat(r.failures())
                    .filteredOn(f -> f.path().contains("secret"))
                    .allSatisfy(f -> assertThat(f.reason()).contains("escapes its folder " + imagesDir));
            assertThat(r.failures())
                    .filteredOn(f -> f.path().endsWith("000000165518.jpg"))
                    .allSatisfy(f -> assertThat(f.reason()).isEqualTo("file not found"));
            assertThat(client.query("SELECT coco_image_id FROM coco").get(0).get("coco_image_id"))
                    .isEqualTo(139L);
        }
    }

    @Test
    void maxImagesBatchSizeAndAnnotationDiscovery() {
        Coco coco = Coco.builder(images())
                .annotationsDir(annotations())
                .maxImages(3)
                .batchSize(2)
                .threads(1)
                .build();
        assertThat(coco.estimatedRows()).isEqualTo(3);
        assertThat(coco.imageColumns()).containsExactly("image");
        try (var s = coco.normalize()) {
            assertThat(s.toList()).extracting(b -> b.get("image").size()).containsExactly(2, 1);
        }
        assertThatThrownBy(() -> new Coco(images(), images()))
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("No instances_*.json file in "
                        + images().toAbsolutePath().normalize());
        assertThatThrownBy(() -> Coco.builder(dir.resolve("missing"))
                        .annotationsDir(annotations())
                        .build())
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("Folder not found: " + dir.resolve("missing"));
        assertThatThrownBy(() -> Coco.builder(images())
                        .instances(dir.resolve("none.json"))
                        .build())
                .isInstanceOf(IngestError.class)
                .hasMessageContaining("File not found: " + dir.resolve("none.json"));
    }
}
