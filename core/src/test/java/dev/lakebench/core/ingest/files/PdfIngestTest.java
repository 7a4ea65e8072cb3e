package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.columns;
import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.data;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestOptions;
import dev.lakebench.core.client.IngestResult;
import dev.lakebench.core.client.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs become one row per page: the page as PNG at the asked resolution, its text, and thumbnails. */
class PdfIngestTest {

    @TempDir
    Path dir;

    /** Text compared by its words: whitespace collapsed, ligatures (U+FB01 ...) as their letters (NFKC). */
    static String words(Object text) {
        return java.text.Normalizer.normalize(text.toString(), java.text.Normalizer.Form.NFKC)
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** A PDF made here: one page per text, Letter size. */
    static Path generated(Path file, List<String> pageTexts) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            for (String t : pageTexts) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(t);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void generatedPdfPagesTextsAndResolution() throws Exception {
        Path pdf = generated(
                dir.resolve("made.pdf"), List.of("first page words", "second page words", "third page words"));
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "docs", pdf);
            assertThat(r.failures()).isEmpty();
            assertThat(r.rowCount()).isEqualTo(3);
            assertThat(columns(client, "docs"))
                    .containsExactly(
                            "id TEXT",
                            "file_id TEXT",
                            "page_index INT32",
                            "image IMAGE",
                            "text TEXT",
                            "filename TEXT",
                            "file_path TEXT");
            List<Row> rows = client.query("SELECT page_index, image, text FROM docs ORDER BY page_index");
            assertThat(rows)
                    .extracting(x -> words(x.get("text")))
                    .containsExactly("first page words", "second page words", "third page words");
            BufferedImage page =
                    ImageIO.read(new ByteArrayInputStream((byte[]) rows.get(0).get("image")));
            // Letter is 8.5 x 11 inches: 1275 x 1650 pixels at 150 DPI
            // (the renderer rounds down, so a pixel may be lost to floating point)
            assertThat(page.getWidth()).isBetween(1274, 1275);
            assertThat(page.getHeight()).isBetween(1649, 1650);
            assertThat(
                            count(
                                    client,
                                    "SELECT count(*) FROM thumbnails th JOIN docs d ON th.file_id = d.id WHERE th.column_name = 'image'"))
                    .isEqualTo(12);
            Row th = client.query(
                            "SELECT content FROM thumbnails th JOIN docs d ON th.file_id = d.id WHERE d.page_index = 0"
                                    + " AND th.dimension = '256x256'")
                    .get(0);
            BufferedImage t = ImageIO.read(new ByteArrayInputStream((byte[]) th.get("content")));
            assertThat(t.getHeight()).isEqualTo(256);
            assertThat(t.getWidth()).isEqualTo(198); // 1275/1650 of 256
        }
        try (Client client = Client.local(dir.resolve("lb72"))) {
            ingest(client, "docs", IngestOptions.defaults().pdfDpi(72), pdf);
            byte[] png = (byte[]) client.query("SELECT image FROM docs WHERE page_index = 0")
                    .get(0)
                    .get("image");
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isBetween(611, 612);
        }
    }

    @Test
    void samplePdfsPageCountsAndExpectedText() throws Exception {
        Path folder = data("pdf-sample");
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(
                    client,
                    "docs",
                    folder.resolve("crazyones.pdf"),
                    folder.resolve("pdflatex-outline.pdf"),
                    folder.resolve("jpeg.pdf"),
                    folder.resolve("metadata.pdf"),
                    folder.resolve("attachment.pdf"),
                    folder.resolve("Seige_of_Vicksburg_Sample_OCR.pdf"),
                    folder.resolve("crazyones-encrypted-256.pdf"));
            assertThat(r.failures())
                    .extracting(IngestFailure::path)
                    .containsExactly(
                            folder.resolve("crazyones-encrypted-256.pdf").toString());
            assertThat(r.failures().get(0).reason())
                    .contains("encrypted with a password")
                    .contains("qpdf --decrypt");
            Map<String, Integer> pages = Map.of(
                    "crazyones.pdf",
                    1,
                    "pdflatex-outline.pdf",
                    4,
                    "jpeg.pdf",
                    1,
                    "metadata.pdf",
                    1,
                    "attachment.pdf",
                    1,
                    "Seige_of_Vicksburg_Sample_OCR.pdf",
                    6);
            for (var e : pages.entrySet()) {
                String id = FileIds.contentId(Files.readAllBytes(folder.resolve(e.getKey())));
                assertThat(count(client, "SELECT count(*) FROM docs WHERE file_id = $1", id))
                        .as(e.getKey())
                        .isEqualTo((long) e.getValue());
                assertThat(count(client, "SELECT max(page_index) FROM docs WHERE file_id = $1", id))
                        .isEqualTo(e.getValue() - 1L);
            }
            assertThat(r.rowCount()).isEqualTo(14);
            String crazy = (String) client.query(
                            "SELECT text FROM docs WHERE file_id = $1",
                            FileIds.contentId(Files.readAllBytes(folder.resolve("crazyones.pdf"))))
                    .get(0)
                    .get("text");
            assertThat(words(crazy)).isEqualTo(words(Files.readString(folder.resolve("crazyones.txt"))));
            // the OCR layer of the scanned pages is extracted too
            assertThat(count(
                            client,
                            "SELECT count(*) FROM docs WHERE length(text) > 100 AND file_id = $1",
                            FileIds.contentId(Files.readAllBytes(folder.resolve("Seige_of_Vicksburg_Sample_OCR.pdf")))))
                    .isGreaterThan(0);
            // and the scans themselves (JBIG2 and JPEG 2000 images) are drawn, not left as white pages
            for (Row page : client.query(
                    "SELECT page_index, image FROM docs WHERE file_id = $1 ORDER BY page_index",
                    FileIds.contentId(Files.readAllBytes(folder.resolve("Seige_of_Vicksburg_Sample_OCR.pdf"))))) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream((byte[]) page.get("image")));
                assertThat(inkShare(img)).as("page %s", page.get("page_index")).isGreaterThan(0.01);
            }
        }
    }

    /** Share of pixels darker than mid-grey. */
    static double inkShare(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
                    dark++;
                }
            }
        }
        return dark / (double) ((img.getHeight() + 1) / 2 * ((img.getWidth() + 1) / 2));
    }

    @Test
    void encryptedWithAnEmptyUserPasswordOpens() throws Exception {
        Path plain = generated(dir.resolve("plain.pdf"), List.of("locked words"));
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            var permissions = new org.apache.pdfbox.pdmodel.encryption.AccessPermission();
            permissions.setCanModify(false);
            var policy =
                    new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(locked.toFile());
        }
        try (Client client = Client.local(dir.resolve("lb"))) {
            IngestResult r = ingest(client, "docs", locked);
            assertThat(r.failures()).isEmpty();
            assertThat(words(client.query("SELECT text FROM docs").get(0).get("text")))
                    .isEqualTo("locked words");
        }
    }
}
