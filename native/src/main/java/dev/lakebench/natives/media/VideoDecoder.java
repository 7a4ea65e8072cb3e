package dev.lakebench.natives.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Decodes the pictures of a video file with the bundled FFmpeg, one after another or from a point in time, as
 * BGRA bytes ready for a picture on screen. Not thread-safe: one thread drives a decoder.
 */
public final class VideoDecoder implements AutoCloseable {

    /** One decoded picture: its time in seconds from the start of the file and its BGRA pixels, row after row. */
    public record Picture(double seconds, int width, int height, byte[] bgra) {}

    private final FFmpegFrameGrabber grabber;
    private final String name;
    private final double origin;

    private VideoDecoder(FFmpegFrameGrabber grabber, String name) {
        this.grabber = grabber;
        this.name = name;
        this.origin = Grabbers.origin(grabber);
    }

    /** Opens a video file; a MediaException names the file and why it cannot be decoded. */
    public static VideoDecoder open(Path file) {
        FFmpegFrameGrabber g = Grabbers.start(file, "video ", s -> s.setPixelFormat(avutil.AV_PIX_FMT_BGRA));
        if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            VideoDecoder d = new VideoDecoder(g, file.getFileName().toString());
            d.close();
            throw new MediaException(file.getFileName() + " has no video stream to show");
        }
        return new VideoDecoder(g, file.getFileName().toString());
    }

    public int width() {
        return grabber.getImageWidth();
    }

    public int height() {
        return grabber.getImageHeight();
    }

    /** Length in seconds (0 when the file does not say). */
    public double duration() {
        long us = grabber.getLengthInTime();
        return us > 0 ? us / 1_000_000.0 : 0;
    }

    /** The next picture, or null at the end of the file. */
    public Picture next() {
        try {
            while (true) {
                Frame f = grabber.grabImage();
                if (f == null) {
                    return null;
                }
                if (f.image != null && f.image.length > 0) {
                    return picture(f);
                }
            }
        } catch (Exception e) {
            throw new MediaException("Cannot decode " + name + ": " + e.getMessage(), e);
        }
    }

    /** Moves to the picture at (or just after) {@code seconds} from the start; the next {@link #next} returns it. */
    public void seek(double seconds) {
        try {
            grabber.setVideoTimestamp(Math.round((Math.max(0, seconds) + origin) * 1_000_000));
        } catch (Exception e) {
            throw new MediaException("Cannot move to " + seconds + " s in " + name + ": " + e.getMessage(), e);
        }
    }

    private Picture picture(Frame f) {
        int w = f.imageWidth;
        int h = f.imageHeight;
        ByteBuffer src = (ByteBuffer) f.image[0];
        int stride = f.imageStride;
        byte[] out = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            src.position(y * stride);
            src.get(out, y * w * 4, w * 4);
        }
        src.rewind();
        return new Picture(Math.max(0, f.timestamp / 1_000_000.0 - origin), w, h, out);
    }

    @Override
    public void close() {
        Grabbers.release(grabber);
    }
}
