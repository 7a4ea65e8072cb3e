package dev.lakebench.core.ingest.files;

import static dev.lakebench.core.ingest.files.FileTestSupport.count;
import static dev.lakebench.core.ingest.files.FileTestSupport.ingest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lakebench.core.client.Client;
import dev.lakebench.core.client.ErrorCode;
import dev.lakebench.core.client.IngestError;
import dev.lakebench.core.client.IngestFailure;
import dev.lakebench.core.client.IngestResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input fails on its own with a reason that names the file, the good file next to it lands,
 * and the rows the table held before are all still there.
 */
class BadInputTest {

    @TempDir
    Path dir;

    Path good;
    Client client;

    @BeforeEach
    void setUp() throws IOException {
        good = Files.writeString(dir.resolve("good.txt"), "a good little text file");
        client = Client.local(dir.resolve("lb"));
        // the table already holds rows that must survive every bad ingest
        client.ingest(
                "t",
                java.util.Map.of(
                        "path",
                        List.of(Files.writeString(dir.resolve("before.txt"), "earlier rows")
                                .toString())),
                dev.lakebench.core.client.IngestOptions.defaults().schema("path", "FILE"));
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        client.close();
    }

    /** Ingests a bad image next to a good one into a table of images that already has one, returns the reason. */
    private String imageFailureOf(Path bad) throws IOException {
        Path pillow = FileTestSupport.data("images-sample/pillow");
        ingest(client, "img", pillow.resolve("hopper.png"));
        IngestResult r = ingest(client, "img", bad, pillow.resolve("flower.jpg"));
        assertThat(r.failures()).extracting(IngestFailure::path).containsExactly(bad.toString());
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(client.query("SELECT filename FROM img ORDER BY filename"))
                .extracting(x -> x.get("filename"))
                .containsExactly("flower.jpg", "hopper.png");
        assertThat(count(client, "SELECT count(*) FROM thumbnails")).isEqualTo(8);
        return r.failures().get(0).reason();
    }

    @Test
    void truncatedJpeg() throws IOException {
        byte[] whole = Files.readAllBytes(FileTestSupport.data("images-sample/pillow/flower.jpg"));
        Path f = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(imageFailureOf(f))
                .contains("cut.jpg")
                .containsAnyOf("Damaged JPEG image", "Damaged or unsupported image");
    }

    @Test
    void corruptJpeg() throws IOException {
        byte[] junk = new byte[4000];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = (byte) 0xFF;
        junk[1] = (byte) 0xD8;
        Path f = Files.write(dir.resolve("junk.jpg"), junk);
        assertThat(imageFailureOf(f)).contains("junk.jpg");
    }

    @Test
    void pngDeclaringFiftyThousandSquaredPixelsIsRefusedBeforeDecoding() throws IOException {
        Path f = Files.write(dir.resolve("bomb.png"), pngHeader(50_000, 50_000));
        assertThat(imageFailureOf(f))
                .contains("declares 50000x50000 pixels (2500 megapixels)")
                .contains("up to 200 megapixels");
    }

