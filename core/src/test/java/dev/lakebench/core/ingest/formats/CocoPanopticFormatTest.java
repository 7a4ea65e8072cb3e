package dev.lakebench.core.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COCO panoptic against the panoptic API's two-image sample. */
class CocoPanopticFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CocoPanoptic sample() {
        Path d = TestData.panoptic();
        return new CocoPanoptic(
                d.resolve("input_images"), d.resolve("panoptic_examples"), d.resolve("panoptic_examples.json"));
    }

    @Test
    void rowsCarryImagesMasksAndSegmentsWhoseIdsAreThoseOfTheMask() throws Exception {
        JsonNode panoptic = JSON.readTree(
                TestData.panoptic().resolve("panoptic_examples.json").toFile());
        try (Client client = Client.local(dir)) {
            IngestResult r = client.ingest("pan", sample(), IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(2);
            List<String> expected = new java.util.ArrayList<>(List.of("id"));
            expected.addAll(CocoPanoptic.COLUMNS);
            assertThat(client.describeTable("pan").schema().names()).containsExactlyElementsOf(expected);
            // thumbnails of the photos only: the mask is a SEGMENT_MASK, not an IMAGE
            assertThat(Thumbnails.assertFourPerRow(client, "pan", "image")).isEqualTo(8);
            assertThat(client.query("SELECT DISTINCT column_name FROM thumbnails"))
                    .extracting(x -> x.get("column_name"))
                    .containsExactly("image");
            assertThat(client.describeTable("pan")
                            .schema()
                            .column("mask")
                            .orElseThrow()
                            .type()
                            .name())
                    .isEqualTo("SEGMENT_MASK");
            List<Row> rows = client.query("SELECT * FROM pan ORDER BY coco_image_id");
            assertThat(rows).extracting(x -> x.get("coco_image_id")).containsExactly(142238L, 439180L);
            assertThat(rows)
                    .extracting(x -> ((Number) x.get("width")).intValue())
                    .containsExactly(640, 640);
            assertThat(rows)
                    .extracting(x -> ((Number) x.get("height")).intValue())
                    .containsExactly(427, 360);
            assertThat(rows)
                    .extracting(x -> x.get("mask_filename"))
                    .containsExactly("000000142238.png", "000000439180.png");
            for (Row row : rows) {
                assertThat((byte[]) row.get("image"))
                        .isEqualTo(Files.readAllBytes(
                                TestData.panoptic().resolve("input_images").resolve((String) row.get("filename"))));
                JsonNode segments = JSON.readTree((String) row.get("segments_info"));
                assertThat(segments.size()).isEqualTo(row.get("coco_image_id").equals(142238L) ? 18 : 32);
                Set<Long> declared = new HashSet<>();
                segments.forEach(s -> declared.add(s.get("id").asLong()));
                // the segment ids present in the stored mask are exactly those of segments_info
                BufferedImage mask = ImageIO.read(new ByteArrayInputStream((byte[]) row.get("mask")));
                Set<Long> present = new HashSet<>();
                for (int y = 0; y < mask.getHeight(); y++) {
                    for (int x = 0; x < mask.getWidth(); x++) {
                        long id = CocoPanoptic.segmentId(mask.getRGB(x, y));
                        if (id != 0) {
                            present.add(id);
                        }
                    }
                }
                assertThat(present).isEqualTo(declared);
                // categories: those the segments use, with their panoptic fields
                JsonNode cats = JSON.readTree((String) row.get("categories"));
                Set<Integer> used = new HashSet<>();
                segments.forEach(s -> used.add(s.get("category_id").asInt()));
                assertThat(cats.findValues("id")).extracting(JsonNode::asInt).containsExactlyInAnyOrderElementsOf(used);
                assertThat(cats.get(0).has("isthing")).isTrue();
            }
            // a known segment: the first of 142238 is a person (category 1) with id 3937500
            assertThat(panoptic.get("annotations")
                            .get(0)
                            .get("segments_info")
                            .get(0)
                            .get("id")
                            .asLong())
                    .isEqualTo(3937500L);
        }
    }

    @Test
    void missingMasksAndEscapingNamesFailTheirRowOnly() throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(
                TestData.panoptic().resolve("panoptic_examples.json").toFile());
        ((ObjectNode) json.get("annotations").get(0)).put("file_name", "../panoptic_examples.json");
        ((ObjectNode) json.get("annotations").get(1)).put("file_name", "nope.png");
        Path file = dir.resolve("pan.json");
        JSON.writeValue(file.toFile(), json);
        Path d = TestData.panoptic();
        CocoPanoptic p = new CocoPanoptic(d.resolve("input_images"), d.resolve("panoptic_examples"), file);
        try (Client client = Client.local(dir.resolve("data"))) {
            var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    dev.lakebench.core.client.IngestError.class,
                    () -> client.ingest("pan", p, IngestOptions.defaults()));
            assertThat(e)
                    .hasMessageContaining(
                            "The CocoPanoptic format produced no rows: 2 sources failed, the first ../panoptic_examples.json")
                    .hasMessageContaining("escapes its folder");
            assertThat(client.listTables()).doesNotContain("pan");
        }
        // the first annotation now names the other image's mask: 640x360 on a 640x427 image
        ((ObjectNode) json.get("annotations").get(0)).put("file_name", "000000439180.png");
        ((ObjectNode) json.get("annotations").get(1)).put("file_name", "000000439180.png");
        JSON.writeValue(file.toFile(), json);
        try (Client client = Client.local(dir.resolve("data2"))) {
            IngestResult r = client.ingest(
                    "pan",
                    new CocoPanoptic(d.resolve("input_images"), d.resolve("panoptic_examples"), file),
                    IngestOptions.defaults());
            assertThat(r.rowCount()).isEqualTo(1);
            assertThat(r.failures()).singleElement().satisfies(f -> {
                assertThat(f.path()).endsWith("000000439180.png");
                assertThat(f.reason()).isEqualTo("the mask is 640x360 but the image is 640x427");
            });
        }
    }
}
