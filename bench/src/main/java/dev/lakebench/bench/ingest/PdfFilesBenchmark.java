package dev.lakebench.bench.ingest;

import dev.lakebench.bench.BenchContext;
import dev.lakebench.bench.Benchmark;
import dev.lakebench.bench.support.Fmt;
import dev.lakebench.bench.support.Measurement;
import dev.lakebench.bench.support.Series;
import dev.lakebench.core.client.IngestOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF pages per second at 150 DPI through the file pipeline (render, PNG, text, four thumbnails, write), next to
 * the raw library doing the page work alone in one thread: PDFBox's render loop with ImageIO's PNG writer and
 * the text stripper (and, for orientation, the render loop alone).
 */
public final class PdfFilesBenchmark implements Benchmark {

    static final String NAME = "ingest-pdf-files";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PDF pages/s at 150 DPI through the file pipeline vs PDFBox render+PNG+text loop";
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        int docs = ctx.quick() ? 4 : 8;
        int pages = ctx.quick() ? 5 : 10;
        int reps = ctx.repetitions(3);
        Path input = Files.createDirectories(ctx.scratch(NAME).resolve("in"));
        for (int d = 0; d < docs; d++) {
            generate(input.resolve("doc-" + d + ".pdf"), pages, d);
        }
        int total = docs * pages;
        long[] rows = new long[1];
        // warm-up of both sides (JIT, fonts, engine library), untimed
        FileIngestRuns.ingest(ctx.scratch(NAME + "/warmup"), input.resolve("doc-0.pdf"), IngestOptions.defaults());
        Path one = Files.createDirectories(ctx.scratch(NAME + "/warm-in"));
        Files.copy(input.resolve("doc-0.pdf"), one.resolve("doc-0.pdf"));
        rawLoop(one, true);
        Series lb = FileIngestRuns.timed(ctx.scratch(NAME + "/lb"), input, IngestOptions.defaults(), reps, rows);
        if (rows[0] != total) {
            throw new IllegalStateException("ingested " + rows[0] + " of " + total + " pages");
        }
        Series raw = new Series();
        Series renderOnly = new Series();
        for (int r = 0; r < reps; r++) {
            System.gc();
            raw.add(Measurement.of(() -> rawLoop(input, true)));
            System.gc();
            renderOnly.add(Measurement.of(() -> rawLoop(input, false)));
        }
        double lbRate = lb.medianOf(m -> m.rate(total));
        double rawRate = raw.medianOf(m -> m.rate(total));
        ctx.record(
                NAME,
                "pages/s at 150 DPI, " + docs + " PDFs x " + pages + " pages (median of " + reps + ")",
                Fmt.decimal(lbRate, 1),
                Fmt.decimal(rawRate, 1) + " (PDFBox render + ImageIO PNG + text, 1 thread)",
                "render only: " + Fmt.decimal(renderOnly.medianOf(m -> m.rate(total)), 1) + " pages/s; lakebench/raw "
                        + Fmt.ratio(lbRate / rawRate) + "; runs " + lb.allSeconds() + " vs " + raw.allSeconds()
                        + "; other cores " + lb.allOtherCores());
        ctx.record(
                NAME,
                "CPU cores used (median run)",
                Fmt.decimal(lb.median().selfCores(), 2),
                Fmt.decimal(raw.median().selfCores(), 2),
                "");
    }

    /** What a user would write with PDFBox alone: every page rendered, written as PNG, its text extracted. */
    static void rawLoop(Path input, boolean pngAndText) throws Exception {
        try (var files = Files.list(input)) {
            for (Path f : files.sorted().toList()) {
                try (PDDocument doc = Loader.loadPDF(f.toFile())) {
                    PDFRenderer renderer = new PDFRenderer(doc);
                    PDFTextStripper stripper = new PDFTextStripper();
                    for (int i = 0; i < doc.getNumberOfPages(); i++) {
                        BufferedImage img = renderer.renderImageWithDPI(i, 150, ImageType.RGB);
                        if (pngAndText) {
                            ImageIO.write(img, "png", new ByteArrayOutputStream());
                            stripper.setStartPage(i + 1);
                            stripper.setEndPage(i + 1);
                            stripper.getText(doc);
                        }
                    }
                }
            }
        }
    }

    /** Pages of text paragraphs, vector shapes and a photo-like image, like a typical report. */
    static void generate(Path file, int pages, int seed) throws Exception {
        Random rnd = new Random(seed);
        BufferedImage photo = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                photo.setRGB(x, y, new Color((x * 255) / 600, (y * 255) / 400, (x * y + seed * 31) & 0xff).getRGB());
            }
        }
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = LosslessFactory.createFromImage(doc, photo);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(14);
                    cs.newLineAtOffset(56, 780);
                    for (int l = 0; l < 30; l++) {
                        StringBuilder sb = new StringBuilder();
                        while (sb.length() < 90) {
                            sb.append("word").append(rnd.nextInt(1000)).append(' ');
                        }
                        cs.showText(sb.toString());
                        cs.newLine();
                    }
                    cs.endText();
                    for (int s = 0; s < 40; s++) {
                        cs.setStrokingColor(new Color(rnd.nextInt(255), rnd.nextInt(255), rnd.nextInt(255)));
                        cs.moveTo(56 + rnd.nextInt(480), 60 + rnd.nextInt(200));
                        cs.lineTo(56 + rnd.nextInt(480), 60 + rnd.nextInt(200));
                        cs.stroke();
                    }
                    cs.drawImage(image, 300, 300, 240, 160);
                }
            }
            doc.save(new File(file.toString()));
        }
    }
}
