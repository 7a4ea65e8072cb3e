package dev.lakebench.core.ingest.files;

import dev.lakebench.core.ingest.thumbnail.Thumbnailer;
import dev.lakebench.natives.media.FrameGrabber;
import dev.lakebench.natives.media.MediaException;
import dev.lakebench.natives.media.Segment;
import dev.lakebench.natives.media.VideoSegmenter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Override
    public void normalise(FileJob job, RowOut out) throws IOException {
        Path work = Files.createTempDirectory("lakebench-video-");
        try {
            VideoSegmenter.split(job.file().path(), SEGMENT_SECONDS, work, job::cancelled, seg -> row(job, seg, out));
        } catch (MediaException e) {
            throw new FileFailure(e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static void row(FileJob job, Segment seg, RowOut out) throws IOException {
        try {
            byte[] mp4 = Files.readAllBytes(seg.file());
            BufferedImage frame = null;
            byte[] jpeg = null;
            try {
                frame = FrameGrabber.firstFrame(seg.file());
                jpeg = Thumbnailer.jpeg(frame, FRAME_BOX);
            } catch (MediaException | IOException e) {
                out.warn("No thumbnail for segment " + seg.index() + " of " + job.file().path() + ": " + e.getMessage());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("chunk_index", seg.index());
            row.put("start_time", seg.startSeconds());
            row.put("end_time", seg.endSeconds());
            row.put("video_data", mp4);
            row.put("thumbnail", jpeg);
            row.put("text", "");
            out.row(row, frame == null ? Map.of() : Map.of("thumbnail", frame));
        } finally {
            Files.deleteIfExists(seg.file());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space under the temp folder
        }
    }
}
