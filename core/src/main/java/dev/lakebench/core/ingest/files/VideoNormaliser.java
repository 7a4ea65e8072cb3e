package dev.lakebench.core.ingest.files;

import dev.lakebench.core.ingest.thumbnail.Thumbnail;
import dev.lakebench.core.ingest.thumbnail.Thumbnailer;
import dev.lakebench.natives.media.FrameGrabber;
import dev.lakebench.natives.media.MediaException;
import dev.lakebench.natives.media.Segment;
import dev.lakebench.natives.media.VideoSegmenter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Video files: one row per segment of about 10 seconds cut by stream copy ({@code chunk_index},
 * {@code start_time} and {@code end_time} at the real cut points, the segment as MP4 in {@code video_data}),
 * with its first frame as a JPEG {@code thumbnail} (at most 640 pixels) and an empty {@code text}. Segments
 * stream through a scratch folder one at a time, so a two-hour video needs no more memory than one segment.
 */
final class VideoNormaliser implements FileNormaliser {

    static final double SEGMENT_SECONDS = 10.0;
    static final int FRAME_BOX = 640;
    /** Segments cut ahead of the one being stored. */
    private static final int WINDOW = 2;

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        Path work = Files.createTempDirectory("lakebench-video-");
        Deque<Future<Encoded>> pending = new ArrayDeque<>();
        try {
            // each segment's frame and thumbnails are made on a helper thread while the next segment is cut
            VideoSegmenter.split(job.file().path(), SEGMENT_SECONDS, work, job::cancelled, seg -> {
                pending.add(EncodePool.EXECUTOR.submit(() -> encode(job, seg)));
                while (pending.size() > WINDOW) {
                    emit(pending.poll(), out);
                }
            });
            while (!pending.isEmpty() && !job.cancelled()) {
                emit(pending.poll(), out);
            }
        } catch (MediaException e) {
            throw new FileFailure(e.getMessage(), e);
        } finally {
            for (Future<Encoded> f : pending) {
                try {
                    f.get(); // let each task finish with its segment file before the folder goes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // the failure was reported, or the file is being abandoned
                }
            }
            deleteTree(work);
        }
    }

    /** A segment ready to be a row. */
    private record Encoded(Map<String, Object> row, Map<String, List<Thumbnail>> thumbnails, String warning) {}

    private static Encoded encode(FileJob job, Segment seg) throws IOException {
        try {
            byte[] mp4 = Files.readAllBytes(seg.file());
            byte[] jpeg = null;
            Map<String, List<Thumbnail>> thumbs = Map.of();
            String warning = null;
            try {
                // the stored frame is at most 640 px; its thumbnails are made from it, as they would from the column
                BufferedImage frame = Thumbnailer.fitted(FrameGrabber.firstFrame(seg.file()), FRAME_BOX);
                jpeg = Thumbnailer.jpeg(frame);
                thumbs = Map.of("thumbnail", Thumbnailer.make(frame));
            } catch (IOException | RuntimeException e) { // MediaException: no decoder, damaged frame
                warning = "No thumbnail for segment " + seg.index() + " of "
                        + job.file().path() + ": " + e.getMessage();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("chunk_index", seg.index());
            row.put("start_time", seg.startSeconds());
            row.put("end_time", seg.endSeconds());
            row.put("video_data", mp4);
            row.put("thumbnail", jpeg);
            row.put("text", "");
            return new Encoded(row, thumbs, warning);
        } finally {
            Files.deleteIfExists(seg.file());
        }
    }

    private static void emit(Future<Encoded> f, RowOut out) throws IOException {
        Encoded e;
        try {
            e = f.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new FileFailure("Interrupted while reading video segments");
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw io;
            }
            throw new FileFailure("A video segment cannot be stored: " + ex.getCause(), ex.getCause());
        }
        if (e.warning() != null) {
            out.warn(e.warning());
        }
        out.rowWithThumbnails(e.row(), e.thumbnails());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space under the temp folder
        }
    }
}
