package dev.lakebench.core.ingest.files;

import dev.lakebench.core.ingest.image.PngEncoding;
import dev.lakebench.core.ingest.thumbnail.Thumbnail;
import dev.lakebench.core.ingest.thumbnail.Thumbnailer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF files: one row per page with the page rendered at {@code pdfDpi} as PNG ({@code image}) and its extracted
 * text. The document is read from disk as needed (scratch data in temp files), so large PDFs stay out of the
 * heap. Encrypted documents open when their user password is empty (owner-restricted PDFs); otherwise the file
 * fails with what to do.
 */
final class PdfNormaliser implements FileNormaliser {

    /** Pages larger than this many pixels at the asked resolution are rendered at a lower one. */
    static final long MAX_PAGE_PIXELS = 60_000_000L;
    /** Pages rendered ahead of the one being stored (each holds its rendered image until encoded). */
    private static final int WINDOW = 2;

    private static final int TAIL = 2048;

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        requireEnd(job.file());
        String name = job.file().filename();
        PDDocument doc;
        try {
            doc = Loader.loadPDF(
                    new RandomAccessReadBufferedFile(job.file().path().toFile()),
                    "",
                    null,
                    null,
                    IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new FileFailure("PDF " + name + " is encrypted with a password; decrypt it first (e.g. qpdf --decrypt"
                    + " --password=PASSWORD in.pdf out.pdf) and ingest the copy");
        } catch (IOException e) {
            throw new FileFailure("Damaged PDF " + name + ": " + e.getMessage(), e);
        }
        try (doc) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new FileFailure("PDF " + name + " has no pages (it may be damaged)");
            }
            boolean text = doc.getCurrentAccessPermission().canExtractContent();
            if (!text) {
                out.warn("PDF " + name + " forbids text extraction; its pages are stored without text");
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            PDFTextStripper stripper = new PDFTextStripper();
            Deque<Future<Encoded>> pending = new ArrayDeque<>();
            try {
                for (int i = 0; i < pages; i++) {
                    if (job.cancelled()) {
                        return;
                    }
                    float dpi =
                            dpiFor(doc.getPage(i).getMediaBox(), job.options().pdfDpi());
                    if (dpi < job.options().pdfDpi()) {
                        out.warn("Page " + (i + 1) + " of " + name + " is very large; rendered at " + Math.round(dpi)
                                + " DPI");
                    }
                    BufferedImage img;
                    String pageText = "";
                    try {
                        img = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                        if (text) {
                            stripper.setStartPage(i + 1);
                            stripper.setEndPage(i + 1);
                            pageText = stripper.getText(doc);
                        }
                    } catch (IOException | RuntimeException e) {
                        throw new FileFailure(
                                "Page " + (i + 1) + " of PDF " + name + " cannot be read: " + e.getMessage(), e);
                    }
                    // PNG and thumbnails on a helper thread while this one renders the next page
                    int page = i;
                    String t = pageText;
                    pending.add(EncodePool.EXECUTOR.submit(() -> encode(page, img, t)));
                    while (pending.size() > WINDOW) {
                        emit(pending.poll(), out, name);
                    }
                }
                while (!pending.isEmpty()) {
                    emit(pending.poll(), out, name);
                }
            } finally {
                pending.forEach(f -> f.cancel(true));
            }
        }
    }

    /** A page ready to be a row. */
    private record Encoded(Map<String, Object> row, Map<String, List<Thumbnail>> thumbnails, String warning) {}

    private static Encoded encode(int page, BufferedImage img, String text) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("page_index", page);
        row.put("image", PngEncoding.encode(img));
        row.put("text", text);
        try {
            return new Encoded(row, Map.of("image", Thumbnailer.make(img)), null);
        } catch (IOException | RuntimeException e) {
            return new Encoded(
                    row, Map.of(), "Thumbnails of page " + (page + 1) + " could not be made: " + e.getMessage());
        }
    }

    private static void emit(Future<Encoded> f, RowOut out, String name) {
        Encoded e;
        try {
            e = f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FileFailure("Interrupted while encoding pages of " + name);
        } catch (ExecutionException ex) {
            throw new FileFailure("A page of PDF " + name + " cannot be encoded: " + ex.getCause(), ex.getCause());
        }
        if (e.warning() != null) {
            out.warn(e.warning() + " (" + name + ")");
        }
        out.rowWithThumbnails(e.row(), e.thumbnails());
    }

    /** The resolution to render a page at: the asked one unless the page would exceed the pixel limit. */
    static float dpiFor(PDRectangle box, int dpi) {
        double w = box.getWidth() / 72.0 * dpi;
        double h = box.getHeight() / 72.0 * dpi;
        if (w * h <= MAX_PAGE_PIXELS) {
            return dpi;
        }
        return (float) (dpi * Math.sqrt(MAX_PAGE_PIXELS / (w * h)));
    }

    /**
     * A PDF ends with "%%EOF"; a file cut short (an interrupted download or copy) does not. The parser would
     * otherwise reconstruct what it can and store pages silently missing.
     */
    private static void requireEnd(FileEntry f) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.path().toFile(), "r")) {
            long len = raf.length();
            int n = (int) Math.min(TAIL, len);
            byte[] tail = new byte[n];
            raf.seek(len - n);
            raf.readFully(tail);
            String s = new String(tail, StandardCharsets.ISO_8859_1);
            if (!s.contains("%%EOF")) {
                boolean header = false;
                raf.seek(0);
                byte[] head = new byte[(int) Math.min(1024, len)];
                raf.readFully(head);
                header = new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
                throw new FileFailure(
                        header
                                ? "PDF " + f.filename()
                                        + " is truncated (it does not end with %%EOF); copy or download it again"
                                : "Not a PDF: " + f.filename() + " has no %PDF header");
            }
        }
    }
}