    /** A PNG signature, an IHDR chunk declaring the size, a tiny IDAT and IEND: enough for a reader's header. */
    static byte[] pngHeader(int w, int h) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13)
                .putInt(w)
                .putInt(h)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(o, "IHDR", ihdr.array());
        chunk(o, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(o, "IEND", new byte[0]);
        return o.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream o, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        o.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        o.writeBytes(t);
        o.writeBytes(data);
        o.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Ingests a bad PDF next to a good one into a table of pages, returns the reason. */
    private String pdfFailureOf(Path bad) {
        Path good = FileTestSupport.data("pdf-sample/crazyones.pdf");
        IngestResult r = ingest(client, "pages", bad, good);
        assertThat(r.failures()).extracting(IngestFailure::path).containsExactly(bad.toString());
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM pages")).isEqualTo(1);
        return r.failures().get(0).reason();
    }

    @Test
    void truncatedPdf() throws IOException {
        byte[] whole = Files.readAllBytes(FileTestSupport.data("pdf-sample/pdflatex-outline.pdf"));
        Path f = Files.write(dir.resolve("cut.pdf"), java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        assertThat(pdfFailureOf(f)).contains("PDF cut.pdf is truncated");
    }

    @Test
    void corruptPdf() throws IOException {
        byte[] junk = new byte[3000];
        new java.util.Random(3).nextBytes(junk);
        byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, junk, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, junk, junk.length - tail.length, tail.length);
        Path f = Files.write(dir.resolve("junk.pdf"), junk);
        assertThat(pdfFailureOf(f)).contains("junk.pdf").containsAnyOf("Damaged PDF", "has no pages");
    }

    /** Ingests a bad video next to a good one into a table of segments, returns the reason. */
    private String videoFailureOf(Path bad) {
        Path good = FileTestSupport.data("video-sample/testvid_1022ms.mp4");
        IngestResult r = ingest(client, "clips", bad, good);
        assertThat(r.failures()).extracting(IngestFailure::path).containsExactly(bad.toString());
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM clips")).isEqualTo(1);
        return r.failures().get(0).reason();
    }

    @Test
    void truncatedMp4() throws Exception {
        // index at the end (as most recorders write it): cut off, nothing can be found
        Path made = VideoFixtures.make(dir.resolve("made.mp4"), "h264", 12, 25, 25, false);
        byte[] whole = Files.readAllBytes(made);
        Path cutEnd = Files.write(dir.resolve("cut-end.mp4"), java.util.Arrays.copyOf(whole, whole.length * 6 / 10));
        assertThat(videoFailureOf(cutEnd))
                .contains("cut-end.mp4")
                .containsAnyOf("Cannot open video", "Damaged video", "truncated");
    }

    @Test
    void truncatedMp4WithIndexFirst() throws Exception {
        // index first: the packets stop early, which the declared duration gives away
        byte[] whole = Files.readAllBytes(
                FileTestSupport.data("video-sample/sample_with_increasing_timestamps_320w_240h_5s.mp4"));
        Path cut = Files.write(dir.resolve("cut-start.mp4"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(videoFailureOf(cut))
                .contains("cut-start.mp4")
                .containsAnyOf("truncated", "Damaged video", "Cannot open video");
    }

    @Test
    void corruptMp4() throws IOException {
        byte[] junk = new byte[20_000];
        new java.util.Random(5).nextBytes(junk);
        Path f = Files.write(dir.resolve("junk.mp4"), junk);
        assertThat(videoFailureOf(f)).contains("junk.mp4").contains("Cannot open video");
    }

    /** Ingests the bad file next to the good one and returns the bad file's reason. */
    private String failureOf(Path bad) {
        IngestResult r = ingest(client, "t", bad, good);
        assertThat(r.failures()).extracting(IngestFailure::path).containsExactly(bad.toString());
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM t WHERE text = 'a good little text file'"))
                .isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM t WHERE text = 'earlier rows'"))
                .isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(2);
        return r.failures().get(0).reason();
    }

    @Test
    void missingPathAloneIsAnIngestError() {
        Path missing = dir.resolve("nope.pdf");
        assertThatThrownBy(() -> ingest(client, "t", missing))
                .isInstanceOf(IngestError.class)
                .hasMessageStartingWith("File not found: " + missing)
                .satisfies(e -> assertThat(((IngestError) e).code()).isEqualTo(ErrorCode.INGEST_FILE_NOT_FOUND));
        assertThat(count(client, "SELECT count(*) FROM t")).isEqualTo(1);
    }

    @Test
    void missingPathNextToGoodFilesIsAFailure() {
        assertThat(failureOf(dir.resolve("nope.txt"))).isEqualTo("File not found: " + dir.resolve("nope.txt"));
    }

    @Test
    void zeroByteFile() throws IOException {
        assertThat(failureOf(Files.createFile(dir.resolve("empty.txt")))).contains("File is empty (0 bytes)");
    }

    @Test
    void binaryBytesInATextFile() throws IOException {
        Path f = Files.write(dir.resolve("fake.txt"), new byte[] {'h', 'i', 0, 1, 2, (byte) 0xff});
        assertThat(failureOf(f)).contains("Binary data in a text file: NUL byte at offset 2 of fake.txt");
    }

    @Test
    void undecodableTextFile() throws IOException {
        Path f = Files.write(
                dir.resolve("latin1.txt"), "caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(failureOf(f)).contains("Not valid UTF-8 text: byte 0xE9 at offset 3 of latin1.txt");
    }

    @Test
    void unreadableFileByPermissions() throws IOException {
        // root reads any file whatever its mode, so this condition cannot be made when the tests run as root
        assumeFalse(
                "root".equals(System.getProperty("user.name")), "running as root: permission bits do not stop reads");
        Path f = Files.writeString(dir.resolve("secret.txt"), "hidden");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assertThat(failureOf(f)).contains("Permission denied: cannot read " + f);
    }

    @Test
    void unreadableSpecialFile() throws Exception {
        // a named pipe cannot be read as a file by anyone, root included
        Path fifo = dir.resolve("pipe.txt");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        assertThat(failureOf(fifo)).contains("Not a regular file (a device, pipe or socket)");
    }

    @Test
    void symlinkLoop() throws IOException {
        Path loop = dir.resolve("loop.txt");
        Files.createSymbolicLink(loop, loop.getFileName());
        assertThat(failureOf(loop)).contains("Symbolic link loop: " + loop);
    }

    @Test
    void folderLinkLoopIsReportedAndTheRestOfTheFolderLands() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("in.txt"), "inside");
        Files.createSymbolicLink(folder.resolve("again"), folder);
        Files.writeString(folder.resolve(".hidden.txt"), "never read");
        IngestResult r = ingest(client, "t", folder);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(folder.resolve("again").toString());
            assertThat(f.reason()).contains("Symbolic link loop").contains("leads back to " + folder.toRealPath());
        });
        assertThat(r.rowCount()).isEqualTo(1);
        assertThat(count(client, "SELECT count(*) FROM t WHERE text = 'never read'"))
                .isZero();
    }

    @Test
    void twoGigabyteSparseFile() throws IOException {
        Path f = dir.resolve("huge.bin");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(2L << 30);
        }
        assertThat(failureOf(f)).contains("File is 2.0 GB").contains("at most 256.0 MB");
    }
}
